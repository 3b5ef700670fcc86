package dev.omskit.testkit.inventory;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant with three warehouses and two stores, four products (a kit of two components, one with a cost
 * price), and an {@link Inventory} over an in-memory store with a manual clock and sequential ids.
 */
final class InventoryFixture {
    static final TenantId TENANT = TenantId.of("shop-vn");
    static final Actor ACTOR = Actor.agent("clerk-1");

    static final LocationId WH_HCM = LocationId.of("WH-HCM");
    static final LocationId WH_HN = LocationId.of("WH-HN");
    static final LocationId WH_DN = LocationId.of("WH-DN");
    static final LocationId STORE_Q1 = LocationId.of("ST-Q1");
    static final LocationId STORE_HN = LocationId.of("ST-HN");
    static final List<LocationId> LOCATIONS = List.of(WH_HCM, WH_HN, WH_DN, STORE_Q1, STORE_HN);

    /** A plain SKU without a cost price. */
    static final Sku TEE = Sku.of("TEE-BLK-M");
    /** A plain SKU with a cost price of 40,000 VND. */
    static final Sku MUG = Sku.of("MUG-WHT");
    /** A plain SKU. */
    static final Sku CAP = Sku.of("CAP-RED");
    /** A kit: one {@link #TEE} and two {@link #MUG}. */
    static final Sku GIFT_SET = Sku.of("GIFT-SET");
    /** Not in the catalogue. */
    static final Sku UNKNOWN = Sku.of("NOPE-1");

    static final Money MUG_COST = Money.of("40000", "VND");

    /** References the snapshot reads the reservations of. */
    static final List<String> REFERENCES = List.of("order:o-1", "order:o-2", "order:o-3", "cart:c-1");

    final ManualClock clock = ManualClock.at("2026-11-11T02:00:00Z");
    final InMemoryInventoryStore store = InMemoryInventoryStore.create();
    final InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
    final Inventory inventory;

    private InventoryFixture(InventoryConfig config) {
        catalog.put(product(TEE, "T-shirt black M").build());
        catalog.put(product(MUG, "Mug white").costPrice(MUG_COST).build());
        catalog.put(product(CAP, "Cap red").build());
        catalog.put(product(GIFT_SET, "Gift set")
                .putComponents(TEE, 1)
                .putComponents(MUG, 2)
                .build());
        inventory = Inventory.builder()
                .store(store)
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .config(config)
                .build();
        inventory.saveLocation(location(
                WH_HCM, "Ho Chi Minh main warehouse", LocationKind.WAREHOUSE_MAIN, "Ho Chi Minh City", 10.85, 106.63));
        inventory.saveLocation(
                location(WH_HN, "Ha Noi warehouse", LocationKind.WAREHOUSE_BRANCH, "Ha Noi", 21.03, 105.85));
        inventory.saveLocation(
                location(WH_DN, "Da Nang warehouse", LocationKind.WAREHOUSE_SUB, "Da Nang", 16.05, 108.2));
        inventory.saveLocation(
                location(STORE_Q1, "Store District 1", LocationKind.STORE, "Ho Chi Minh City", 10.77, 106.7));
        inventory.saveLocation(location(STORE_HN, "Store Hoan Kiem", LocationKind.STORE, "Ha Noi", 21.03, 105.85));
    }

    static InventoryFixture create() {
        return new InventoryFixture(InventoryConfig.defaults());
    }

    static InventoryFixture create(InventoryConfig config) {
        return new InventoryFixture(config);
    }

    private static Product.Builder product(Sku sku, String name) {
        return Product.builder().tenant(TENANT).sku(sku).name(name);
    }

    private static Location location(
            LocationId id, String name, LocationKind kind, String city, double lat, double lon) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name(name)
                .kind(kind)
                .address(Address.builder()
                        .recipient(name)
                        .phone("+84 28 1234 5678")
                        .line1("1 Le Loi")
                        .city(city)
                        .countryCode("VN")
                        .geo(GeoPoint.of(lat, lon))
                        .build())
                .addCapabilities(LocationCapability.SHIPS)
                .build();
    }

    /** Marks a location inactive (it keeps its stock). */
    void deactivate(LocationId id) {
        Location l = inventory.location(TENANT, id).orElseThrow();
        inventory.saveLocation(Location.builder().from(l).active(false).build());
    }

    /** Receives {@code units} good units. */
    List<LedgerEntry> receive(Sku sku, LocationId location, int units) {
        return inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(location)
                .addLines(ReceiptLine.good(sku, units))
                .actor(ACTOR)
                .build());
    }

    static StockLine line(String ref, Sku sku, LocationId location, int quantity) {
        return StockLine.of(ref, sku, location, quantity);
    }

    static ReserveStock.Builder reservation(String reference, StockLine... lines) {
        return ReserveStock.builder()
                .tenant(TENANT)
                .reference(reference)
                .addLines(lines)
                .actor(ACTOR);
    }

    /** An allocation, which must succeed. */
    Reservation allocate(String reference, StockLine... lines) {
        ReserveResult r = inventory.reserve(reservation(reference, lines).build());
        return r.reservation().orElseThrow(() -> new AssertionError("expected a reservation: " + r));
    }

    /** A hold for {@code holdFor}, which must succeed. */
    Reservation hold(String reference, Duration holdFor, StockLine... lines) {
        ReserveResult r =
                inventory.reserve(reservation(reference, lines).holdFor(holdFor).build());
        return r.reservation().orElseThrow(() -> new AssertionError("expected a reservation: " + r));
    }

    StockLevel level(Sku sku, LocationId location) {
        return inventory.level(TENANT, sku, location);
    }

    List<LedgerEntry> ledger(Sku sku, LocationId location) {
        return inventory.ledger(TENANT, sku, location, Long.MIN_VALUE, 10_000);
    }

    /** Everything a refused command must leave as it was. */
    record Snapshot(
            List<StockLevel> levels,
            Map<String, List<LedgerEntry>> ledgers,
            Map<String, List<Reservation>> reservations,
            List<Reservation> open,
            Map<LocationId, List<Transfer>> incoming) {}

    Snapshot snapshot() {
        List<StockLevel> levels = store.allLevels(TENANT);
        Map<String, List<LedgerEntry>> ledgers = new LinkedHashMap<>();
        for (StockLevel l : levels) {
            ledgers.put(l.sku() + "@" + l.location(), ledger(l.sku(), l.location()));
        }
        Map<String, List<Reservation>> reservations = new LinkedHashMap<>();
        for (String ref : REFERENCES) {
            reservations.put(ref, inventory.reservationsFor(TENANT, ref));
        }
        Map<LocationId, List<Transfer>> incoming = new LinkedHashMap<>();
        for (LocationId l : LOCATIONS) {
            incoming.put(l, inventory.incoming(TENANT, l));
        }
        return new Snapshot(new ArrayList<>(levels), ledgers, reservations, store.openReservations(TENANT), incoming);
    }
}
