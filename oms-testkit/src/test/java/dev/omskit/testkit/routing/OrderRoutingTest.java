package dev.omskit.testkit.routing;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingSourcing;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The order lifecycle allocating through oms-routing instead of core's default sourcing. */
@DisplayName("An Oms routing through oms-routing")
class OrderRoutingTest {
    static final LocationId HANOI = LocationId.of("WH-HN");
    static final LocationId SAIGON = LocationId.of("WH-HCM");
    static final Sku SKU_1 = Sku.of("SKU-1");
    static final Sku SKU_2 = Sku.of("SKU-2");
    static final Actor ACTOR = Actor.agent("router");

    /** Nearest first: the order ships to Ho Chi Minh City, so WH-HCM wins although WH-HN has the better priority. */
    static final RoutingProfile NEAREST = RoutingProfile.builder()
            .name("nearest")
            .addFilters(
                    Filters.active(),
                    Filters.delivery(),
                    Filters.capacity(),
                    Filters.skuRestrictions(),
                    Filters.hasStock())
            .addRankers(RankStep.of(Rankers.distance()), RankStep.of(Rankers.priority()))
            .build();

    ManualClock clock;
    Inventory inventory;
    Oms oms;
    RoutingSourcing sourcing;
    final List<RoutingDecision> decisions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        clock = ManualClock.at("2026-11-11T02:00:00Z");
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (Sku sku : List.of(SKU_1, SKU_2)) {
            catalog.put(Product.builder()
                    .tenant(TENANT)
                    .sku(sku)
                    .name("Product " + sku)
                    .build());
        }
        inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(location(HANOI, 1, GeoPoint.of(21.0285, 105.8542), null));
        inventory.saveLocation(location(SAIGON, 2, GeoPoint.of(10.8494, 106.7537), 3));
        sourcing = RoutingSourcing.builder(
                        Router.builder().profile(NEAREST).clock(clock).build())
                .catalog(catalog)
                .listener(decisions::add)
                .build();
        oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .sourcing(sourcing)
                .build();
    }

    static Location location(LocationId id, int priority, GeoPoint geo, Integer capacity) {
        Location.Builder b = Location.builder()
                .tenant(TENANT)
                .id(id)
                .name("Warehouse " + id)
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(
                        Address.builder().from(OrderFixtures.address()).geo(geo).build())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(priority);
        if (capacity != null) {
            b.dailyCapacityUnits(capacity);
        }
        return b.build();
    }

    void receive(LocationId location, Sku sku, int units) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(location)
                .addLines(ReceiptLine.good(sku, units))
                .actor(ACTOR)
                .build());
    }

    Order order(long units1, long units2) {
        var b = OrderFixtures.capture().lines(List.of()).addLines(line("SKU-1", units1, 100_000));
        if (units2 > 0) {
            b.addLines(line("SKU-2", units2, 50_000));
        }
        return oms.capture(b.build()).order();
    }

    int reserved(Sku sku, LocationId location) {
        return inventory.level(TENANT, sku, location).reserved();
    }

    @Test
    void allocate_reservesWhereTheProfileRoutes_andExplainsIt() {
        receive(HANOI, SKU_1, 10);
        receive(SAIGON, SKU_1, 10);
        Order order = order(2, 0);

        Order allocated = oms.allocate(TENANT, order.id(), ACTOR);

        assertThat(allocated.quantity(OrderStages.ALLOCATED)).isEqualTo(2);
        assertThat(reserved(SKU_1, SAIGON)).isEqualTo(2);
        assertThat(reserved(SKU_1, HANOI)).isZero();
        RoutingDecision decision = decisions.get(decisions.size() - 1);
        assertThat(decision.request().reference()).isEqualTo(order.id().value());
        assertThat(decision.explanation().verdict(SAIGON).orElseThrow().chosen())
                .isTrue();
        assertThat(decision.explanation().verdict(HANOI).orElseThrow().rank()).isEqualTo(2);
        assertThat(decision.explanation().toText()).contains("profile 'nearest'", "WH-HCM [chosen]");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(sourcing.capacity().unitsUsed(TENANT, SAIGON, today)).isEqualTo(2);
        assertThat(sourcing.capacity().packagesUsed(TENANT, SAIGON, today)).isEqualTo(1);
    }

    @Test
    void allocate_whenEachLocationHasOneLine_reservesAtBoth() {
        receive(SAIGON, SKU_1, 5);
        receive(HANOI, SKU_2, 5);
        Order order = order(1, 2);

        oms.allocate(TENANT, order.id(), ACTOR);

        assertThat(reserved(SKU_1, SAIGON)).isEqualTo(1);
        assertThat(reserved(SKU_2, HANOI)).isEqualTo(2);
        assertThat(decisions.get(decisions.size() - 1).shipmentCount()).isEqualTo(2);
    }

    @Test
    void allocate_whenTheNearestLocationsCapacityIsUsedUp_routesTheNextOrderElsewhere() {
        receive(HANOI, SKU_1, 10);
        receive(SAIGON, SKU_1, 10);
        oms.allocate(TENANT, order(2, 0).id(), ACTOR);

        Order second = oms.allocate(TENANT, order(2, 0).id(), ACTOR);

        assertThat(second.quantity(OrderStages.ALLOCATED)).isEqualTo(2);
        assertThat(reserved(SKU_1, SAIGON)).isEqualTo(2);
        assertThat(reserved(SKU_1, HANOI)).isEqualTo(2);
        RoutingDecision decision = decisions.get(decisions.size() - 1);
        assertThat(decision.assignments()).allMatch(a -> a.location().equals(HANOI));
    }

    @Test
    void reroute_whenTheLocationRejects_movesTheUnitsWithoutLosingTheOrder() {
        receive(HANOI, SKU_1, 10);
        receive(SAIGON, SKU_1, 10);
        Order order = order(2, 0);
        oms.allocate(TENANT, order.id(), ACTOR);
        assertThat(reserved(SKU_1, SAIGON)).isEqualTo(2);

        Order rerouted = sourcing.reroute(oms, TENANT, order.id(), SAIGON, "rejected: packing line down", ACTOR);

        assertThat(rerouted.quantity(OrderStages.ALLOCATED)).isEqualTo(2);
        assertThat(reserved(SKU_1, SAIGON)).isZero();
        assertThat(reserved(SKU_1, HANOI)).isEqualTo(2);
        assertThat(sourcing.exclusions(TENANT, order.id())).containsEntry(SAIGON, "rejected: packing line down");
        RoutingDecision decision = decisions.get(decisions.size() - 1);
        assertThat(decision.explanation().verdict(SAIGON).orElseThrow().excludedBy())
                .contains("excluded");
        assertThat(decision.explanation().verdict(SAIGON).orElseThrow().reason())
                .isEqualTo("rejected: packing line down");
    }

    @Test
    void reroute_whenNoOtherLocationHasStock_keepsTheOrderWaitingWithItsStockReleased() {
        receive(SAIGON, SKU_1, 10);
        Order order = order(2, 0);
        oms.allocate(TENANT, order.id(), ACTOR);

        assertThatThrownBy(() -> sourcing.reroute(oms, TENANT, order.id(), SAIGON, "short pick", ACTOR))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("NOT_BACKORDERABLE"));

        Order after = oms.get(TENANT, order.id());
        assertThat(after.quantity(OrderStages.CREATED)).isEqualTo(2);
        assertThat(after.quantity(OrderStages.ALLOCATED)).isZero();
        assertThat(reserved(SKU_1, SAIGON)).isZero();
        assertThat(inventory.level(TENANT, SKU_1, SAIGON).onHand()).isEqualTo(10);
    }

    @Test
    void allocate_onEightThreads_keepsStockReservationsAndCapacityBookingsExact() throws Exception {
        LocationId danang = LocationId.of("WH-DN");
        inventory.saveLocation(location(danang, 3, GeoPoint.of(16.0544, 108.2022), null));
        for (LocationId l : List.of(HANOI, SAIGON, danang)) {
            receive(l, SKU_1, 60);
            receive(l, SKU_2, 40);
        }
        // no capacity limit at WH-HCM for this race: every location takes what its stock allows
        inventory.saveLocation(location(SAIGON, 2, GeoPoint.of(10.8494, 106.7537), null));
        int threads = 8;
        int ordersEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Order>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<Order> mine = new ArrayList<>();
                for (int k = 0; k < ordersEach; k++) {
                    Order o = order(1 + (seed + k) % 3, (seed * k) % 3);
                    mine.add(o);
                    try {
                        oms.allocate(TENANT, o.id(), ACTOR);
                    } catch (OrderRejectedException refused) {
                        // out of stock somewhere: the order waits, which the invariants below account for
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Order> all = new ArrayList<>();
        for (var f : futures) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Map<String, RoutingDecision> lastByOrder = new HashMap<>();
        for (RoutingDecision d : decisions) {
            lastByOrder.put(d.request().reference(), d);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (LocationId l : List.of(HANOI, SAIGON, danang)) {
            int bookedByDecisions = 0;
            for (RoutingDecision d : lastByOrder.values()) {
                for (var a : d.assignments()) {
                    if (a.location().equals(l)) {
                        bookedByDecisions += a.units();
                    }
                }
            }
            assertThat(sourcing.capacity().unitsUsed(TENANT, l, today))
                    .as("capacity booked at %s equals the units of every order's latest plan there", l)
                    .isEqualTo(bookedByDecisions);
            for (Sku sku : List.of(SKU_1, SKU_2)) {
                var level = inventory.level(TENANT, sku, l);
                assertThat(level.reserved()).isLessThanOrEqualTo(level.onHand());
            }
        }
        for (Sku sku : List.of(SKU_1, SKU_2)) {
            int allocated = 0;
            for (Order o : all) {
                Order now = oms.get(TENANT, o.id());
                for (var line : now.lines()) {
                    if (line.sku().equals(sku)) {
                        allocated += line.quantity(OrderStages.ALLOCATED);
                    }
                }
            }
            int reserved = 0;
            for (LocationId l : List.of(HANOI, SAIGON, danang)) {
                reserved += reserved(sku, l);
            }
            assertThat(reserved)
                    .as("units of %s reserved equal units allocated on orders, none lost or counted twice", sku)
                    .isEqualTo(allocated);
            assertThat(allocated).isPositive();
        }
    }
}
