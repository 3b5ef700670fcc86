package dev.omskit.examples;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.routing.Assignment;
import dev.omskit.routing.LocationVerdict;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.RoutingSourcing;
import dev.omskit.routing.profile.ProfileLoader;
import dev.omskit.routing.profile.RoutingProfiles;
import dev.omskit.routing.promise.CarrierService;
import dev.omskit.routing.promise.DeliveryOption;
import dev.omskit.routing.promise.DeliveryPromise;
import dev.omskit.routing.promise.PromiseConfig;
import dev.omskit.routing.promise.ServiceLevel;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import dev.omskit.routing.simulation.SimulationReport;
import dev.omskit.routing.simulation.WhatIf;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routing part of the trading day: orders allocated through the profiles of {@code
 * routing/profiles.yaml} (nearest warehouse for the web shop, one parcel or nothing for the marketplace,
 * engraved items at the workshop, hazardous goods never from a store), one decision's explanation, a
 * warehouse rejecting an order that is re-routed, a delivery promise for a cart, and a what-if comparison
 * of two profiles over the day's orders.
 */
final class RoutingDemo {
    static final TenantId TENANT = TenantId.of("saigon-sneakers-routing");
    static final Sku RUNNER = Sku.of("SNK-RUN-41");
    static final Sku SOCKS = Sku.of("SOCK-3P");
    static final Sku CLEANER = Sku.of("SHOE-CLEAN-SPRAY");
    static final LocationId WH_HCM = LocationId.of("WH-HCM");
    static final LocationId WH_HN = LocationId.of("WH-HN");
    static final LocationId WH_DN = LocationId.of("WH-DN");
    static final LocationId ST_Q1 = LocationId.of("ST-Q1");
    static final LocationId ST_Q7 = LocationId.of("ST-Q7");
    static final LocationId VENDOR = LocationId.of("VD-SOFA");
    static final LocationId WORKSHOP = LocationId.of("WS-ENGRAVE");
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Actor ACTOR = Actor.system("routing-demo");

    private final PrintStream out;
    private final ManualClock clock;
    private final Inventory inventory;
    private final InMemoryProductCatalog catalog;
    private final RoutingProfiles profiles;
    private final Router router;
    private final RoutingSourcing sourcing;
    private final Oms oms;
    private final List<RoutingDecision> decisions = new CopyOnWriteArrayList<>();

    /** What the routing part produced (for the demo's test). */
    record Result(
            LocationId webOrderFrom,
            int hanoiOrderShipments,
            LocationId engravedFrom,
            String engraveInstructions,
            LocationId reroutedTo,
            int promiseOptions,
            int whatIfOrders,
            String explanation) {}

    RoutingDemo(PrintStream out, ManualClock clock, DemoStorage.Stores stores) {
        this.out = out;
        this.clock = clock;
        this.catalog = InMemoryProductCatalog.create()
                .put(product(RUNNER, "Runner 41", 800, new Dimensions(330, 220, 120)))
                .put(product(SOCKS, "Socks, 3 pairs", 120, new Dimensions(200, 100, 30)))
                .put(Product.builder()
                        .from(product(CLEANER, "Shoe cleaner spray 200 ml", 260, new Dimensions(60, 60, 180)))
                        .addFlags(ProductFlag.HAZARDOUS)
                        .build());
        this.inventory = Inventory.builder()
                .store(stores.inventory())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        for (Location l : locations()) {
            inventory.saveLocation(l);
        }
        this.profiles = ProfileLoader.defaults().validateLocations(locations()).fromYaml(profileFile());
        this.router = Router.builder().profiles(profiles).clock(clock).build();
        this.sourcing = RoutingSourcing.builder(router)
                .catalog(catalog)
                .listener(decisions::add)
                .build();
        this.oms = Oms.builder()
                .storage(stores.orders())
                .clock(clock)
                .idGenerator(SequentialIds.withPrefix("RT-"))
                .inventory(inventory)
                .sourcing(sourcing)
                .build();
    }

