package dev.omskit.jdbc;

import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.testkit.tck.SyncWorkStoreCompatibilityKit;
import javax.sql.DataSource;

/** The sync work store on a real PostgreSQL keeps the contract of every store. */
class JdbcSyncWorkStoreCompatibilityTest extends SyncWorkStoreCompatibilityKit {
    private static final DataSource DB = TestDatabase.fresh();

    @Override
    protected SyncWorkStore createStore() {
        TestDatabase.truncate(DB, "omskit_sync_work");
        return new JdbcSyncWorkStore(Database.of(DB));
    }
}
