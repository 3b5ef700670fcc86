package dev.omskit.core.spi;

import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.util.Optional;

/**
 * Where omskit reads the product data it needs (the catalogue belongs to the host: a PIM, an ERP, a table).
 *
 * @implSpec Thread-safe; fast (it is read on every reservation, so cache remote catalogues); scoped to the
 *     tenant argument: a product of another tenant is never returned.
 */
@FunctionalInterface
public interface ProductCatalog {
    /** The product with this SKU in this tenant. */
    Optional<Product> find(TenantId tenant, Sku sku);
}
