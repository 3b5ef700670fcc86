package dev.omskit.jdbc;

import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.testkit.tck.CursorStoreCompatibilityKit;
import javax.sql.DataSource;

/** The cursor store on a real PostgreSQL keeps the contract of every store. */
class JdbcCursorStoreCompatibilityTest extends CursorStoreCompatibilityKit {
    private static final DataSource DB = TestDatabase.fresh();

    @Override
    protected CursorStore createStore() {
        TestDatabase.truncate(DB, "omskit_sync_cursor");
        return new JdbcCursorStore(Database.of(DB));
    }
}
