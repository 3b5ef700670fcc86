package dev.omskit.jdbc;

import dev.omskit.core.spi.OmsStorage;
import dev.omskit.testkit.tck.OrderStoreCompatibilityKit;
import javax.sql.DataSource;

/** Orders, trails, the outbox and idempotency records on a real PostgreSQL keep the contract of every store. */
class JdbcOrderStoreCompatibilityTest extends OrderStoreCompatibilityKit {
    private static final DataSource DB = TestDatabase.fresh();

    @Override
    protected OmsStorage createStorage() {
        TestDatabase.truncate(DB, JdbcTables.ORDER_TABLES);
        return new JdbcOrderStorage(Database.of(DB));
    }
}
