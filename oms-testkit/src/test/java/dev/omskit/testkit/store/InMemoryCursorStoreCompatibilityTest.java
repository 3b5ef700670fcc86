package dev.omskit.testkit.store;

import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.testkit.tck.CursorStoreCompatibilityKit;

/** The in-memory cursor store keeps the SPI contract. */
class InMemoryCursorStoreCompatibilityTest extends CursorStoreCompatibilityKit {
    @Override
    protected CursorStore createStore() {
        return InMemoryCursorStore.create();
    }
}
