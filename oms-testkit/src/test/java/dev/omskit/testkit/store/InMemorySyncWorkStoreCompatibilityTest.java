package dev.omskit.testkit.store;

import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.testkit.tck.SyncWorkStoreCompatibilityKit;

/** The in-memory sync work store keeps the SPI contract. */
class InMemorySyncWorkStoreCompatibilityTest extends SyncWorkStoreCompatibilityKit {
    @Override
    protected SyncWorkStore createStore() {
        return InMemorySyncWorkStore.create();
    }
}
