package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.IdempotencyConflictException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Idempotency keys on commands (R-07)")
class IdempotencyKeyTest {
    private static final IdempotencyKey KEY = IdempotencyKey.of("hold-req-1");

    private final Harness h = Harness.create();
    private Order order;

    @BeforeEach
    void captureOrder() {
        order = h.capture(b -> b.lines(List.of(OrderFixtures.line("SKU-1", 8, 10_000))));
    }

    private PlaceHold hold(String reason) {
        return PlaceHold.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("agent-1"))
                .type(HoldType.FRAUD)
                .reason(reason)
                .idempotencyKey(KEY)
                .build();
    }

    @Nested
    @DisplayName("a key used once by a command that succeeded")
    class KeyUsedOnce {
        private Order first;

        @BeforeEach
        void placeHoldWithKey() {
            first = h.oms.placeHold(hold("score 97"));
        }

        @Test
        void placeHold_sameKeySamePayload_returnsFirstResultWithoutNewEvent() {
            Order again = h.oms.placeHold(hold("score 97"));

            assertThat(again).isEqualTo(first);
            assertThat(again).hasVersion(2).isOnHold(HoldType.FRAUD);
            assertThat(h.trail(order)).hasSize(2);
            assertThat(h.delivered).hasSize(2);
        }

        @Test
        void placeHold_sameKeySamePayloadAfterOrderMovedOn_returnsFirstResult() {
            Order released = h.releaseHold(first, HoldType.FRAUD);
            Order allocated = h.transition(released, OrderTriggers.ALLOCATE);

            Order again = h.oms.placeHold(hold("score 97"));

            assertThat(again).isEqualTo(first);
            assertThat(h.reload(order)).isEqualTo(allocated).hasVersion(4).isNotOnHold();
            assertThat(h.trail(order)).hasSize(4);
        }

        @Test
        void placeHold_sameKeyDifferentPayload_isIdempotencyConflictAndChangesNothing() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.placeHold(hold("score 12")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
                        assertThat(e).hasMessageContaining(KEY.value());
                    });

            h.assertUnchanged(first, deliveredBefore);
        }

        @Test
        void cancel_sameKeyOnDifferentCommandType_isIdempotencyConflictAndChangesNothing() {
            int deliveredBefore = h.delivered.size();
            CancelOrder cancel = CancelOrder.builder()
                    .from(OrderFixtures.cancelAll(order.tenant(), order.id(), "changed mind"))
                    .idempotencyKey(KEY)
                    .build();

            assertThatThrownBy(() -> h.oms.cancel(cancel))
                    .isInstanceOf(IdempotencyConflictException.class)
                    .hasMessageContaining("PlaceHold");

            h.assertUnchanged(first, deliveredBefore);
        }

        @Test
        void capture_sameKeyAsHold_isIdempotencyConflictAndStoresNoOrder() {
            assertThatThrownBy(() -> h.oms.capture(
                            OrderFixtures.capture().idempotencyKey(KEY).build()))
                    .isInstanceOf(IdempotencyConflictException.class);

            assertThat(h.storage.orderCount(OrderFixtures.TENANT)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("one keyed command sent by 8 threads at once")
    class ConcurrentSameKey {
        @Test
        void allocateOneUnit_eightThreadsSameKey_appliesOnce() throws Exception {
            TransitionOrder allocateOne = TransitionOrder.builder()
                    .from(OrderFixtures.transition(order, OrderTriggers.ALLOCATE, "L1", 1))
                    .idempotencyKey(IdempotencyKey.of("alloc-1"))
                    .build();

            List<Order> results = Race.run(8, i -> () -> h.oms.transition(allocateOne));

            Order stored = h.reload(order);
            assertThat(stored).hasVersion(2).hasUnits("L1", OrderStages.ALLOCATED, 1);
            assertThat(stored).hasUnits("L1", OrderStages.CREATED, 7);
            assertThat(results).containsOnly(stored);
            assertThat(h.trail(order)).hasSize(2);
            assertThat(stored.line(LineId.of("L1")).orElseThrow().ordered()).isEqualTo(8);
        }
    }
}
