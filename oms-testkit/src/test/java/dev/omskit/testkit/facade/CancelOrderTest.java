package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Cancel, fully or partially (R-18)")
class CancelOrderTest {
    private final Harness h = Harness.create();
    private Order order;

    @BeforeEach
    void captureOrder() {
        order = h.capture(
                b -> b.lines(List.of(OrderFixtures.line("SKU-1", 2, 100_000), OrderFixtures.line("SKU-2", 1, 50_000))));
    }

    private CancelOrder partial(Order target, String line, int units) {
        return CancelOrder.builder()
                .tenant(target.tenant())
                .orderId(target.id())
                .actor(Actor.agent("agent-1"))
                .reason("customer request")
                .putLines(LineId.of(line), units)
                .build();
    }

    private CancelOrder full(Order target) {
        return OrderFixtures.cancelAll(target.tenant(), target.id(), "customer request");
    }

    private void assertNotCancellable(CancelOrder command, Order current) {
        int deliveredBefore = h.delivered.size();
        assertThatThrownBy(() -> h.oms.cancel(command))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo(Rejection.NOT_CANCELLABLE));
        h.assertUnchanged(current, deliveredBefore);
    }

    @Nested
    @DisplayName("a CREATED order")
    class Created {
        @Test
        void cancel_full_cancelsEveryUnit() {
            Order cancelled = h.oms.cancel(full(order));

            assertThat(cancelled)
                    .hasStatus("CANCELLED")
                    .hasUnits(OrderStages.CANCELLED, 3)
                    .hasVersion(2);
            assertThat(cancelled.totals().total()).isEqualTo(OrderFixtures.vnd(0));
            assertThat(h.trail(order)).last().isInstanceOfSatisfying(OrderEvent.LinesTransitioned.class, e -> {
                assertThat(e.trigger()).isEqualTo(OrderTriggers.CANCEL);
                assertThat(e.reason()).contains("customer request");
            });
        }

        @Test
        void cancel_oneOfTwoUnits_keepsTheOtherLiveAndChargesOnlyIt() {
            Order cancelled = h.oms.cancel(partial(order, "L1", 1));

            assertThat(cancelled)
                    .hasStatus("CREATED")
                    .hasUnits("L1", OrderStages.CANCELLED, 1)
                    .hasUnits("L1", OrderStages.CREATED, 1)
                    .hasUnits("L2", OrderStages.CREATED, 1);
            assertThat(cancelled.line(LineId.of("L1")).orElseThrow().charged()).isEqualTo(1);
            assertThat(cancelled).hasTotal(OrderFixtures.vnd(110_000 + 55_000));
        }

        @Test
        void cancel_moreUnitsThanTheLineHas_isRejectedNotCancellable() {
            assertNotCancellable(partial(order, "L2", 2), order);
        }

        @Test
        void cancel_withoutReason_isInvalid() {
            CancelOrder noReason =
                    CancelOrder.builder().from(full(order)).reason(" ").build();

            assertThatThrownBy(() -> h.oms.cancel(noReason))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "MISSING")));
            assertThat(h.reload(order)).hasVersion(1);
        }

        @Test
        void cancel_twice_secondIsRejected() {
            Order cancelled = h.oms.cancel(full(order));
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.cancel(full(cancelled))).isInstanceOf(OrderRejectedException.class);

            h.assertUnchanged(cancelled, deliveredBefore);
        }
    }

    @Nested
    @DisplayName("an ALLOCATED order")
    class Allocated {
        @Test
        void cancel_full_cancelsAllocatedUnits() {
            Order allocated = h.transition(order, OrderTriggers.ALLOCATE);

            Order cancelled = h.oms.cancel(full(allocated));

            assertThat(cancelled).hasStatus("CANCELLED").hasUnits(OrderStages.ALLOCATED, 0);
        }
    }

    @Nested
    @DisplayName("an order with shipped units")
    class Shipped {
        private Order shipped;

        @BeforeEach
        void shipLineOne() {
            Order allocated = h.oms.transition(OrderFixtures.transition(order, OrderTriggers.ALLOCATE, "L1", 2));
            Order released = h.transition(allocated, OrderTriggers.RELEASE);
            shipped = h.oms.transition(OrderFixtures.transition(released, OrderTriggers.SHIP, "L1", 2));
        }

        @Test
        void cancel_full_isRejectedNotCancellableAndChangesNothing() {
            assertNotCancellable(full(shipped), shipped);
            assertThat(h.reload(shipped)).hasUnits("L1", OrderStages.SHIPPED, 2);
        }

        @Test
        void cancel_shippedLine_isRejectedNotCancellable() {
            assertNotCancellable(partial(shipped, "L1", 1), shipped);
        }

        @Test
        void cancel_lineNotYetReleased_cancelsItAndLeavesShippedUnits() {
            Order cancelled = h.oms.cancel(partial(shipped, "L2", 1));

            assertThat(cancelled)
                    .hasStatus("SHIPPED")
                    .hasUnits("L1", OrderStages.SHIPPED, 2)
                    .hasUnits("L2", OrderStages.CANCELLED, 1);
        }
    }
}
