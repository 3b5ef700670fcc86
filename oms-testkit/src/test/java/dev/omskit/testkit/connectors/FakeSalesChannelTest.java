package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.CancellationPush;
import dev.omskit.connectors.channel.ChannelCursor;
import dev.omskit.connectors.channel.ChannelLineQuantity;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderNotice;
import dev.omskit.connectors.channel.ChannelPage;
import dev.omskit.connectors.channel.ShipmentPush;
import dev.omskit.connectors.channel.StockPushResult;
import dev.omskit.connectors.channel.StockUpdate;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.CaptureResult;
import dev.omskit.core.Oms;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scripting and bookkeeping of {@link FakeSalesChannel} beyond what the conformance kit checks. */
class FakeSalesChannelTest {
    private static final TenantId TENANT = TenantId.of("t-1");
    private static final Channel SHOP = Channel.of("fake-shop", ChannelKind.WEB_STORE);

    private final ManualClock clock = ManualClock.at("2026-12-01T08:00:00Z");
    private final FakeSalesChannel fake = FakeSalesChannel.of("fake-shop", "s3cret", clock);

    @Test
    void placeOrder_capturedByCore_onceByChannelOrderId() {
        Oms oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        fake.placeOrder("100001");
        ChannelOrder pulled = fake.pullOrders(ChannelCursor.START, 10).items().get(0);

        CaptureResult first = oms.capture(pulled.toCapture(TENANT, SHOP, Actor.channel(SHOP.id())));
        CaptureResult again = oms.capture(pulled.toCapture(TENANT, SHOP, Actor.channel(SHOP.id())));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(first.order().lines()).hasSize(2);
    }

