package dev.omskit.testkit.store;

import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.testkit.tck.InventoryStoreCompatibilityKit;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The in-memory inventory store keeps the inventory SPI contract. */
class InMemoryInventoryStoreCompatibilityTest extends InventoryStoreCompatibilityKit {
    private InMemoryInventoryStore store;

    @Override
    protected InventoryStore createStore() {
        store = InMemoryInventoryStore.create();
        return store;
    }

    @Override
    protected Optional<BiConsumer<TenantId, CellChange>> corrupter() {
        return Optional.of(store::corruptCountersForTesting);
    }
}
