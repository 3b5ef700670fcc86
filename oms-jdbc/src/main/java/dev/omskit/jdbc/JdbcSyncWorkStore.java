package dev.omskit.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sync engine's work in PostgreSQL ({@code omskit_sync_work}), for many engine instances on one
 * database.
 *
 * <ul>
 *   <li>{@link #enqueue} is one upsert ({@code INSERT ... ON CONFLICT DO UPDATE}) that keeps pending and
 *       parked work's state and schedule and restarts finished work, all in the one statement, so two
 *       instances asking for the same work at once leave one item with the newer payload.
 *   <li>{@link #replace} is a conditional {@code UPDATE ... WHERE version = ?}: every change adds one to the
 *       version, so the version names the exact item the caller read.
 *   <li>{@link #due} reads pending work by the partial index on {@code (not_before, key)}.
 * </ul>
 *
 * Payloads are a {@code json} object of strings. Instants are kept to the microsecond (PostgreSQL's
 * {@code timestamptz}). Passes {@code SyncWorkStoreCompatibilityKit}.
 */
public final class JdbcSyncWorkStore implements SyncWorkStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> PAYLOAD = new TypeReference<>() {};
    private static final String COLUMNS = "tenant, key, connector, type, payload, state, attempts, not_before,"
            + " last_failure, last_failure_kind, version, created_at, updated_at";
    private static final String RESTART = "omskit_sync_work.state IN ('DONE', 'DISCARDED')";

    private final Database db;

    /** Work in {@code db} (migrated with {@link Migrations#apply}). */
    public JdbcSyncWorkStore(Database db) {
        this.db = Checks.notNull("db", db);
    }

    @Override
    public SyncWork enqueue(
            TenantId tenant, String key, String connector, String type, Map<String, String> payload, Instant now) {
        SyncWork fresh = SyncWork.pending(tenant, key, connector, type, payload, now);
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO omskit_sync_work (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?::json, 'PENDING', 0, ?, NULL, NULL, 1, ?, ?)"
                    + " ON CONFLICT (tenant, key) DO UPDATE SET"
                    + " payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at,"
                    + " version = omskit_sync_work.version + 1,"
                    + " connector = CASE WHEN " + RESTART
                    + " THEN EXCLUDED.connector ELSE omskit_sync_work.connector END,"
                    + " type = CASE WHEN " + RESTART + " THEN EXCLUDED.type ELSE omskit_sync_work.type END,"
                    + " state = CASE WHEN " + RESTART + " THEN 'PENDING' ELSE omskit_sync_work.state END,"
                    + " attempts = CASE WHEN " + RESTART + " THEN 0 ELSE omskit_sync_work.attempts END,"
                    + " not_before = CASE WHEN " + RESTART + " THEN EXCLUDED.not_before"
                    + " ELSE omskit_sync_work.not_before END,"
                    + " last_failure = CASE WHEN " + RESTART + " THEN NULL ELSE omskit_sync_work.last_failure END,"
                    + " last_failure_kind = CASE WHEN " + RESTART + " THEN NULL"
                    + " ELSE omskit_sync_work.last_failure_kind END,"
                    + " created_at = CASE WHEN " + RESTART + " THEN EXCLUDED.created_at"
                    + " ELSE omskit_sync_work.created_at END"
                    + " RETURNING " + COLUMNS)) {
                p.setString(1, fresh.tenant().value());
                p.setString(2, fresh.key());
                p.setString(3, fresh.connector());
                p.setString(4, fresh.type());
                p.setString(5, json(fresh.payload()));
                p.setObject(6, Sql.time(fresh.notBefore()));
                p.setObject(7, Sql.time(fresh.createdAt()));
                p.setObject(8, Sql.time(fresh.updatedAt()));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return row(r);
                }
            }
        });
    }

    @Override
    public List<SyncWork> due(Instant now, int limit) {
        Checks.notNull("now", now);
        positive(limit);
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM omskit_sync_work"
                    + " WHERE state = 'PENDING' AND not_before <= ? ORDER BY not_before, key, tenant LIMIT ?")) {
                p.setObject(1, Sql.time(now));
                p.setInt(2, limit);
                return rows(p);
            }
        });
    }

    @Override
    public boolean replace(SyncWork expected, SyncWork next) {
        Checks.notNull("expected", expected);
        Checks.notNull("next", next);
        if (!expected.key().equals(next.key())
                || !expected.tenant().equals(next.tenant())
                || next.version() != expected.version() + 1) {
            throw new InvalidArgumentException("a replacement of sync work " + expected.key()
                    + " must keep its tenant and key and be one version on");
        }
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE omskit_sync_work SET connector = ?, type = ?,"
                    + " payload = ?::json, state = ?, attempts = ?, not_before = ?, last_failure = ?,"
                    + " last_failure_kind = ?, version = ?, created_at = ?, updated_at = ?"
                    + " WHERE tenant = ? AND key = ? AND version = ?")) {
                p.setString(1, next.connector());
                p.setString(2, next.type());
                p.setString(3, json(next.payload()));
                p.setString(4, next.state().name());
                p.setInt(5, next.attempts());
                p.setObject(6, Sql.time(next.notBefore()));
                p.setString(7, next.lastFailure().orElse(null));
                p.setString(8, next.lastFailureKind().map(Enum::name).orElse(null));
                p.setLong(9, next.version());
                p.setObject(10, Sql.time(next.createdAt()));
                p.setObject(11, Sql.time(next.updatedAt()));
                p.setString(12, expected.tenant().value());
                p.setString(13, expected.key());
                p.setLong(14, expected.version());
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<SyncWork> find(TenantId tenant, String key) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("key", key);
        return db.read(c -> {
            try (PreparedStatement p =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM omskit_sync_work WHERE tenant = ? AND key = ?")) {
                p.setString(1, tenant.value());
                p.setString(2, key);
                return rows(p).stream().findFirst();
            }
        });
    }

    @Override
    public List<SyncWork> inState(TenantId tenant, SyncState state, int offset, int limit) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("state", state);
        positive(limit);
        if (offset < 0) {
            throw new InvalidArgumentException("offset must not be negative; was " + offset);
        }
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM omskit_sync_work"
                    + " WHERE tenant = ? AND state = ? ORDER BY created_at, key OFFSET ? LIMIT ?")) {
                p.setString(1, tenant.value());
                p.setString(2, state.name());
                p.setInt(3, offset);
                p.setInt(4, limit);
                return rows(p);
            }
        });
    }

    @Override
    public int countInState(TenantId tenant, SyncState state) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("state", state);
        return db.read(c -> {
            try (PreparedStatement p =
                    c.prepareStatement("SELECT count(*) FROM omskit_sync_work WHERE tenant = ? AND state = ?")) {
                p.setString(1, tenant.value());
                p.setString(2, state.name());
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    private static List<SyncWork> rows(PreparedStatement p) throws SQLException {
        List<SyncWork> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(row(r));
            }
        }
        return out;
    }

    private static SyncWork row(ResultSet r) throws SQLException {
        return new SyncWork(
                TenantId.of(r.getString("tenant")),
                r.getString("key"),
                r.getString("connector"),
                r.getString("type"),
                payload(r.getString("payload")),
                SyncState.valueOf(r.getString("state")),
                r.getInt("attempts"),
                Sql.instant(r, "not_before"),
                Optional.ofNullable(r.getString("last_failure")),
                Optional.ofNullable(r.getString("last_failure_kind")).map(FailureKind::valueOf),
                r.getLong("version"),
                Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"));
    }

    private static String json(Map<String, String> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new InternalException("a sync payload of strings could not be written as JSON", e);
        }
    }

    private static Map<String, String> payload(String json) {
        try {
            return JSON.readValue(json, PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new InternalException("a stored sync payload is not a JSON object of strings", e);
        }
    }

    private static void positive(int limit) {
        if (limit < 1) {
            throw new InvalidArgumentException("limit must be positive; was " + limit);
        }
    }
}