    @Test
    void malformedNext_isPulledNext_andToCaptureNamesEveryProblem() {
        fake.placeOrder("100001");
        ChannelCursor after = fake.pullOrders(ChannelCursor.START, 10).next();
        fake.malformedNext("100002");

        ChannelPage<ChannelOrder> page = fake.pullOrders(after, 10);

        assertThat(page.items()).extracting(ChannelOrder::channelOrderId).containsExactly("100002");
        assertThatThrownBy(() -> page.items().get(0).toCapture(TENANT, SHOP, Actor.channel(SHOP.id())))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("lines[0].quantity", "shippingAddress.line1", "shippingAddress.city"));
    }

    @Test
    void updateOrder_comesAgainAfterTheCursor() {
        ChannelOrder order = fake.placeOrder("100001");
        fake.placeOrder("100002");
        ChannelCursor end = fake.pullOrders(ChannelCursor.START, 10).next();
        clock.advance(Duration.ofMinutes(5));
        fake.updateOrder(ChannelOrder.builder()
                .from(order)
                .channelStatus("SHIPPED")
                .updatedAt(clock.instant())
                .build());

        ChannelPage<ChannelOrder> page = fake.pullOrders(end, 10);

        assertThat(page.items()).singleElement().satisfies(o -> assertThat(o.channelStatus())
                .isEqualTo("SHIPPED"));
        assertThat(page.hasMore()).isFalse();
        assertThat(fake.pullOrders(page.next(), 10).items()).isEmpty();
    }

    @Test
    void script_failNext_failsThenWorks_andRecordsEveryCall() {
        fake.placeOrder("100001");
        fake.script().failNext(2, FailureKind.RETRYABLE);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fake.pullOrders(ChannelCursor.START, 10))
                    .isInstanceOfSatisfying(
                            ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE));
        }
        assertThat(fake.pullOrders(ChannelCursor.START, 10).items()).hasSize(1);
        assertThat(fake.script().calls("pullOrders"))
                .extracting(FakeScript.Call::outcome)
                .containsExactly("RETRYABLE", "RETRYABLE", "ok");
    }

    @Test
    void cursorNotIssuedByTheChannel_isNotRetryable() {
        assertThatThrownBy(() -> fake.pullOrders(ChannelCursor.of("page-7"), 10))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE));
    }

    @Test
    void pushStock_keepsNewest_andRecordsRefusedStaleUpdates() {
        Sku sku = Sku.of("SKU-A");
        fake.pushStock(List.of(StockUpdate.of(sku, 8, 2)));
        StockPushResult result = fake.pushStock(List.of(StockUpdate.of(sku, 3, 1)));

        assertThat(fake.available(sku)).contains(8L);
        assertThat(result.stale()).hasSize(1);
        assertThat(fake.refusedStock()).singleElement().satisfies(s -> assertThat(s.heldVersion())
                .isEqualTo(2));
    }

    @Test
    void webhooks_duplicatedAndReordered_parseToTheirOwnSnapshots() {
        ChannelOrder v1 = fake.placeOrder("100001");
        WebhookRequest first = fake.webhook(v1);
        clock.advance(Duration.ofMinutes(1));
        ChannelOrder v2 = fake.updateOrder(ChannelOrder.builder()
                .from(v1)
                .channelStatus("CANCELLED")
                .updatedAt(clock.instant())
                .build());
        WebhookRequest second = fake.webhook(v2);

        List<ChannelOrderNotice> notices = List.of(second, first, second).stream()
                .map(fake.webhookHandler()::accept)
                .toList();

        assertThat(notices)
                .extracting(ChannelOrderNotice::channelStatus)
                .containsExactly("CANCELLED", "READY_TO_SHIP", "CANCELLED");
        assertThat(notices.get(1).order()).contains(v1);
        assertThat(notices.get(0).updatedAt()).isAfter(notices.get(1).updatedAt());
    }

    @Test
    void webhook_signedWithAnotherSecret_isBadSignature_andMessageHidesTheSecret() {
        ChannelOrder order = fake.placeOrder("100001");
        WebhookRequest forged = FakeSalesChannel.of("fake-shop", "other", clock).webhook(order);

        assertThatThrownBy(() -> fake.webhookHandler().accept(forged))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE);
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
        assertThat(forged.toString())
                .doesNotContain(forged.header(FakeSalesChannel.SIGNATURE_HEADER).orElseThrow());
    }

    @Test
    void webhook_tampered_isBadSignature_scriptedFailuresDoNotReachWebhooks() {
        WebhookRequest good = fake.webhook(fake.placeOrder("100001"));
        fake.script().failNext(1, FailureKind.RETRYABLE);

        assertThatThrownBy(() -> fake.webhookHandler().accept(FakeSalesChannel.tampered(good)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE));
        assertThat(fake.webhookHandler().accept(good).channelOrderId()).isEqualTo("100001");
        assertThatThrownBy(() -> fake.pullOrders(ChannelCursor.START, 1)).isInstanceOf(ConnectorException.class);
    }

    @Test
    void pushStock_concurrentVersions_holdsTheNewest() throws Exception {
        Sku sku = Sku.of("SKU-A");
        int threads = 8;
        int perThread = 250;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    long version = (long) i * threads + offset + 1;
                    fake.pushStock(List.of(StockUpdate.of(sku, version % 97, version)));
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : futures) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        long newest = (long) threads * perThread;
        assertThat(fake.stock().values()).singleElement().satisfies(u -> {
            assertThat(u.version()).isEqualTo(newest);
            assertThat(u.available()).isEqualTo(newest % 97);
        });
        assertThat(fake.refusedStock()).allSatisfy(s -> assertThat(s.heldVersion())
                .isGreaterThan(s.update().version()));
        assertThat(fake.script().calls("pushStock")).hasSize(threads * perThread);
    }

    @Test
    void shipmentThenWholeCancellation_cancelsOnlyWhatIsLeft() {
        fake.placeOrder("100001");
        ShipmentPush shipment =
                new ShipmentPush("s-1", "100001", List.of(ChannelLineQuantity.of("1", 2)), "GHN", "GHN123");
        fake.pushShipment(shipment);
        fake.pushCancellation(CancellationPush.wholeOrder("100001", "out of stock"));
        fake.pushCancellation(CancellationPush.wholeOrder("100001", "out of stock"));

        assertThat(fake.shipments()).isEqualTo(Map.of("s-1", shipment));
        assertThat(fake.cancellations()).hasSize(1);
        assertThatThrownBy(() -> fake.pushCancellation(
                        new CancellationPush("100001", List.of(ChannelLineQuantity.of("1", 1)), "late")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("line '1'", "100001"));
    }

    @Test
    void acknowledge_recordsIdsOnce_unknownOrderIsNotRetryable() {
        fake.placeOrder("100001");
        fake.acknowledge(java.util.Set.of("100001"));
        fake.acknowledge(java.util.Set.of("100001"));

        assertThat(fake.acknowledged()).containsExactly("100001");
        assertThatThrownBy(() -> fake.acknowledge(java.util.Set.of("999")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE));
    }

    @Test
    void channelOrder_toString_hidesBuyerAndAddress() {
        ChannelOrder order = fake.placeOrder("100001");

        assertThat(order.toString())
                .doesNotContain("Nguyen", "Ly Thuong Kiet", "+8490")
                .contains("***");
        assertThat(Money.of("280000", "VND")).isEqualTo(order.total().orElseThrow());
    }
}
