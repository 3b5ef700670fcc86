package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.CaptureResult;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.OrderFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Capture")
class CaptureTest {
    private final Harness h = Harness.create();

    @Nested
    @DisplayName("a channel order captured once before")
    class CapturedBefore {
        private CaptureOrder command;
        private Order first;

        @BeforeEach
        void captureOnce() {
            command = OrderFixtures.capture().build();
            CaptureResult result = h.oms.capture(command);
            assertThat(result.created()).isTrue();
            first = result.order();
        }

        @Test
        void capture_sameChannelOrderAgain_returnsSameOrderNotCreatedWithoutNewEvent() {
            h.clock.advance(Duration.ofMinutes(5));

            CaptureResult again = h.oms.capture(command);

            assertThat(again.created()).isFalse();
            assertThat(again.order()).isEqualTo(first);
            assertThat(h.storage.orderCount(OrderFixtures.TENANT)).isEqualTo(1);
            assertThat(h.trail(first)).hasSize(1);
            assertThat(h.deliveredIds()).containsExactly(first.id() + "/1");
        }

        @Test
        void capture_sameChannelOrderAfterOrderMovedOn_returnsCurrentOrderNotCreated() {
            Order allocated = h.transition(first, OrderTriggers.ALLOCATE);

            CaptureResult again = h.oms.capture(command);

            assertThat(again.created()).isFalse();
            assertThat(again.order()).isEqualTo(allocated);
            assertThat(h.trail(first)).hasSize(2);
        }

        @Test
        void capture_sameChannelOrderWithChangedPayload_returnsExistingOrderUnchanged() {
            CaptureOrder retried = CaptureOrder.builder()
                    .from(command)
                    .lines(List.of(OrderFixtures.line("SKU-9", 5, 1_000)))
                    .build();

            CaptureResult again = h.oms.capture(retried);

            assertThat(again.created()).isFalse();
            assertThat(again.order()).isEqualTo(first);
            assertThat(h.trail(first)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("a capture with an idempotency key")
    class WithIdempotencyKey {
        @Test
        void capture_sameKeySamePayload_returnsFirstOrderNotCreatedWithoutNewEvent() {
            CaptureOrder command = OrderFixtures.capture()
                    .idempotencyKey(IdempotencyKey.of("cap-1"))
                    .build();
            Order first = h.oms.capture(command).order();

            CaptureResult again = h.oms.capture(command);

            assertThat(again.created()).isFalse();
            assertThat(again.order()).isEqualTo(first);
            assertThat(h.trail(first)).hasSize(1);
            assertThat(h.delivered).hasSize(1);
        }
    }

    @Nested
    @DisplayName("concurrent duplicates of one channel order")
    class ConcurrentDuplicates {
        @Test
        void capture_sixteenThreadsSameChannelOrder_yieldOneOrder() throws Exception {
            Harness racing = Harness.create();
            CaptureOrder command = OrderFixtures.capture().build();

            List<CaptureResult> results = Race.run(16, i -> () -> racing.oms.capture(command));

            Order order = results.get(0).order();
            assertThat(results).extracting(r -> r.order().id()).containsOnly(order.id());
            assertThat(results).filteredOn(CaptureResult::created).hasSize(1);
            assertThat(racing.storage.orderCount(OrderFixtures.TENANT)).isEqualTo(1);
            assertThat(racing.trail(order)).singleElement().isInstanceOf(OrderEvent.OrderCaptured.class);
            assertThat(racing.deliveredIds()).containsOnly(order.id() + "/1");
            assertThat(racing.storage.pendingOutboxSize()).isZero();
        }

        @Test
        void capture_sixteenThreadsSameChannelOrderDefaultRetries_everyThreadGetsTheOrder() throws Exception {
            for (int round = 0; round < 200; round++) {
                Harness fresh = Harness.create();
                CaptureOrder command = OrderFixtures.capture().build();

                List<CaptureResult> results = Race.run(16, i -> () -> fresh.oms.capture(command));

                assertThat(results)
                        .filteredOn(CaptureResult::created)
                        .as("round %s", round)
                        .hasSize(1);
                assertThat(fresh.storage.orderCount(OrderFixtures.TENANT)).isEqualTo(1);
            }
        }
    }

    @Nested
    @DisplayName("orders from three kinds of channel")
    class ThreeChannels {
        @Test
        void capture_fromWebStore_recordsChannelActorAndClockTimes() {
            Instant now = h.clock.advance(Duration.ofMinutes(1));

            Order order = h.capture(b -> b.channelOrderId("WEB-1001"));

            assertThat(order.channel()).isEqualTo(OrderFixtures.WEB);
            assertThat(order.channelOrderId()).isEqualTo("WEB-1001");
            assertThat(order.createdBy()).isEqualTo(Actor.channel(OrderFixtures.WEB.id()));
            assertThat(order.createdAt()).isEqualTo(now);
            assertThat(order.placedAt()).isEqualTo(now);
            assertThat(order.updatedAt()).isEqualTo(now);
            assertThat(order).hasStatus("CREATED").hasVersion(1).hasUnits("L1", OrderStages.CREATED, 2);
        }

        @Test
        void capture_fromMarketplace_keepsPlacedAtFromChannelAndCaptureTimeFromClock() {
            Instant placed = h.clock.instant().minus(Duration.ofHours(2));
            Instant now = h.clock.advance(Duration.ofMinutes(3));

            Order order = h.capture(b -> b.channel(OrderFixtures.SHOPEE)
                    .channelOrderId("2611110ABCDE")
                    .actor(Actor.channel(OrderFixtures.SHOPEE.id()))
                    .placedAt(placed)
                    .paymentStatus(PaymentStates.PAID));

            assertThat(order.channel()).isEqualTo(OrderFixtures.SHOPEE);
            assertThat(order.channelOrderId()).isEqualTo("2611110ABCDE");
            assertThat(order.createdBy()).isEqualTo(Actor.channel(OrderFixtures.SHOPEE.id()));
            assertThat(order.placedAt()).isEqualTo(placed);
            assertThat(order.createdAt()).isEqualTo(now);
            assertThat(order).hasPaymentStatus(PaymentStates.PAID);
            assertThat(h.oms.findByChannelOrder(OrderFixtures.TENANT, OrderFixtures.SHOPEE.id(), "2611110ABCDE"))
                    .contains(order);
        }

        @Test
        void capture_manualPhoneOrderByAgent_attributesOrderAndTrailToAgent() {
            Instant now = h.clock.advance(Duration.ofMinutes(7));
            Actor linh = Actor.agent("linh");

            Order order = h.capture(b -> b.channel(OrderFixtures.PHONE)
                    .channelOrderId("CALL-77")
                    .actor(linh)
                    .customer(CustomerId.of("c-42")));

            assertThat(order.channel()).isEqualTo(OrderFixtures.PHONE);
            assertThat(order.channelOrderId()).isEqualTo("CALL-77");
            assertThat(order.customer()).contains(CustomerId.of("c-42"));
            assertThat(order.createdBy()).isEqualTo(linh);
            assertThat(order.createdAt()).isEqualTo(now);
            List<AuditEntry> audit = h.oms.auditTrail(order.tenant(), order.id());
            assertThat(audit).singleElement().satisfies(entry -> {
                assertThat(entry.actor()).isEqualTo(linh);
                assertThat(entry.at()).isEqualTo(now);
            });
        }
    }
}
