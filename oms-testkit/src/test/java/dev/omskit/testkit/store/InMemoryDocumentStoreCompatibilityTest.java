package dev.omskit.testkit.store;

import dev.omskit.core.spi.OmsStorage;
import dev.omskit.testkit.tck.DocumentStoreCompatibilityKit;

/** The in-memory storage keeps the order-document contract. */
class InMemoryDocumentStoreCompatibilityTest extends DocumentStoreCompatibilityKit {
    @Override
    protected OmsStorage createStorage() {
        return InMemoryStorage.create();
    }
}
