package dev.omskit.testkit;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.time.Clock;
import java.util.Map;

/**
 * Ready-made inventories for tests, demos and benchmarks: one shipping warehouse in memory, holding the
 * units given per SKU, every SKU in the catalogue.
 */
public final class InventoryFixtures {
    private InventoryFixtures() {}

    /** A main warehouse at {@link OrderFixtures#address()} that ships, with the given priority. */
    public static Location warehouse(TenantId tenant, LocationId id, int priority) {
        return Location.builder()
                .tenant(Checks.notNull("tenant", tenant))
                .id(Checks.notNull("id", id))
                .name("Warehouse " + id)
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(OrderFixtures.address())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(priority)
                .build();
    }

    /**
     * An inventory over {@link InMemoryInventoryStore} with one {@link #warehouse} {@code location} holding
     * {@code stock} (received as good units), each SKU in an {@link InMemoryProductCatalog} named after
     * itself, and {@code config}.
     */
    public static Inventory oneWarehouse(
            TenantId tenant, LocationId location, Map<Sku, Integer> stock, Clock clock, InventoryConfig config) {
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        stock.keySet()
                .forEach(sku -> catalog.put(Product.builder()
                        .tenant(tenant)
                        .sku(sku)
                        .name("Product " + sku)
                        .build()));
        Inventory inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .config(config)
                .build();
        inventory.saveLocation(warehouse(tenant, location, 1));
        ReceiveGoods.Builder receipt =
                ReceiveGoods.builder().tenant(tenant).location(location).actor(Actor.system("wms"));
        stock.forEach((sku, units) -> receipt.addLines(ReceiptLine.good(sku, units)));
        if (!stock.isEmpty()) {
            inventory.receive(receipt.build());
        }
        return inventory;
    }

    /** {@link #oneWarehouse(TenantId, LocationId, Map, Clock, InventoryConfig)} with the default config. */
    public static Inventory oneWarehouse(TenantId tenant, LocationId location, Map<Sku, Integer> stock, Clock clock) {
        return oneWarehouse(tenant, location, stock, clock, InventoryConfig.defaults());
    }
}
