package dev.omskit.examples;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderLine;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.sync.CarrierBinding;
import dev.omskit.connectors.sync.ChannelBinding;
import dev.omskit.connectors.sync.SyncConfig;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncReport;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.FulfilmentFixtures;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.connectors.FakeCarrier;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The channels part of the trading day, through the sync engine: orders from two marketplaces (Shopee,
 * failing one call in three, and Lazada, polled) and the web store (webhooks, one sent twice), one of them
 * malformed; stock pushed back to every channel from its ATP; shipments booked with a carrier, and its
 * tracking flowing back until the orders are delivered and the channels know.
 */
final class ChannelSyncDemo {
    static final TenantId TENANT = TenantId.of("saigon-sneakers-channels");
    static final LocationId WH = LocationId.of("WH-HCM");
    static final Sku RUNNER = Sku.of("SNK-RUN-42");
    static final Sku SOCKS = Sku.of("SOCK-3P");
    static final Sku CAP = Sku.of("CAP-LOGO");
    static final List<Sku> SKUS = List.of(RUNNER, SOCKS, CAP);
    static final Channel SHOPEE = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);
    static final Channel LAZADA = Channel.of("lazada-vn", ChannelKind.MARKETPLACE);
    static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);
    static final String CARRIER = "GHN";

    private final PrintStream out;
    private final ManualClock clock;
    private final Inventory inventory;
    private final Oms oms;
    private final SyncWorkStore work;
    private final FakeSalesChannel shopee;
    private final FakeSalesChannel lazada;
    private final FakeSalesChannel web;
    private final FakeCarrier ghn;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SyncEngine sync;

    /**
     * What the channels part produced (for the demo's test).
     *
     * @param captured orders captured per channel
     * @param placed valid orders placed per channel
     * @param failedCalls calls to Shopee that failed
     * @param parked keys and reasons of the parked work
     * @param stockInStep whether every channel shows exactly its ATP of every SKU
     * @param shown what each channel shows of each SKU ({@code channel/sku -> units})
     * @param booked tracking numbers the carrier gave
     * @param delivered orders delivered after tracking flowed back
     * @param shipmentsPushed shipments the channels were told of
     */
    record Result(
            Map<String, Integer> captured,
            Map<String, Integer> placed,
            int failedCalls,
            Map<String, String> parked,
            boolean stockInStep,
            Map<String, Long> shown,
            List<String> booked,
            int delivered,
            int shipmentsPushed) {}

    ChannelSyncDemo(PrintStream out, ManualClock clock, DemoStorage.Stores stores) {
        this.out = out;
        this.clock = clock;
        this.work = stores.syncWork();
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (Sku sku : SKUS) {
            catalog.put(Product.builder()
                    .tenant(TENANT)
                    .sku(sku)
                    .name(sku.value())
                    .weightGrams(400)
                    .build());
        }
        this.inventory = Inventory.builder()
                .store(stores.inventory())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .config(InventoryConfig.builder()
                        .putChannelPolicies(
                                SHOPEE.id(),
                                ChannelStockPolicy.builder()
                                        .channel(SHOPEE.id())
                                        .bufferUnits(2)
                                        .build())
                        .putChannelPolicies(
                                LAZADA.id(),
                                ChannelStockPolicy.builder()
                                        .channel(LAZADA.id())
                                        .cap(20)
                                        .build())
                        .build())
                .build();
        inventory.saveLocation(dev.omskit.testkit.InventoryFixtures.warehouse(TENANT, WH, 1));
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(WH)
                .addLines(ReceiptLine.good(RUNNER, 30), ReceiptLine.good(SOCKS, 60), ReceiptLine.good(CAP, 12))
                .actor(Actor.system("wms-hcm"))
                .build());
        this.oms = Oms.builder()
                .storage(stores.orders())
                .inventory(inventory)
                .clock(clock)
                .idGenerator(SequentialIds.withPrefix("CH-"))
                .eventListener(SyncEngine.outboxListener(work, clock))
                .build();
        this.shopee = FakeSalesChannel.of("shopee-vn", "shopee-partner-key", clock);
        this.lazada = FakeSalesChannel.withCapabilities(
                "lazada-vn",
                java.util.Set.of(
                        SalesChannel.PULL_ORDERS,
                        SalesChannel.PUSH_STOCK,
                        SalesChannel.PUSH_SHIPMENT,
                        SalesChannel.PUSH_CANCELLATION),
                "lazada-app-secret",
                clock);
        this.web = FakeSalesChannel.of("web", "shopify-webhook-secret", clock);
        this.ghn = FakeCarrier.of(
                CARRIER,
                "ghn-token",
                clock,
                Money.currency("VND"),
                java.util.Set.of(Carrier.CREATE_SHIPMENT, Carrier.TRACKING_POLL, Carrier.TRACKING_WEBHOOK));
        shopee.script().failRandomly(1.0 / 3, FailureKind.RETRYABLE, new Random(11));
        this.sync = SyncEngine.builder()
                .oms(oms)
                .work(work)
                .cursors(stores.cursors())
                .clock(clock)
                .meterRegistry(registry)
                .caller(ResilientCaller.of(
                        ResiliencePolicy.builder()
                                .maxAttempts(1)
                                .minimumCalls(1000)
                                .build(),
                        Map.of(),
                        registry))
                .config(SyncConfig.builder()
                        .initialBackoff(Duration.ofSeconds(30))
                        .build())
                .channel(ChannelBinding.of(TENANT, SHOPEE, shopee))
                .channel(ChannelBinding.of(TENANT, LAZADA, lazada).polledEvery(Duration.ofMinutes(2)))
                .channel(ChannelBinding.of(TENANT, WEB, web))
                .carrier(new CarrierBinding(TENANT, ghn, "default", Duration.ofMinutes(30)))
                .build();
    }

    Result run() {
        // the engine logs parked work as a warning for operators; the demo prints it itself
        java.util.logging.Logger.getLogger(SyncEngine.class.getName()).setLevel(java.util.logging.Level.SEVERE);
        section("22. Orders from two marketplaces and the web store; Shopee fails one call in three");
        sync.reconcileStock(TENANT, SKUS);
        Map<String, Integer> placed = new LinkedHashMap<>();
        List<WebhookRequest> webHooks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ChannelOrder o = web.addOrder(order("WEB-" + (5000 + i), RUNNER, 1, i == 2 ? CAP : SOCKS));
            webHooks.add(web.webhook(o));
        }
        webHooks.add(webHooks.get(0)); // Shopify retries a webhook it thinks was lost
        List<WebhookRequest> shopeeHooks = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ChannelOrder o = shopee.addOrder(order("SPE-24" + (1000 + i), SOCKS, 2, i % 2 == 0 ? CAP : RUNNER));
            shopeeHooks.add(shopee.noticeWithoutOrder(o)); // Shopee's push names the order; the engine fetches it
        }
        for (int i = 1; i <= 3; i++) {
            lazada.addOrder(order("LZD-77" + (100 + i), RUNNER, 1, SOCKS));
        }
        lazada.malformedNext("LZD-77999");
        placed.put(WEB.id().value(), 3);
        placed.put(SHOPEE.id().value(), 4);
        placed.put(LAZADA.id().value(), 3);
        for (WebhookRequest hook : webHooks) {
            sync.acceptWebhook(TENANT, "web", hook);
        }
        for (WebhookRequest hook : shopeeHooks) {
            sync.acceptWebhook(TENANT, "shopee-vn", hook);
        }
        say("webhooks taken: %d from the web store (one twice), %d from Shopee; Lazada is polled", 4, 4);
        for (int round = 1; round <= 12; round++) {
            SyncReport r = sync.runOnce();
            if (r.idle()) {
                break;
            }
            say(
                    "round %2d: %3d done, %2d waiting for another attempt, %d parked%s",
                    round,
                    r.done(),
                    r.later(),
                    r.parked(),
                    r.pollFailures().isEmpty()
                            ? ""
                            : " (a poll failed: " + r.pollFailures().size() + ")");
            clock.advance(Duration.ofMinutes(1));
        }
        settle();
        int failed = (int) shopee.script().calls().stream()
                .filter(c -> !c.outcome().equals("ok"))
                .count();
        Map<String, Integer> captured = new LinkedHashMap<>();
        List<Order> all = oms.query(TENANT, OrderQuery.builder().limit(1000).build());
        for (Channel c : List.of(WEB, SHOPEE, LAZADA)) {
            captured.put(c.id().value(), (int)
                    all.stream().filter(o -> o.channel().equals(c)).count());
        }
        say(
                "Shopee failed %d of its %d calls; every failed call was tried again later",
                failed, shopee.script().calls().size());
        captured.forEach((c, n) -> say("captured from %-10s %d orders (placed %d), each once", c, n, placed.get(c)));
        Map<String, String> parked = new LinkedHashMap<>();
        for (SyncWork w : sync.parked().list(TENANT, 0, 10)) {
            parked.put(w.key(), w.lastFailure().orElse(""));
            say("parked for a person: %s: %s", w.key(), w.lastFailure().orElse(""));
        }

        section(
                "23. Stock pushed back to every channel from its ATP (Shopee keeps a 2-unit buffer, Lazada is capped at 20)");
        say("%-11s %8s %10s %10s %10s", "SKU", "on hand", "shopee-vn", "lazada-vn", "web");
        boolean inStep = true;
        Map<String, Long> shown = new LinkedHashMap<>();
        for (Sku sku : SKUS) {
            List<String> cells = new ArrayList<>();
            for (var pair : List.of(Map.entry(SHOPEE, shopee), Map.entry(LAZADA, lazada), Map.entry(WEB, web))) {
                int atp =
                        inventory.availability(TENANT, sku, pair.getKey().id()).atp();
                long channelShows = pair.getValue().available(sku).orElse(-1L);
                inStep &= channelShows == atp;
                shown.put(pair.getKey().id().value() + "/" + sku.value(), channelShows);
                cells.add(channelShows + (channelShows == atp ? "" : " (ATP " + atp + ")"));
            }
            say(
                    "%-11s %8d %10s %10s %10s",
                    sku.value(), inventory.level(TENANT, sku, WH).onHand(), cells.get(0), cells.get(1), cells.get(2));
        }
        say("every channel shows exactly its ATP: %s", inStep);

        section("24. Shipments booked with the carrier; its tracking flows back to omskit and the channels");
        List<String> booked = new ArrayList<>();
        List<Order> toShip = List.of(
                oms.findByChannelOrder(TENANT, WEB.id(), "WEB-5001").orElseThrow(),
                oms.findByChannelOrder(TENANT, SHOPEE.id(), "SPE-241001").orElseThrow());
        List<Shipment> shipments = new ArrayList<>();
        for (Order o : toShip) {
            shipments.add(packAndCreateShipment(o));
        }
        settle();
        for (Shipment s : shipments) {
            Shipment labelled = oms.shipping().find(TENANT, s.id()).orElseThrow();
            String tracking = labelled.trackingNumber().orElseThrow();
            booked.add(tracking);
            say(
                    "shipment %s of order %s booked at %s: tracking %s, now %s",
                    s.id(), s.orderId(), CARRIER, tracking, labelled.state());
        }
        for (String tracking : booked) {
            ghn.emitTracking(tracking, TrackingStatus.PICKED_UP);
            clock.advance(Duration.ofMinutes(5));
            ghn.emitTracking(tracking, TrackingStatus.IN_TRANSIT);
        }
        clock.advance(Duration.ofMinutes(31));
        settle();
        for (String tracking : booked) {
            clock.advance(Duration.ofHours(3));
            ghn.emitTracking(tracking, TrackingStatus.DELIVERED);
        }
        clock.advance(Duration.ofMinutes(31));
        settle();
        int delivered = 0;
        for (Order o : toShip) {
            Order now = oms.get(TENANT, o.id());
            Shipment s = oms.shipping().shipments(TENANT, o.id()).get(0);
            say("order %s (%s): %s; shipment %s", o.id(), o.channelOrderId(), now.status(), s.state());
            if (now.status()
                    .equals(dev.omskit.core.order.OrderStatus.of(dev.omskit.core.order.OrderStages.DELIVERED))) {
                delivered++;
            }
        }
        boolean stillInStep = true;
        for (Sku sku : SKUS) {
            for (var pair : List.of(Map.entry(SHOPEE, shopee), Map.entry(LAZADA, lazada), Map.entry(WEB, web))) {
                stillInStep &= pair.getValue().available(sku).orElse(-1L)
                        == inventory
                                .availability(TENANT, sku, pair.getKey().id())
                                .atp();
            }
        }
        say("after shipping, every channel still shows exactly its ATP: %s", stillInStep);
        inStep &= stillInStep;
        int pushed = shopee.shipments().size() + web.shipments().size();
        say(
                "the channels were told of %d shipments with their tracking numbers: shopee-vn %s, web %s",
                pushed,
                shopee.shipments().values().stream()
                        .map(p -> p.trackingNumber())
                        .toList(),
                web.shipments().values().stream().map(p -> p.trackingNumber()).toList());
        say(
                "sync work finished: %.0f items; parked now: %.0f",
                registry.get("omskit.sync.work").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum(),
                registry.get("omskit.sync.parked").gauge().value());
        sync.close();
        return new Result(captured, placed, failed, parked, inStep, shown, booked, delivered, pushed);
    }

    /** Rounds until nothing is due, moving the clock past backoffs. */
    private void settle() {
        for (int i = 0; i < 40; i++) {
            oms.deliverEvents();
            boolean idle = sync.runOnce().idle();
            clock.advance(Duration.ofMinutes(2));
            if (idle && sync.runOnce().idle()) {
                return;
            }
        }
    }

    private Shipment packAndCreateShipment(Order o) {
        Actor wms = Actor.system("wms-hcm");
        FulfilmentRequest packed = FulfilmentFixtures.packed(oms, TENANT, o.id(), wms);
        return oms.shipping()
                .create(FulfilmentFixtures.shipmentOf(packed, CARRIER, wms)
                        .parcels(List.of(Parcel.of(1100, 30, 20, 12)))
                        .build());
    }

    private ChannelOrder order(String id, Sku sku, int units, Sku extra) {
        long total = 450_000L * units + 90_000;
        return ChannelOrder.builder()
                .channelOrderId(id)
                .buyer(Buyer.builder().name("Pham Thu Ha").phone("+84912345678").build())
                .shippingAddress(Address.builder()
                        .recipient("Pham Thu Ha")
                        .line1("88 Dong Khoi")
                        .district("Quan 1")
                        .city("Ho Chi Minh")
                        .countryCode("VN")
                        .build())
                .currency(Money.currency("VND"))
                .addLines(ChannelOrderLine.of("1", sku, units, Money.of("450000", "VND")))
                .addLines(ChannelOrderLine.of("2", extra, 1, Money.of("90000", "VND")))
                .paymentStatus(PaymentStates.PAID)
                .total(Money.of(String.valueOf(total), "VND"))
                .placedAt(clock.instant())
                .channelStatus("READY_TO_SHIP")
                .updatedAt(clock.instant())
                .build();
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
