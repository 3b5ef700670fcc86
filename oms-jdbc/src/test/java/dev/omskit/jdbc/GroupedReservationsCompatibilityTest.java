package dev.omskit.jdbc;

import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.testkit.tck.InventoryStoreCompatibilityKit;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * Batched mode keeps the whole inventory store contract: the kit, concurrency included, through {@link
 * GroupedReservations} (batches of up to 8, so the kit's 8-thread races are batched).
 */
class GroupedReservationsCompatibilityTest extends InventoryStoreCompatibilityKit {
    private static final DataSource DB = TestDatabase.fresh();
    private JdbcInventoryStore store;

    @Override
    protected InventoryStore createStore() {
        TestDatabase.truncate(DB, JdbcTables.INVENTORY_TABLES);
        store = new JdbcInventoryStore(Database.of(DB));
        return new GroupedReservations(store, 8);
    }

    @Override
    protected Optional<BiConsumer<TenantId, CellChange>> corrupter() {
        return Optional.of((tenant, change) -> store.corruptCountersForTesting(tenant, change));
    }
}
