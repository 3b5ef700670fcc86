package dev.omskit.jdbc;

import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.testkit.tck.InventoryStoreCompatibilityKit;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/** Inventory on a real PostgreSQL keeps the contract of every inventory store, concurrency included. */
class JdbcInventoryStoreCompatibilityTest extends InventoryStoreCompatibilityKit {
    private static final DataSource DB = TestDatabase.fresh();
    private JdbcInventoryStore store;

    @Override
    protected InventoryStore createStore() {
        TestDatabase.truncate(DB, JdbcTables.INVENTORY_TABLES);
        store = new JdbcInventoryStore(Database.of(DB));
        return store;
    }

    @Override
    protected Optional<BiConsumer<TenantId, CellChange>> corrupter() {
        return Optional.of((tenant, change) -> store.corruptCountersForTesting(tenant, change));
    }
}
