package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Inventory set-up shared by the S2, S6 and S7 benchmarks: an {@link Inventory} facade over a fresh {@link
 * InMemoryInventoryStore} and {@link InMemoryProductCatalog}, a fixed manual clock, {@link SequentialIds}
 * (the default UUID generator would measure {@code SecureRandom}), the default {@code InventoryConfig}, and
 * stock put on hand through {@link Inventory#receive} (so the ledger agrees with the counters). Never
 * measured.
 */
final class InventoryData {
    /** The tenant of every benchmark. */
    static final TenantId TENANT = OrderFixtures.TENANT;

    /** The channel availability is read for (no policy: every active location, no buffer). */
    static final ChannelId CHANNEL = OrderFixtures.WEB.id();

    /** Who reserves. */
    static final Actor ACTOR = Actor.channel(CHANNEL);

    /** Most units one receipt line takes ({@code InventoryConfig.maxUnitsPerLine} by default). */
    static final int MAX_UNITS_PER_LINE = 1_000_000;

    /** Most lines one receipt takes ({@code InventoryConfig.maxLines} by default). */
    static final int MAX_LINES = 500;

    private InventoryData() {}

    /** The store, the catalogue and the facade over them. */
    record Setup(InMemoryInventoryStore store, InMemoryProductCatalog catalog, Inventory inventory) {}

    /** SKU code {@code i}. */
    static Sku sku(int i) {
        return Sku.of("SKU-" + i);
    }

    /** Location code {@code i}. */
    static LocationId location(int i) {
        return LocationId.of("WH-" + i);
    }

    /**
     * A fresh store with {@code locations} active warehouses and {@code skus} products in the catalogue,
     * no stock yet.
     */
    static Setup create(int skus, int locations) {
        return create(skus, locations, 16);
    }

    /** {@link #create(int, int)} with the store sized for about {@code expectedReservations}. */
    static Setup create(int skus, int locations, int expectedReservations) {
        InMemoryInventoryStore store = InMemoryInventoryStore.create(expectedReservations);
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (int i = 0; i < skus; i++) {
            catalog.put(Product.builder()
                    .tenant(TENANT)
                    .sku(sku(i))
                    .name("Product " + i)
                    .build());
        }
        Inventory inventory = Inventory.builder()
                .store(store)
                .catalog(catalog)
                .clock(ManualClock.at(BenchmarkData.EPOCH))
                .idGenerator(SequentialIds.create())
                .build();
        for (int l = 0; l < locations; l++) {
            inventory.saveLocation(Location.builder()
                    .tenant(TENANT)
                    .id(location(l))
                    .name("Warehouse " + l)
                    .kind(LocationKind.WAREHOUSE_MAIN)
                    .address(OrderFixtures.address())
                    .build());
        }
        return new Setup(store, catalog, inventory);
    }

    /**
     * Saves {@code locations} shipping warehouses (priorities 1 to {@code locations}) and receives {@code units}
     * of every SKU {@code 0 .. skus-1} at each.
     */
    static void shippingWarehouses(Inventory inventory, int skus, int locations, long units) {
        for (int l = 0; l < locations; l++) {
            inventory.saveLocation(Location.builder()
                    .tenant(InventoryData.TENANT)
                    .id(InventoryData.location(l))
                    .name("Warehouse " + l)
                    .kind(LocationKind.WAREHOUSE_MAIN)
                    .address(OrderFixtures.address())
                    .capabilities(Set.of(LocationCapability.SHIPS))
                    .priority(l + 1)
                    .build());
        }
        InventoryData.stockEverywhere(inventory, skus, locations, units);
    }

    /** Receives {@code units} of every SKU from 0 to {@code skus - 1} at every location, in receipts. */
    static void stockEverywhere(Inventory inventory, int skus, int locations, long units) {
        for (int l = 0; l < locations; l++) {
            long left = units;
            while (left > 0) {
                int chunk = (int) Math.min(left, MAX_UNITS_PER_LINE);
                for (int from = 0; from < skus; from += MAX_LINES) {
                    List<ReceiptLine> lines = new ArrayList<>();
                    for (int s = from; s < Math.min(skus, from + MAX_LINES); s++) {
                        lines.add(ReceiptLine.good(sku(s), chunk));
                    }
                    inventory.receive(ReceiveGoods.builder()
                            .tenant(TENANT)
                            .location(location(l))
                            .lines(lines)
                            .actor(ACTOR)
                            .build());
                }
                left -= chunk;
            }
        }
    }

    /**
     * Fails the run if the cell is inconsistent or negative; cheap when it is not ({@link #checkLevel} builds
     * its messages eagerly: some 900 MB over 1,000,000 cells).
     */
    static void checkCell(StockLevel level) {
        if (level.onHand() < 0
                || level.reserved() < 0
                || level.available() < 0
                || level.onHand() - level.reserved() != level.available()) {
            checkLevel(level);
            BenchmarkData.check(false, "inconsistent cell: " + level);
        }
    }

    /** Checks the counters of one cell are consistent and none is negative. */
    static void checkLevel(StockLevel level) {
        BenchmarkData.check(
                level.onHand() >= 0 && level.reserved() >= 0 && level.available() >= 0, "negative counter: " + level);
        BenchmarkData.check(
                level.onHand() - level.reserved() == level.available(), "onHand - reserved != available: " + level);
        BenchmarkData.check(level.reserved() <= level.onHand(), "reserved more than on hand: " + level);
    }
}
