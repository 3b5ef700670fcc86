package dev.omskit.benchmarks;

import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.sync.ChannelBinding;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.connectors.ChannelOrderFixtures;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import dev.omskit.testkit.store.InMemoryCursorStore;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the sync engine costs per channel order taken in (not a PERFORMANCE.md scenario; the engine's own
 * figure). One operation is one order of two lines from a fake sales channel (oms-testkit), in batches of
 * {@value #BATCH} orders placed in the channel before each invocation:
 *
 * <ul>
 *   <li>{@code poll}: the engine pulls the batch (one cursor page), stores it as ingestion work, captures,
 *       allocates and acknowledges every order, works out each order's changes and pushes the stock of the
 *       SKUs it took to the two channels (coalesced), all through persisted work items
 *       ({@link InMemorySyncWorkStore}), the resilience layer and the outbox listener;
 *   <li>{@code webhook}: the same, each order arriving by its own signed webhook (HMAC verified, then
 *       parsed) instead of the poll;
 *   <li>{@code baseline}: the same orders captured and allocated directly on an {@code Oms} of the same
 *       make, with no engine and no stock push: what core alone costs.
 * </ul>
 *
 * After every iteration the invariants are checked: every order placed was captured exactly once, nothing
 * is parked or left to do, and both channels show exactly their ATP.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Threads(1)
public class SyncBenchmark {
    /** Orders per invocation. */
    static final int BATCH = 50;

    static final TenantId TENANT = OrderFixtures.TENANT;
    static final LocationId WH = LocationId.of("WH-1");
    static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);
    static final Channel MARKET = Channel.of("market", ChannelKind.MARKETPLACE);
    static final int SKUS = 200;

    /** One shop: an {@code Oms} with inventory, two fake channels and (unless a baseline) the engine. */
    @State(Scope.Thread)
    public static class Shop {
        @Param({"poll", "webhook", "baseline"})
        public String mode;

        ManualClock clock;
        Oms oms;
        Inventory inventory;
        SyncEngine engine;
        InMemorySyncWorkStore work;
        InMemoryStorage storage;
        FakeSalesChannel web;
        FakeSalesChannel market;
        final List<ChannelOrder> batch = new ArrayList<>(BATCH);
        final List<WebhookRequest> hooks = new ArrayList<>(BATCH);
        int placed;
        int next;

        @Setup(Level.Iteration)
        public void build() {
            clock = ManualClock.at("2026-12-02T08:00:00Z");
            InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
            for (int i = 0; i < SKUS; i++) {
                catalog.put(Product.builder()
                        .tenant(TENANT)
                        .sku(sku(i))
                        .name("Product " + i)
                        .build());
            }
            inventory = Inventory.builder()
                    .store(InMemoryInventoryStore.create())
                    .catalog(catalog)
                    .clock(clock)
                    .idGenerator(SequentialIds.create())
                    .build();
            inventory.saveLocation(dev.omskit.testkit.InventoryFixtures.warehouse(TENANT, WH, 1));
            ReceiveGoods.Builder receipt =
                    ReceiveGoods.builder().tenant(TENANT).location(WH).actor(Actor.system("wms"));
            for (int i = 0; i < SKUS; i++) {
                receipt.addLines(ReceiptLine.good(sku(i), 1_000_000));
            }
            inventory.receive(receipt.build());
            work = InMemorySyncWorkStore.create();
            storage = InMemoryStorage.create();
            Oms.Builder b = Oms.builder()
                    .storage(storage)
                    .clock(clock)
                    .idGenerator(SequentialIds.create())
                    .inventory(inventory);
            if (!mode.equals("baseline")) {
                b.eventListener(SyncEngine.outboxListener(work, clock));
            }
            oms = b.build();
            web = FakeSalesChannel.of("web", "web-secret", clock);
            market = FakeSalesChannel.withCapabilities(
                    "market",
                    Set.of(SalesChannel.PULL_ORDERS, SalesChannel.ACKNOWLEDGE, SalesChannel.PUSH_STOCK),
                    "market-secret",
                    clock);
            if (!mode.equals("baseline")) {
                engine = SyncEngine.builder()
                        .oms(oms)
                        .work(work)
                        .cursors(InMemoryCursorStore.create())
                        .clock(clock)
                        .caller(ResilientCaller.of(
                                ResiliencePolicy.builder()
                                        .callsPerPeriod(10_000_000)
                                        .build(),
                                Map.of()))
                        .channel(ChannelBinding.of(TENANT, WEB, web))
                        .channel(ChannelBinding.of(TENANT, MARKET, market))
                        .build();
                engine.reconcileStock(TENANT, allSkus());
                engine.runUntilIdle(10);
            }
            placed = 0;
        }

        /** Places the next batch in the channel (the buyers' side, not measured). */
        @Setup(Level.Invocation)
        public void placeBatch() {
            batch.clear();
            hooks.clear();
            FakeSalesChannel channel = mode.equals("webhook") ? web : market;
            for (int k = 0; k < BATCH; k++) {
                int n = next++;
                ChannelOrder o = channel.addOrder(order("B-" + n, sku(n % SKUS), sku((n * 7 + 3) % SKUS)));
                batch.add(o);
                if (mode.equals("webhook")) {
                    hooks.add(web.webhook(o));
                }
            }
            placed += BATCH;
        }

        @TearDown(Level.Iteration)
        public void verify() {
            if (engine == null) {
                BenchmarkData.check(
                        storage.orderCount(TENANT) == placed,
                        "baseline captured a different number of orders than placed");
                return;
            }
            engine.runUntilIdle(100);
            int stored = storage.orderCount(TENANT);
            BenchmarkData.check(stored == placed, stored + " orders captured, " + placed + " placed");
            BenchmarkData.check(
                    engine.parked().count(TENANT) == 0, engine.parked().count(TENANT) + " items parked");
            BenchmarkData.check(
                    work.due(clock.instant().plus(Duration.ofDays(1)), 1).isEmpty(), "work left to do");
            for (FakeSalesChannel channel : List.of(web, market)) {
                Channel core = channel == web ? WEB : MARKET;
                for (int i = 0; i < SKUS; i += 17) {
                    long shown = channel.available(sku(i)).orElse(-1L);
                    long atp = inventory.availability(TENANT, sku(i), core.id()).atp();
                    BenchmarkData.check(
                            shown == atp, channel.id() + " shows " + shown + " of " + sku(i) + ", ATP " + atp);
                }
            }
            BenchmarkData.check(
                    work.inState(TENANT, SyncState.PARKED, 0, 1).isEmpty(), "parked work after the iteration");
            engine.close();
        }

        ChannelOrder order(String id, Sku first, Sku second) {
            return ChannelOrderFixtures.paid(
                    id,
                    clock.instant(),
                    ChannelOrderFixtures.line(first, 1, 100_000),
                    ChannelOrderFixtures.line(second, 2, 50_000));
        }

        static List<Sku> allSkus() {
            List<Sku> out = new ArrayList<>();
            for (int i = 0; i < SKUS; i++) {
                out.add(sku(i));
            }
            return out;
        }

        static Sku sku(int i) {
            return Sku.of("SKU-" + i);
        }
    }

    /** The batch taken in through the engine (poll or webhooks, per {@code mode}), or captured directly. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ingest(Shop shop) {
        switch (shop.mode) {
            case "poll" -> {
                shop.engine.pollOrders(TENANT, "market");
                return shop.engine.runUntilIdle(100);
            }
            case "webhook" -> {
                for (WebhookRequest hook : shop.hooks) {
                    shop.engine.acceptWebhook(TENANT, "web", hook);
                }
                return shop.engine.runUntilIdle(100);
            }
            default -> {
                int n = 0;
                for (ChannelOrder o : shop.batch) {
                    var captured = shop.oms.capture(o.toCapture(TENANT, MARKET, Actor.channel(MARKET.id())));
                    shop.oms.allocate(TENANT, captured.order().id(), Actor.system("sync"));
                    n++;
                }
                return n;
            }
        }
    }
}
