package dev.omskit.testkit.store;

import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.ProductCatalog;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ProductCatalog} in memory, for tests and demos. Thread-safe. */
public final class InMemoryProductCatalog implements ProductCatalog {
    private record Key(TenantId tenant, Sku sku) {}

    private final Map<Key, Product> products = new ConcurrentHashMap<>();

    private InMemoryProductCatalog() {}

    /** An empty catalogue. */
    public static InMemoryProductCatalog create() {
        return new InMemoryProductCatalog();
    }

    /** Adds or replaces a product (under its own tenant). */
    public InMemoryProductCatalog put(Product product) {
        products.put(new Key(product.tenant(), product.sku()), product);
        return this;
    }

    /** Adds or replaces several products. */
    public InMemoryProductCatalog putAll(Collection<Product> all) {
        all.forEach(this::put);
        return this;
    }

    @Override
    public Optional<Product> find(TenantId tenant, Sku sku) {
        return Optional.ofNullable(products.get(new Key(tenant, sku)));
    }
}