    private static InputStream profileFile() {
        InputStream in = RoutingDemo.class.getResourceAsStream("/routing/profiles.yaml");
        if (in == null) {
            throw new UncheckedIOException(new IOException("routing/profiles.yaml is missing from the classpath"));
        }
        return in;
    }

    Result run() {
        section("13. Orders route through the profiles of routing/profiles.yaml");
        receive(WH_HCM, RUNNER, 40, SOCKS, 100);
        receive(WH_HN, RUNNER, 30, SOCKS, 10);
        receive(WH_DN, SOCKS, 10, CLEANER, 20);
        receive(ST_Q1, RUNNER, 6, SOCKS, 20, CLEANER, 10);
        receive(ST_Q7, RUNNER, 4, SOCKS, 8);
        receive(WORKSHOP, RUNNER, 10);
        RoutingInput morning = snapshot();
        say(
                "profiles: %s (default '%s'); marketplace orders use 'marketplace'",
                profiles.profiles().keySet(), profiles.defaultProfile());

        Order web =
                allocate(order("WEB-1001", TradingDayDemo.WEB, saigon(), Map.of(), line(RUNNER, 1), line(SOCKS, 2)));
        RoutingDecision webDecision = last();
        Order hanoi =
                allocate(order("WEB-1002", TradingDayDemo.WEB, hanoi(), Map.of(), line(RUNNER, 2), line(CLEANER, 1)));
        RoutingDecision hanoiDecision = last();
        Order shopee =
                allocate(order("SP-2001", TradingDayDemo.SHOPEE, saigon(), Map.of(), line(RUNNER, 1), line(SOCKS, 1)));
        Order engraved = allocate(order(
                "WEB-1003",
                TradingDayDemo.WEB,
                saigon(),
                Map.of(),
                LineInput.builder()
                        .from(line(RUNNER, 1))
                        .putAttributes(RoutingLine.PERSONALISATION, "Minh Anh")
                        .build(),
                line(SOCKS, 1)));
        RoutingDecision engravedDecision = last();
        Assignment engravedRunner = engravedDecision.assignments().stream()
                .filter(a -> a.sku().equals(RUNNER))
                .findFirst()
                .orElseThrow();
        say("the Hanoi order ships in %d parcels: %s", hanoiDecision.shipmentCount(), hanoiDecision.assignments());
        for (String reason : hanoiDecision.explanation().splitReasons()) {
            say("  why: %s", reason);
        }
        say(
                "the marketplace order (one parcel or nothing) comes from %s",
                decisionOf(shopee).assignments());
        say(
                "the engraved runner goes to %s with instructions: %s",
                engravedRunner.location(), engravedRunner.workInstructions().orElse("none"));
        out.println();
        say("Why %s ships as it does:", hanoi.id());
        String explanation = hanoiDecision.explanation().toText();
        out.print(indent(explanation));

        section("14. WH-HCM rejects order " + web.id() + " (conveyor down); it is re-routed, not lost");
        Order again = sourcing.reroute(oms, TENANT, web.id(), WH_HCM, "rejected: conveyor down", ACTOR);
        RoutingDecision rerouted = last();
        LocationId reroutedTo = rerouted.assignments().get(0).location();
        say(
                "%s is %s again, %d unit(s), now from %s",
                again.id(), again.status(), again.quantity(OrderStages.ALLOCATED), rerouted.assignments());
        LocationVerdict rejected = rerouted.explanation().verdict(WH_HCM).orElseThrow();
        say(
                "the explanation names the rejection: WH-HCM %s: %s",
                rejected.excludedBy().orElseThrow(), rejected.reason());

        section("15. Delivery promise for a cart before it is an order");
        DeliveryPromise promise = DeliveryPromise.of(router, promiseConfig());
        RoutingRequest cart = RoutingRequest.builder()
                .tenant(TENANT)
                .reference("cart-77")
                .channel(TradingDayDemo.WEB)
                .destination(hanoi())
                .addLines(RoutingLine.of("c1", RUNNER, 1), RoutingLine.of("c2", SOCKS, 1))
                .build();
        List<DeliveryOption> options = promise.options(cart, snapshot());
        say("cart-77 to Hanoi, 1x SNK-RUN-41 + 1x SOCK-3P:");
        for (DeliveryOption o : options) {
            say("  %s", o.toText());
        }

        section("16. What-if: the day's orders under 'web' and under 'stores-first'");
        List<RoutingRequest> day = new ArrayList<>();
        for (Order o : List.of(web, hanoi, shopee, engraved)) {
            day.add(RoutingRequest.forOrder(o, allUnits(o)));
        }
        SimulationReport report = WhatIf.builder()
                .clock(clock)
                .rates(rates())
                .build()
                .compare(day, morning, profiles.profile("web"), profiles.profile("stores-first"));
        out.print(indent(report.toText()));

        return new Result(
                webDecision.assignments().get(0).location(),
                hanoiDecision.shipmentCount(),
                engravedRunner.location(),
                engravedRunner.workInstructions().orElse(""),
                reroutedTo,
                options.size(),
                day.size(),
                explanation);
    }

