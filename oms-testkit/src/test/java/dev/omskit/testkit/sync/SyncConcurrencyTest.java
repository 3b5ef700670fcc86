package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.sync.SyncHarness.A;
import static dev.omskit.testkit.sync.SyncHarness.B;
import static dev.omskit.testkit.sync.SyncHarness.SKUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.sync.ChannelBinding;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two engine instances over one work store (two application instances), each running rounds on its own
 * thread, while two more threads take webhooks (every one twice) and the warehouse receives stock: every
 * order is captured once and every channel ends at its ATP.
 */
@DisplayName("Two sync engines on one work store, on real threads")
class SyncConcurrencyTest {
    @RepeatedTest(3)
    @DisplayName("every order once, every channel at its ATP")
    void twoEngines_oneStore() throws Exception {
        SyncHarness h = new SyncHarness();
        h.shopee.script().failRandomly(0.2, FailureKind.RETRYABLE, new Random(7));
        SyncEngine second = SyncEngine.builder()
                .oms(h.oms)
                .work(h.work)
                .cursors(h.cursors)
                .clock(h.clock)
                .channel(ChannelBinding.of(TENANT, SyncHarness.SHOPEE, h.shopee))
                .channel(ChannelBinding.of(TENANT, SyncHarness.LAZADA, h.lazada))
                .channel(ChannelBinding.of(TENANT, SyncHarness.WEB, h.web))
                .build();
        List<ChannelOrder> shopeeOrders = new ArrayList<>();
        List<ChannelOrder> webOrders = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            shopeeOrders.add(h.shopee.addOrder(h.order("S-" + i, i % 2 == 0 ? A : B, 1)));
            webOrders.add(h.web.addOrder(h.order("W-" + i, i % 2 == 0 ? B : A, 1)));
            h.lazada.addOrder(h.order("L-" + i, A, 1));
        }
        AtomicBoolean feeding = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> tasks = new ArrayList<>();
        for (SyncEngine engine : List.of(h.engine, second)) {
            tasks.add(pool.submit(() -> {
                start.await();
                while (feeding.get()) {
                    engine.runOnce();
                }
                return null;
            }));
        }
        for (var pair : List.of(List.of(h.shopee, shopeeOrders), List.of(h.web, webOrders))) {
            FakeSalesChannel channel = (FakeSalesChannel) pair.get(0);
            @SuppressWarnings("unchecked")
            List<ChannelOrder> orders = (List<ChannelOrder>) pair.get(1);
            tasks.add(pool.submit(() -> {
                start.await();
                for (ChannelOrder o : orders) {
                    h.engine.acceptWebhook(TENANT, channel.id(), channel.webhook(o));
                    second.acceptWebhook(TENANT, channel.id(), channel.webhook(o));
                }
                return null;
            }));
        }
        tasks.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 30; i++) {
                h.receive(SKUS.get(i % SKUS.size()), 2);
            }
            return null;
        }));
        start.countDown();
        for (Future<?> t : tasks.subList(2, tasks.size())) {
            t.get(60, TimeUnit.SECONDS);
        }
        feeding.set(false);
        for (Future<?> t : tasks.subList(0, 2)) {
            t.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        second.close();
        h.shopee.script().failRandomly(0, FailureKind.RETRYABLE, new Random(0));
        h.settle();

        List<Order> all = h.oms.query(TENANT, OrderQuery.builder().limit(10_000).build());
        assertThat(all).hasSize(120);
        assertThat(all)
                .extracting(o -> o.channel().id() + "/" + o.channelOrderId())
                .doesNotHaveDuplicates();
        for (FakeSalesChannel channel : List.of(h.shopee, h.lazada, h.web)) {
            var core = channel == h.shopee
                    ? SyncHarness.SHOPEE
                    : channel == h.lazada ? SyncHarness.LAZADA : SyncHarness.WEB;
            for (Sku sku : SKUS) {
                assertThat(channel.available(sku)).as(channel.id() + " " + sku).contains((long) h.atp(core, sku));
            }
        }
        assertThat(h.engine.parked().count(TENANT)).isZero();
    }
}
