package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.testkit.OrderFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Holds block allocation and release, not cancellation (R-14)")
class HoldTest {
    private final Harness h = Harness.create();

    private void assertRefused(Order current, Trigger trigger, String code) {
        int deliveredBefore = h.delivered.size();
        assertThatThrownBy(() -> h.transition(current, trigger))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(code);
                    assertThat(e).hasMessageContaining(current.id().value());
                });
        h.assertUnchanged(current, deliveredBefore);
    }

    @Nested
    @DisplayName("a CREATED order on a fraud hold")
    class CreatedOnHold {
        private Order held;

        @BeforeEach
        void hold() {
            held = h.placeHold(h.capture(), HoldType.FRAUD);
        }

        @Test
        void allocate_whileOnHold_isRejectedByGuard() {
            assertRefused(held, OrderTriggers.ALLOCATE, Rejection.GUARD_REFUSED);
        }

        @Test
        void cancel_whileOnHold_succeeds() {
            Order cancelled = h.oms.cancel(OrderFixtures.cancelAll(held.tenant(), held.id(), "fraud confirmed"));

            assertThat(cancelled).hasStatus("CANCELLED").isOnHold(HoldType.FRAUD);
        }

        @Test
        void placeHold_sameTypeAgain_isRejectedAlreadyOnHold() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.placeHold(held, HoldType.FRAUD))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(Rejection.ALREADY_ON_HOLD));

            h.assertUnchanged(held, deliveredBefore);
        }

        @Test
        void releaseHold_thenAllocate_resumes() {
            Order released = h.releaseHold(held, HoldType.FRAUD);

            assertThat(released).isNotOnHold();
            assertThat(h.transition(released, OrderTriggers.ALLOCATE)).hasStatus("ALLOCATED");
        }

        @Test
        void releaseHold_oneOfTwoHolds_stillBlocksAllocation() {
            Order twice = h.placeHold(held, HoldType.ADDRESS);
            Order oneLeft = h.releaseHold(twice, HoldType.FRAUD);

            assertThat(oneLeft).isOnHold(HoldType.ADDRESS);
            assertRefused(oneLeft, OrderTriggers.ALLOCATE, Rejection.GUARD_REFUSED);
        }
    }

    @Nested
    @DisplayName("an ALLOCATED order on a manual hold")
    class AllocatedOnHold {
        private Order held;

        @BeforeEach
        void allocateThenHold() {
            held = h.placeHold(h.transition(h.capture(), OrderTriggers.ALLOCATE), HoldType.MANUAL);
        }

        @Test
        void release_whileOnHold_isRejectedByGuard() {
            assertRefused(held, OrderTriggers.RELEASE, Rejection.GUARD_REFUSED);
        }

        @Test
        void releaseHold_thenRelease_resumes() {
            Order unheld = h.releaseHold(held, HoldType.MANUAL);

            assertThat(h.transition(unheld, OrderTriggers.RELEASE)).hasStatus("RELEASED");
        }
    }

    @Nested
    @DisplayName("an order without holds")
    class NotOnHold {
        @Test
        void releaseHold_withoutHold_isRejectedNotOnHold() {
            Order order = h.capture();
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.releaseHold(order, HoldType.PAYMENT))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(Rejection.NOT_ON_HOLD));

            h.assertUnchanged(order, deliveredBefore);
        }
    }
}