    private RoutingDecision last() {
        return decisions.get(decisions.size() - 1);
    }

    private RoutingDecision decisionOf(Order order) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (decisions.get(i).request().reference().equals(order.id().value())) {
                return decisions.get(i);
            }
        }
        throw new IllegalStateException("no routing decision for " + order.id());
    }

    private static Map<LineId, Integer> allUnits(Order order) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            units.put(l.id(), l.ordered());
        }
        return units;
    }

    private RoutingInput snapshot() {
        List<Location> all = inventory.locations(TENANT);
        RoutingInput.Builder b = RoutingInput.builder(all);
        for (Sku sku : List.of(RUNNER, SOCKS, CLEANER)) {
            for (StockLevel level : inventory.levels(TENANT, sku)) {
                b.available(sku, level.location(), level.available());
            }
            catalog.find(TENANT, sku).ifPresent(b::product);
        }
        return b.build();
    }

    private Order allocate(Order order) {
        Order allocated = oms.allocate(TENANT, order.id(), ACTOR);
        say(
                "%s (%s, to %s): %s",
                order.id(), order.channel().id(), order.shippingAddress().city(), last().assignments());
        return allocated;
    }

    private Order order(
            String channelOrderId, Channel channel, Address to, Map<String, String> attributes, LineInput... lines) {
        return oms.capture(CaptureOrder.builder()
                        .tenant(TENANT)
                        .channel(channel)
                        .channelOrderId(channelOrderId)
                        .actor(Actor.channel(channel.id()))
                        .buyer(Buyer.named("buyer-" + channelOrderId))
                        .shippingAddress(to)
                        .currency("VND")
                        .addLines(lines)
                        .attributes(attributes)
                        .paymentStatus(PaymentStates.PAID)
                        .build())
                .order();
    }

    private static LineInput line(Sku sku, int units) {
        return LineInput.of(sku.value(), units, Money.of("990000", "VND"));
    }

    private void receive(LocationId location, Object... skuUnits) {
        ReceiveGoods.Builder b =
                ReceiveGoods.builder().tenant(TENANT).location(location).actor(ACTOR);
        for (int i = 0; i < skuUnits.length; i += 2) {
            b.addLines(ReceiptLine.good((Sku) skuUnits[i], (Integer) skuUnits[i + 1]));
        }
        inventory.receive(b.build());
    }

    static Address saigon() {
        return address("Ho Chi Minh City", "Ho Chi Minh", GeoPoint.of(10.7769, 106.7009));
    }

    static Address hanoi() {
        return address("Hanoi", "Ha Noi", GeoPoint.of(21.0285, 105.8542));
    }

    static Address address(String city, String region, GeoPoint geo) {
        return Address.builder()
                .recipient("Tran Thi B")
                .phone("0912345678")
                .line1("12 Hang Bai")
                .city(city)
                .region(region)
                .countryCode("VN")
                .geo(geo)
                .build();
    }

    static List<Location> locations() {
        return List.of(
                location(
                        WH_HCM,
                        LocationKind.WAREHOUSE_MAIN,
                        address("Thu Duc", "Ho Chi Minh", GeoPoint.of(10.8494, 106.7537)),
                        1,
                        LocationCapability.SHIPS),
                location(WH_HN, LocationKind.WAREHOUSE_BRANCH, hanoi(), 2, LocationCapability.SHIPS),
                location(
                        WH_DN,
                        LocationKind.WAREHOUSE_BRANCH,
                        address("Da Nang", "Da Nang", GeoPoint.of(16.0544, 108.2022)),
                        3,
                        LocationCapability.SHIPS),
                location(ST_Q1, LocationKind.STORE, saigon(), 5, LocationCapability.SHIPS, LocationCapability.PICKUP),
                location(
                        ST_Q7,
                        LocationKind.STORE,
                        address("Ho Chi Minh City", "Ho Chi Minh", GeoPoint.of(10.7340, 106.7216)),
                        5,
                        LocationCapability.SHIPS,
                        LocationCapability.PICKUP),
                location(
                        VENDOR,
                        LocationKind.DROPSHIP_VENDOR,
                        address("Thu Dau Mot", "Binh Duong", GeoPoint.of(10.9804, 106.6519)),
                        9,
                        LocationCapability.SHIPS),
                location(
                        WORKSHOP,
                        LocationKind.WAREHOUSE_SUB,
                        address("Ho Chi Minh City", "Ho Chi Minh", GeoPoint.of(10.7626, 106.6602)),
                        8,
                        LocationCapability.SHIPS));
    }

    private static Location location(
            LocationId id, LocationKind kind, Address address, int priority, LocationCapability... capabilities) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name(id.value())
                .kind(kind)
                .address(address)
                .priority(priority)
                .zone(VN)
                .cutOffTime(LocalTime.of(14, 0))
                .capabilities(Set.of(capabilities))
                .build();
    }

    private static Product product(Sku sku, String name, int grams, Dimensions dimensions) {
        return Product.builder()
                .tenant(TENANT)
                .sku(sku)
                .name(name)
                .weightGrams(grams)
                .dimensions(dimensions)
                .build();
    }

    static RateTable rates() {
        return RateTable.builder()
                .currency(Money.currency("VND"))
                .addZones(
                        zone("same-city", true, false, "16500", "22000"),
                        zone("same-region", false, true, "22000", "30000"),
                        zone("national", false, false, "30000", "42000"))
                .build();
    }

    static RateTable economyRates() {
        return RateTable.builder()
                .currency(Money.currency("VND"))
                .addZones(
                        zone("same-city", true, false, "13000", "18000"),
                        zone("same-region", false, true, "18000", "25000"),
                        zone("national", false, false, "25000", "35000"))
                .build();
    }

    private static RateZone zone(String name, boolean sameCity, boolean sameRegion, String upTo500, String upTo2000) {
        return RateZone.builder()
                .name(name)
                .sameCity(sameCity)
                .sameRegion(sameRegion)
                .addBrackets(
                        new RateZone.Bracket(500, Money.of(upTo500, "VND")),
                        new RateZone.Bracket(2000, Money.of(upTo2000, "VND")))
                .stepGrams(500)
                .stepPrice(Money.of("5000", "VND"))
                .build();
    }

    private static PromiseConfig promiseConfig() {
        RateTable rates = rates();
        return PromiseConfig.builder()
                .addServices(
                        CarrierService.builder()
                                .name("GHN Express")
                                .code("ghn-express")
                                .level(ServiceLevel.EXPRESS)
                                .rates(rates)
                                .putTransitDays("same-city", 1)
                                .putTransitDays("same-region", 1)
                                .putTransitDays("national", 2)
                                .build(),
                        CarrierService.builder()
                                .name("Viettel Post Economy")
                                .code("vtp-economy")
                                .level(ServiceLevel.ECONOMY)
                                .rates(economyRates())
                                .putTransitDays("same-city", 2)
                                .putTransitDays("same-region", 3)
                                .putTransitDays("national", 5)
                                .build())
                .build();
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private void section(String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    private void say(String format, Object... args) {
        out.println(String.format(format, args));
    }
}
