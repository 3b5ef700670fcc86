package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.sync.ChannelBinding;
import dev.omskit.connectors.sync.CursorStore;
import dev.omskit.connectors.sync.SyncConfig;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.connectors.ChannelOrderFixtures;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import dev.omskit.testkit.store.InMemoryCursorStore;
import dev.omskit.testkit.store.InMemoryStorage;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An {@link Oms} with an inventory (one warehouse holding SKU-A, SKU-B and SKU-C), the sync engine's
 * outbox listener, two fake marketplaces (Shopee with a 2-unit buffer, Lazada) and a fake web store, all
 * on in-memory stores and a manual clock. {@link #restart()} builds a new engine over the same stores, as
 * a process restarted after a crash would.
 */
final class SyncHarness {
    static final LocationId WH = LocationId.of("WH-HCM");
    static final Sku A = Sku.of("SKU-A");
    static final Sku B = Sku.of("SKU-B");
    static final Sku C = Sku.of("SKU-C");
    static final List<Sku> SKUS = List.of(A, B, C);
    static final Channel SHOPEE = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);
    static final Channel LAZADA = Channel.of("lazada-vn", ChannelKind.MARKETPLACE);
    static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);

    final ManualClock clock = ManualClock.at("2026-12-02T08:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final Inventory inventory;
    final Oms oms;
    final SyncWorkStore work;
    final CursorStore cursors = InMemoryCursorStore.create();
    final FakeSalesChannel shopee = FakeSalesChannel.of("shopee-vn", "shopee-secret", clock);
    final FakeSalesChannel lazada = FakeSalesChannel.of("lazada-vn", "lazada-secret", clock);
    final FakeSalesChannel web = FakeSalesChannel.of("web", "web-secret", clock);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnaryOperator<SyncEngine.Builder> customizer;
    private final ResilientCaller caller;
    SyncEngine engine;

    SyncHarness() {
        this(InMemorySyncWorkStore.create(), SyncConfig.defaults(), b -> b);
    }

    SyncHarness(SyncWorkStore work, SyncConfig config, UnaryOperator<SyncEngine.Builder> customizer) {
        this.work = work;
        Map<Sku, Integer> stock = new java.util.LinkedHashMap<>();
        SKUS.forEach(sku -> stock.put(sku, 100));
        inventory = InventoryFixtures.oneWarehouse(
                TENANT,
                WH,
                stock,
                clock,
                InventoryConfig.builder()
                        .putChannelPolicies(
                                SHOPEE.id(),
                                ChannelStockPolicy.builder()
                                        .channel(SHOPEE.id())
                                        .bufferUnits(2)
                                        .build())
                        .build());
        oms = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .eventListener(SyncEngine.outboxListener(work, clock))
                .build();
        caller = ResilientCaller.of(
                ResiliencePolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .minimumCalls(1000)
                        .slidingWindowSize(1000)
                        .callsPerPeriod(100_000)
                        .build(),
                Map.of(),
                registry);
        this.customizer = b -> customizer.apply(b.config(config));
        this.engine = newEngine();
    }

    private SyncEngine newEngine() {
        return customizer
                .apply(SyncEngine.builder()
                        .oms(oms)
                        .work(work)
                        .cursors(cursors)
                        .caller(caller)
                        .clock(clock)
                        .meterRegistry(registry)
                        .channel(ChannelBinding.of(TENANT, SHOPEE, shopee))
                        .channel(ChannelBinding.of(TENANT, LAZADA, lazada))
                        .channel(ChannelBinding.of(TENANT, WEB, web)))
                .build();
    }

    /** The engine dies (its in-memory state is lost) and a new one starts over the same stores. */
    SyncEngine restart() {
        engine.close();
        engine = newEngine();
        return engine;
    }

    void receive(Sku sku, int units) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(WH)
                .addLines(ReceiptLine.good(sku, units))
                .actor(Actor.system("wms"))
                .build());
    }

    /** Rounds until idle, with the clock moved past every lease and backoff between rounds. */
    void settle() {
        for (int i = 0; i < 50; i++) {
            oms.deliverEvents();
            boolean idle = engine.runOnce().idle();
            clock.advance(Duration.ofMinutes(15));
            if (idle && engine.runOnce().idle()) {
                return;
            }
        }
        throw new AssertionError("the sync engine did not settle in 50 rounds");
    }

    /** A valid prepaid order of {@code units} x {@code sku} (and 1 x SKU-C), placed now. */
    ChannelOrder order(String channelOrderId, Sku sku, int units) {
        return ChannelOrderFixtures.paid(
                channelOrderId,
                clock.instant(),
                ChannelOrderFixtures.line(sku, units, 100_000),
                ChannelOrderFixtures.line(C, 1, 50_000));
    }

    int atp(Channel channel, Sku sku) {
        return inventory.availability(TENANT, sku, channel.id()).atp();
    }

    static FailureKind retryable() {
        return FailureKind.RETRYABLE;
    }
}
