package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.sync.SyncHarness.A;
import static dev.omskit.testkit.sync.SyncHarness.B;
import static dev.omskit.testkit.sync.SyncHarness.C;
import static dev.omskit.testkit.sync.SyncHarness.LAZADA;
import static dev.omskit.testkit.sync.SyncHarness.SHOPEE;
import static dev.omskit.testkit.sync.SyncHarness.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.channel.StockUpdate;
import dev.omskit.connectors.sync.ChannelBinding;
import dev.omskit.connectors.sync.SyncConfig;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkType;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The sync engine")
class SyncEngineTest {
    private final SyncHarness h = new SyncHarness();

    private List<Order> ordersOf(dev.omskit.core.model.Channel channel) {
        return h.oms.query(TENANT, OrderQuery.builder().limit(10_000).build()).stream()
                .filter(o -> o.channel().id().equals(channel.id()))
                .toList();
    }

    @Nested
    @DisplayName("ingesting orders")
    class Ingesting {
        @Test
        @DisplayName(
                "a webhook carrying the order captures, allocates and acknowledges it once, however often it comes")
        void webhook_capturesOnce() {
            ChannelOrder order = h.web.addOrder(h.order("W-1", A, 2));
            WebhookRequest hook = h.web.webhook(order);

            h.engine.acceptWebhook(TENANT, "web", hook);
            h.engine.acceptWebhook(TENANT, "web", hook);
            h.settle();
            h.engine.acceptWebhook(TENANT, "web", hook);
            h.settle();

            List<Order> orders = ordersOf(WEB);
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0).channelOrderId()).isEqualTo("W-1");
            assertThat(orders.get(0).quantity(OrderStages.ALLOCATED)).isEqualTo(3);
            assertThat(h.web.acknowledged()).containsExactly("W-1");
            assertThat(h.web.script().calls("acknowledge")).hasSize(1);
        }

        @Test
        @DisplayName("a tampered or malformed webhook is refused and nothing is stored")
        void tamperedWebhook_refused() {
            ChannelOrder order = h.web.addOrder(h.order("W-2", A, 1));
            WebhookRequest tampered = dev.omskit.testkit.connectors.FakeSalesChannel.tampered(h.web.webhook(order));
            WebhookRequest garbage = h.web.signed("{\"topic\":\"nonsense\"}".getBytes());

            assertThatThrownBy(() -> h.engine.acceptWebhook(TENANT, "web", tampered))
                    .isInstanceOf(WebhookRejectedException.class)
                    .hasMessageContaining("signature");
            assertThatThrownBy(() -> h.engine.acceptWebhook(TENANT, "web", garbage))
                    .isInstanceOf(WebhookRejectedException.class);
            assertThat(h.work.find(TENANT, "ingest/web/W-2")).isEmpty();
            assertThat(h.work.due(h.clock.instant().plus(Duration.ofDays(1)), 100))
                    .isEmpty();
        }

        @Test
        @DisplayName("a webhook for a channel that is not bound is a typed error naming it")
        void unknownChannel_typedError() {
            ChannelOrder order = h.web.addOrder(h.order("W-3", A, 1));
            assertThatThrownBy(() -> h.engine.acceptWebhook(TENANT, "tiktok", h.web.webhook(order)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("tiktok");
        }

        @Test
        @DisplayName("a notice naming an order without its data fetches the order")
        void idOnlyNotice_fetchesTheOrder() {
            FakeSalesChannel tiktok = FakeSalesChannel.withCapabilities(
                    "tiktok-vn",
                    Set.of(SalesChannel.WEBHOOK_ORDERS, SalesChannel.FETCH_ORDER, SalesChannel.PUSH_STOCK),
                    "tiktok-secret",
                    h.clock);
            Channel channel = Channel.of("tiktok-vn", ChannelKind.SOCIAL_COMMERCE);
            SyncEngine engine = SyncEngine.builder()
                    .oms(h.oms)
                    .work(h.work)
                    .cursors(h.cursors)
                    .clock(h.clock)
                    .channel(ChannelBinding.of(TENANT, channel, tiktok))
                    .build();
            ChannelOrder order = tiktok.addOrder(h.order("T-1", B, 1));

            engine.acceptWebhook(TENANT, "tiktok-vn", tiktok.noticeWithoutOrder(order));
            engine.runOnce();
            engine.close();

            assertThat(h.oms.findByChannelOrder(TENANT, channel.id(), "T-1")).isPresent();
            assertThat(tiktok.script().calls("fetchOrder")).hasSize(1);
        }

        @Test
        @DisplayName("two tenants with a channel of the same id and the same order ids stay apart")
        void tenants_stayApart() {
            dev.omskit.core.model.TenantId other = dev.omskit.core.model.TenantId.of("shop-2");
            FakeSalesChannel otherWeb = FakeSalesChannel.withCapabilities(
                    "web", Set.of(SalesChannel.WEBHOOK_ORDERS), "other-secret", h.clock);
            SyncEngine engine = SyncEngine.builder()
                    .oms(h.oms)
                    .work(h.work)
                    .cursors(h.cursors)
                    .clock(h.clock)
                    .channel(ChannelBinding.of(TENANT, WEB, h.web))
                    .channel(ChannelBinding.of(other, WEB, otherWeb))
                    .build();
            ChannelOrder mine = h.web.addOrder(h.order("W-1", A, 1));
            otherWeb.malformedNext("W-1");
            ChannelOrder theirs = otherWeb.orders().get(0);

            engine.acceptWebhook(TENANT, "web", h.web.webhook(mine));
            engine.acceptWebhook(other, "web", otherWeb.webhook(theirs));
            assertThatThrownBy(() -> engine.acceptWebhook(other, "web", h.web.webhook(mine)))
                    .as("a webhook signed with the other tenant's secret")
                    .isInstanceOf(WebhookRejectedException.class);
            engine.runOnce();
            engine.close();

            assertThat(h.oms.findByChannelOrder(TENANT, WEB.id(), "W-1")).isPresent();
            assertThat(h.oms.findByChannelOrder(other, WEB.id(), "W-1")).isEmpty();
            assertThat(engine.parked().list(TENANT, 0, 10)).isEmpty();
            assertThat(engine.parked().list(other, 0, 10)).singleElement().satisfies(w -> assertThat(w.tenant())
                    .isEqualTo(other));
            assertThat(h.work.find(TENANT, "ingest/web/W-1").orElseThrow().state())
                    .isEqualTo(SyncState.DONE);
        }

        @Test
        @DisplayName("a notice without data from a channel that can only be pulled is taken by a poll, once")
        void idOnlyNotice_pollsTheChannel() {
            ChannelOrder order = h.shopee.addOrder(h.order("S-1", B, 1));
            h.engine.acceptWebhook(TENANT, "shopee-vn", h.shopee.noticeWithoutOrder(order));
            h.settle();

            assertThat(h.oms.findByChannelOrder(TENANT, SHOPEE.id(), "S-1")).isPresent();
            assertThat(ordersOf(SHOPEE)).hasSize(1);
        }

        @Test
        @DisplayName("polling takes every order once, keeps its cursor, and a restarted engine goes on from it")
        void polling_resumesFromItsCursor() {
            h.receive(A, 100);
            h.receive(C, 100);
            for (int i = 1; i <= 120; i++) {
                h.lazada.addOrder(h.order("L-" + i, A, 1));
            }
            h.settle();
            assertThat(h.engine.parked().list(TENANT, 0, 5)).isEmpty();
            assertThat(ordersOf(LAZADA)).hasSize(120);
            int pulls = h.lazada.script().calls("pullOrders").size();

            h.restart();
            h.lazada.addOrder(h.order("L-121", A, 1));
            h.settle();

            assertThat(ordersOf(LAZADA)).hasSize(121);
            assertThat(h.cursors.cursor(TENANT, "lazada-vn", "orders:default")).isPresent();
            // the restarted engine pulled from the stored cursor: its pulls returned only the new order
            assertThat(h.lazada
                            .script()
                            .calls("pullOrders")
                            .subList(
                                    pulls, h.lazada.script().calls("pullOrders").size()))
                    .allSatisfy(c -> assertThat(c.argument().toString()).isNotEqualTo("START"));
        }

        @Test
        @DisplayName("a failed pull leaves the cursor where it was; the next round takes the orders")
        void failedPull_keepsTheCursor() {
            h.lazada.addOrder(h.order("L-1", A, 1));
            h.lazada.script().failNext(2, FailureKind.RETRYABLE);

            var report = h.engine.runOnce();

            assertThat(report.pollFailures()).singleElement().asString().contains("lazada-vn");
            assertThat(h.cursors.cursor(TENANT, "lazada-vn", "orders:default")).isEmpty();
            assertThat(h.registry
                            .get("omskit.sync.poll.failures")
                            .tag("connector", "lazada-vn")
                            .tag("type", "pullOrders")
                            .tag("outcome", "RETRYABLE")
                            .counter()
                            .count())
                    .as("the failed poll is counted")
                    .isEqualTo(1.0);
            h.settle();
            assertThat(h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-1")).isPresent();
        }

        @Test
        @DisplayName("started, the engine runs its rounds on its own thread until closed; it starts only once")
        void start_runsRoundsInTheBackground_untilClosed() throws InterruptedException {
            h.lazada.addOrder(h.order("L-BG", A, 1));

            h.engine.start(java.time.Duration.ofMillis(5));
            try {
                assertThatThrownBy(() -> h.engine.start(java.time.Duration.ofMillis(5)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("already started");
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (h.lazada.acknowledged().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            } finally {
                h.engine.close();
            }

            assertThat(h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-BG"))
                    .as("captured by a background round, no runOnce called")
                    .isPresent();
            assertThat(h.lazada.acknowledged()).containsExactly("L-BG");
            ChannelOrder late = h.web.addOrder(h.order("W-LATE", A, 1));
            h.engine.acceptWebhook(TENANT, "web", h.web.webhook(late));
            Thread.sleep(100);
            assertThat(h.oms.findByChannelOrder(TENANT, WEB.id(), "W-LATE"))
                    .as("no round after close: the work waits")
                    .isEmpty();
            h.settle();
            assertThat(h.oms.findByChannelOrder(TENANT, WEB.id(), "W-LATE")).isPresent();
        }

        @Test
        @DisplayName(
                "a malformed order is parked with its problems, then captured once the channel fixed it and a person retried")
        void malformedOrder_parkedThenRetried() {
            h.lazada.malformedNext("L-BAD");
            h.settle();

            List<SyncWork> parked = h.engine.parked().list(TENANT, 0, 10);
            assertThat(parked).singleElement().satisfies(w -> {
                assertThat(w.key()).isEqualTo("ingest/lazada-vn/L-BAD");
                assertThat(w.type()).isEqualTo(SyncWorkType.INGEST_ORDER);
                assertThat(w.lastFailure().orElseThrow())
                        .contains("malformed order 'L-BAD'")
                        .contains("lines[0].quantity NOT_POSITIVE")
                        .contains("shippingAddress.line1 MISSING")
                        .doesNotContain("Malformed Buyer");
            });
            assertThat(h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-BAD")).isEmpty();

            h.clock.advance(Duration.ofMinutes(1));
            h.lazada.updateOrder(h.order("L-BAD", A, 1));
            h.settle(); // the poll hands the newer data to the parked item; it stays parked for a person
            assertThat(h.engine.parked().count(TENANT)).isEqualTo(1);

            h.engine.parked().retry(TENANT, "ingest/lazada-vn/L-BAD");
            h.settle();

            assertThat(h.engine.parked().count(TENANT)).isZero();
            assertThat(h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-BAD")).isPresent();
            assertThatThrownBy(() -> h.engine.parked().retry(TENANT, "ingest/lazada-vn/L-BAD"))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("a parked order can be discarded; it stays visible as discarded and nothing is captured")
        void malformedOrder_discarded() {
            h.lazada.malformedNext("L-BAD");
            h.settle();

            SyncWork discarded = h.engine.parked().discard(TENANT, "ingest/lazada-vn/L-BAD");

            assertThat(discarded.state()).isEqualTo(SyncState.DISCARDED);
            assertThat(h.engine.parked().count(TENANT)).isZero();
            assertThat(h.work.inState(TENANT, SyncState.DISCARDED, 0, 10)).hasSize(1);
            assertThat(h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-BAD")).isEmpty();
        }

        @Test
        @DisplayName("an order that core refuses (its total differs from the lines) is parked with core's reason")
        void refusedByCore_parked() {
            ChannelOrder wrongTotal = ChannelOrder.builder()
                    .from(h.order("W-9", A, 1))
                    .total(dev.omskit.core.model.Money.of("1", "VND"))
                    .build();
            h.web.addOrder(wrongTotal);
            h.engine.acceptWebhook(TENANT, "web", h.web.webhook(wrongTotal));
            h.settle();

            assertThat(h.engine.parked().list(TENANT, 0, 10))
                    .singleElement()
                    .satisfies(w -> assertThat(w.lastFailure().orElseThrow()).contains("INVALID_ARGUMENT"));
            assertThat(h.oms.findByChannelOrder(TENANT, WEB.id(), "W-9")).isEmpty();
        }
    }

    @Nested
    @DisplayName("orders cancelled in the channel")
    class CancelledInChannel {
        @Test
        @DisplayName("a captured order the buyer cancels in the channel is cancelled in omskit; its stock goes back")
        void captured_isCancelled() {
            ChannelOrder order = h.web.addOrder(h.order("W-1", A, 4));
            h.engine.acceptWebhook(TENANT, "web", h.web.webhook(order));
            h.settle();
            assertThat(h.lazada.available(A)).contains(96L);

            h.clock.advance(Duration.ofMinutes(3));
            ChannelOrder cancelled = h.web.cancelInChannel("W-1");
            h.engine.acceptWebhook(TENANT, "web", h.web.webhook(cancelled));
            h.engine.acceptWebhook(TENANT, "web", h.web.webhook(cancelled)); // twice: one cancellation
            h.settle();

            Order o = h.oms.findByChannelOrder(TENANT, WEB.id(), "W-1").orElseThrow();
            assertThat(o.quantity(OrderStages.CANCELLED)).isEqualTo(5);
            assertThat(h.oms.auditTrail(TENANT, o.id()))
                    .anySatisfy(e -> assertThat(e.toString()).contains("cancelled in web (CANCELLED)"));
            assertThat(h.lazada.available(A)).contains(100L);
            assertThat(h.web.cancellations())
                    .as("the channel is not told of its own cancellation")
                    .isEmpty();
            assertThat(h.engine.parked().count(TENANT)).isZero();
        }

        @Test
        @DisplayName("an order cancelled in the channel before omskit took it is never captured")
        void beforeCapture_notCaptured() {
            h.lazada.addOrder(h.order("L-1", A, 1));
            h.lazada.cancelInChannel("L-1");
            h.settle();

            assertThat(h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-1")).isEmpty();
            assertThat(h.engine.parked().count(TENANT)).isZero();
            assertThat(h.work.find(TENANT, "ingest/lazada-vn/L-1").orElseThrow().payload())
                    .containsEntry("cancelledBeforeCapture", "CANCELLED");
        }

        @Test
        @DisplayName("a cancellation in the channel after the order shipped is parked with core's reason")
        void afterShipping_parked() {
            ChannelOrder order = h.shopee.addOrder(h.order("S-9", A, 1));
            h.engine.acceptWebhook(TENANT, "shopee-vn", h.shopee.webhook(order));
            h.settle();
            Order captured =
                    h.oms.findByChannelOrder(TENANT, SHOPEE.id(), "S-9").orElseThrow();
            Shipments.shipWhole(h, captured, "GHN9");
            h.settle();

            h.clock.advance(Duration.ofMinutes(3));
            ChannelOrder cancelled = h.shopee.cancelInChannel("S-9");
            h.engine.acceptWebhook(TENANT, "shopee-vn", h.shopee.webhook(cancelled));
            h.settle();

            assertThat(h.engine.parked().list(TENANT, 0, 10)).singleElement().satisfies(w -> {
                assertThat(w.type()).isEqualTo(SyncWorkType.CANCEL_FROM_CHANNEL);
                assertThat(w.key()).isEqualTo("channel-cancel/shopee-vn/S-9");
            });
            assertThat(h.oms.get(TENANT, captured.id()).quantity(OrderStages.SHIPPED))
                    .isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("pushing stock")
    class PushingStock {
        @Test
        @DisplayName("every channel gets its ATP, buffers applied, after orders take stock")
        void channelsGetTheirAtp() {
            h.engine.reconcileStock(TENANT, SyncHarness.SKUS);
            h.settle();
            assertThat(h.shopee.available(A)).contains(98L); // 100 - buffer 2
            assertThat(h.lazada.available(A)).contains(100L);

            ChannelOrder order = h.web.addOrder(h.order("W-1", A, 5));
            h.engine.acceptWebhook(TENANT, "web", h.web.webhook(order));
            h.settle();

            for (var channel : List.of(SHOPEE, LAZADA, WEB)) {
                var fake = channel == SHOPEE ? h.shopee : channel == LAZADA ? h.lazada : h.web;
                for (var sku : SyncHarness.SKUS) {
                    assertThat(fake.available(sku)).as(channel + " " + sku).contains((long) h.atp(channel, sku));
                }
            }
            assertThat(h.lazada.available(A)).contains(95L);
            assertThat(h.lazada.available(C)).contains(99L);
        }

        @Test
        @DisplayName("a stock change writes no work on the reserving thread: the next round asks for the pushes")
        void stockChange_noWorkOnTheReservingThread() {
            h.receive(B, 5);

            assertThat(h.work.find(TENANT, "stock/lazada-vn/SKU-B")).isEmpty();
            h.engine.runOnce();
            assertThat(h.work.find(TENANT, "stock/lazada-vn/SKU-B"))
                    .get()
                    .extracting(SyncWork::state)
                    .isEqualTo(SyncState.DONE);
            assertThat(h.lazada.available(B)).contains(105L);
        }

        @Test
        @DisplayName("a burst of changes to one SKU becomes one push per channel, carrying the last figure")
        void burst_coalesces() {
            h.engine.reconcileStock(TENANT, List.of(B));
            h.settle();
            int before = h.lazada.script().calls("pushStock").size();

            for (int i = 0; i < 10; i++) {
                h.receive(B, 1);
            }
            h.engine.runOnce();

            List<?> pushes = h.lazada
                    .script()
                    .calls("pushStock")
                    .subList(before, h.lazada.script().calls("pushStock").size());
            assertThat(pushes).hasSize(1);
            assertThat(h.lazada.available(B)).contains(110L);
        }

        @Test
        @DisplayName("an unchanged figure is not sent again; reconcile sends it anyway")
        void unchanged_notResent() {
            h.engine.reconcileStock(TENANT, List.of(A));
            h.settle();
            int before = h.lazada.script().calls("pushStock").size();

            h.engine.stockChanged(TENANT, List.of(A));
            h.settle();
            assertThat(h.lazada.script().calls("pushStock")).hasSize(before);

            h.engine.reconcileStock(TENANT, List.of(A));
            h.settle();
            assertThat(h.lazada.script().calls("pushStock")).hasSize(before + 1);
        }

        @Test
        @DisplayName(
                "versions keep growing across a restart, so a channel never takes an older figure over a newer one")
        void versions_growAcrossRestarts() {
            h.engine.reconcileStock(TENANT, List.of(A));
            h.settle();
            long first = h.lazada
                    .stock()
                    .get(new StockUpdate.Key(A, Optional.empty()))
                    .version();

            h.restart();
            h.receive(A, 3);
            h.settle();

            StockUpdate held = h.lazada.stock().get(new StockUpdate.Key(A, Optional.empty()));
            assertThat(held.version()).isGreaterThan(first);
            assertThat(held.available()).isEqualTo(103);
            assertThat(h.lazada.refusedStock()).isEmpty();
        }

        @Test
        @DisplayName("a push that fails in a way that may pass is tried again later and lands")
        void failingPush_retried() {
            h.lazada.script().failNext("pushStock", 2, FailureKind.RETRYABLE); // both attempts of the first call
            h.engine.reconcileStock(TENANT, List.of(A));

            var report = h.engine.runOnce();

            assertThat(report.later()).isEqualTo(1);
            SyncWork waiting = h.work.find(TENANT, "stock/lazada-vn/SKU-A").orElseThrow();
            assertThat(waiting.state()).isEqualTo(SyncState.PENDING);
            assertThat(waiting.lastFailureKind()).contains(FailureKind.RETRYABLE);
            assertThat(waiting.notBefore()).isAfter(h.clock.instant());
            h.settle();
            assertThat(h.lazada.available(A)).contains(100L);
        }

        @Test
        @DisplayName("a refused token parks the push with the reason; a person's retry pushes the newest figure")
        void authFailure_parks() {
            h.lazada.script().failNext("pushStock", 1, FailureKind.AUTHENTICATION_FAILED);
            h.engine.reconcileStock(TENANT, List.of(A));
            h.engine.runOnce();

            SyncWork parked = h.work.find(TENANT, "stock/lazada-vn/SKU-A").orElseThrow();
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.lastFailureKind()).contains(FailureKind.AUTHENTICATION_FAILED);

            h.receive(A, 7);
            h.settle();
            assertThat(h.work.find(TENANT, "stock/lazada-vn/SKU-A")
                            .orElseThrow()
                            .state())
                    .isEqualTo(SyncState.PARKED);
            h.engine.parked().retry(TENANT, "stock/lazada-vn/SKU-A");
            h.settle();
            assertThat(h.lazada.available(A)).contains(107L);
        }

        @Test
        @DisplayName("work that keeps failing is parked after the configured attempts, with the last failure")
        void keepsFailing_parkedAfterMaxAttempts() {
            SyncHarness few = new SyncHarness(
                    InMemorySyncWorkStore.create(),
                    SyncConfig.builder().maxAttempts(3).build(),
                    b -> b);
            few.lazada.script().failNext("pushStock", 100, FailureKind.TIMEOUT);
            few.engine.reconcileStock(TENANT, List.of(A));
            few.settle();

            SyncWork parked = few.work.find(TENANT, "stock/lazada-vn/SKU-A").orElseThrow();
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.lastFailure().orElseThrow()).startsWith("still failing after 3 attempts");
            assertThat(few.registry.get("omskit.sync.parked").gauge().value()).isEqualTo(1.0);
            assertThat(few.registry
                            .get("omskit.sync.work")
                            .tag("type", SyncWorkType.PUSH_STOCK)
                            .tag("outcome", "later")
                            .counter()
                            .count())
                    .isEqualTo(2.0);
        }
    }

    @Nested
    @DisplayName("pushing status")
    class PushingStatus {
        @Test
        @DisplayName("a shipment handed over reaches the order's channel once, with its tracking number")
        void shipment_pushedOnce() {
            ChannelOrder order = h.shopee.addOrder(h.order("S-7", A, 2));
            h.engine.acceptWebhook(TENANT, "shopee-vn", h.shopee.webhook(order));
            h.settle();
            Order captured =
                    h.oms.findByChannelOrder(TENANT, SHOPEE.id(), "S-7").orElseThrow();

            Shipments.shipWhole(h, captured, "GHN123");
            h.settle();
            h.engine.stockChanged(TENANT, List.of(A)); // more order events later push nothing twice
            h.oms.deliverEvents();
            h.settle();

            assertThat(h.shopee.shipments()).hasSize(1);
            var push = h.shopee.shipments().values().iterator().next();
            assertThat(push.trackingNumber()).isEqualTo("GHN123");
            assertThat(push.channelOrderId()).isEqualTo("S-7");
            assertThat(push.lines())
                    .extracting(l -> l.channelLineId() + "x" + l.quantity())
                    .containsExactlyInAnyOrder("1x2", "2x1");
            assertThat(h.shopee.script().calls("pushShipment")).hasSize(1);
        }

        @Test
        @DisplayName("units cancelled in omskit reach the channel as cancellations, each unit once")
        void cancellation_pushedAsDeltas() {
            ChannelOrder order = h.lazada.addOrder(h.order("L-5", A, 3));
            h.settle();
            Order captured =
                    h.oms.findByChannelOrder(TENANT, LAZADA.id(), "L-5").orElseThrow();

            h.oms.edit(dev.omskit.core.command.EditOrder.builder()
                    .tenant(TENANT)
                    .orderId(captured.id())
                    .actor(Actor.agent("linh"))
                    .putChangeQuantities(LineId.of("1"), 2L)
                    .build());
            h.settle();
            h.oms.cancel(OrderFixtures.cancelAll(TENANT, captured.id(), "buyer changed mind"));
            h.settle();

            assertThat(h.lazada.cancellations())
                    .extracting(c -> c.lines().get(0).channelLineId() + "x"
                            + c.lines().get(0).quantity())
                    .containsExactlyInAnyOrder("1x1", "1x2", "2x1");
            assertThat(h.lazada.available(A)).contains((long) h.atp(LAZADA, A));
            assertThat(order.channelOrderId()).isEqualTo("L-5");
        }
    }
}
