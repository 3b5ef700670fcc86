package dev.omskit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.support.Checks;
import java.util.List;
import javax.sql.DataSource;

/**
 * omskit's storage on one PostgreSQL database: the stores of every storage SPI over one {@link Database},
 * and the schema migrations. Give it the host's {@code DataSource}, or let it create a HikariCP pool
 * ({@link #pooled}). Build it once per process; it is thread-safe, and any number of processes may share
 * the database.
 *
 * <pre>{@code
 * JdbcStorage storage = JdbcStorage.of(dataSource);
 * storage.migrate();                               // creates or upgrades the schema; safe on every start
 * Oms oms = Oms.builder().storage(storage.orders())...build();
 * SyncEngine.builder().work(storage.syncWork()).cursors(storage.cursors())...
 * }</pre>
 */
public final class JdbcStorage {
    private final Database db;
    private final JdbcSyncWorkStore syncWork;
    private final JdbcCursorStore cursors;
    private final JdbcOrderStorage orders;
    private final JdbcInventoryStore inventory;

    private JdbcStorage(Database db) {
        this.db = db;
        this.orders = new JdbcOrderStorage(db);
        this.inventory = new JdbcInventoryStore(db);
        this.syncWork = new JdbcSyncWorkStore(db);
        this.cursors = new JdbcCursorStore(db);
    }

    /** The stores over {@code dataSource}; call {@link #migrate()} before first use. */
    public static JdbcStorage of(DataSource dataSource) {
        return new JdbcStorage(Database.of(dataSource));
    }

    /**
     * A HikariCP pool of {@code poolSize} connections to {@code jdbcUrl} (credentials in the URL or given
     * here). Close it with {@code ((AutoCloseable) dataSource).close()} when the process ends.
     */
    public static DataSource pooled(String jdbcUrl, String user, String password, int poolSize) {
        Checks.notNull("jdbcUrl", jdbcUrl);
        if (poolSize < 1) {
            throw dev.omskit.core.error.InvalidArgumentException.of(
                    "poolSize", "NOT_POSITIVE", "a pool needs at least one connection; was " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("omskit");
        config.setAutoCommit(true);
        // A commit's events and outbox rows go as one multi-row INSERT each instead of one per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Creates or upgrades the schema; returns the versions applied now. Safe to call on every start. */
    public List<Integer> migrate() {
        return Migrations.apply(db);
    }

    /** The database. */
    public Database database() {
        return db;
    }

    /**
     * Orders, trails, the outbox, idempotency records and order documents: give it to {@code
     * Oms.builder().storage}. Also purges delivered outbox entries ({@link JdbcOrderStorage#purgeDelivered}).
     */
    public JdbcOrderStorage orders() {
        return orders;
    }

    /**
     * Stock, reservations, transfers, purchase orders, backorders and the ledger: give it to {@code
     * Inventory.builder().store}, or wrap it in {@link GroupedReservations} for hot SKUs.
     */
    public JdbcInventoryStore inventory() {
        return inventory;
    }

    /** The sync engine's work store. */
    public SyncWorkStore syncWork() {
        return syncWork;
    }

    /** The sync engine's poll cursors. */
    public CursorStore cursors() {
        return cursors;
    }
}
