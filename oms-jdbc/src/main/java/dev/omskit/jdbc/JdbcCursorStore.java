package dev.omskit.jdbc;

import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Poll cursors in PostgreSQL ({@code omskit_sync_cursor}). {@link #advance} is one conditional statement:
 * an {@code INSERT ... ON CONFLICT DO NOTHING} for the first position, an {@code UPDATE ... WHERE position =
 * expected} after that, so of two instances reading the same page exactly one moves the cursor, without
 * any lock held between statements. Passes {@code CursorStoreCompatibilityKit}.
 */
public final class JdbcCursorStore implements CursorStore {
    private final Database db;

    /** Cursors in {@code db} (migrated with {@link Migrations#apply}). */
    public JdbcCursorStore(Database db) {
        this.db = Checks.notNull("db", db);
    }

    @Override
    public Optional<String> cursor(TenantId tenant, String connector, String feed) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("connector", connector);
        Checks.notNull("feed", feed);
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT position FROM omskit_sync_cursor WHERE tenant = ? AND connector = ? AND feed = ?")) {
                p.setString(1, tenant.value());
                p.setString(2, connector);
                p.setString(3, feed);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean advance(TenantId tenant, String connector, String feed, Optional<String> expected, String next) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("connector", connector);
        Checks.notNull("feed", feed);
        Checks.notNull("expected", expected);
        Checks.notNull("next", next);
        return db.transaction(c -> {
            if (expected.isEmpty()) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO omskit_sync_cursor (tenant, connector,"
                        + " feed, position) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, connector, feed) DO NOTHING")) {
                    p.setString(1, tenant.value());
                    p.setString(2, connector);
                    p.setString(3, feed);
                    p.setString(4, next);
                    return p.executeUpdate() == 1;
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE omskit_sync_cursor SET position = ?, updated_at ="
                    + " now() WHERE tenant = ? AND connector = ? AND feed = ? AND position = ?")) {
                p.setString(1, next);
                p.setString(2, tenant.value());
                p.setString(3, connector);
                p.setString(4, feed);
                p.setString(5, expected.get());
                return p.executeUpdate() == 1;
            }
        });
    }
}
