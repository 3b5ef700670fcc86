package dev.omskit.jdbc;

import dev.omskit.core.spi.OmsStorage;
import dev.omskit.testkit.tck.DocumentStoreCompatibilityKit;
import javax.sql.DataSource;

/** Order documents on a real PostgreSQL keep the contract of every store. */
class JdbcDocumentStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
    private static final DataSource DB = TestDatabase.fresh();

    @Override
    protected OmsStorage createStorage() {
        TestDatabase.truncate(DB, JdbcTables.ORDER_TABLES);
        return new JdbcOrderStorage(Database.of(DB));
    }
}
