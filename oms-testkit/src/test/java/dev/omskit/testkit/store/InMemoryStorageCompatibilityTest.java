package dev.omskit.testkit.store;

import dev.omskit.core.spi.OmsStorage;
import dev.omskit.testkit.tck.OrderStoreCompatibilityKit;

/** The in-memory storage keeps the storage SPI contract. */
class InMemoryStorageCompatibilityTest extends OrderStoreCompatibilityKit {
    @Override
    protected OmsStorage createStorage() {
        return InMemoryStorage.create();
    }
}
