package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Payment gates release (R-13)")
class PaymentGateTest {
    private final Harness h = Harness.create();

    private Order pay(Order order, Trigger trigger) {
        return h.oms.recordPayment(RecordPayment.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("payment-gateway"))
                .trigger(trigger)
                .reference("psp-" + trigger)
                .build());
    }

    @Nested
    @DisplayName("an allocated prepaid order whose payment is PENDING")
    class PaymentPending {
        private Order allocated;

        @BeforeEach
        void captureUnpaidAndAllocate() {
            Order pending = h.capture(b -> b.paymentStatus(Optional.empty()));
            assertThat(pending).hasPaymentStatus(PaymentStates.PENDING);
            allocated = h.transition(pending, OrderTriggers.ALLOCATE);
        }

        @Test
        void release_whilePaymentPending_isRejectedByGuardAndChangesNothing() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.transition(allocated, OrderTriggers.RELEASE))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                        assertThat(e.rejection().code()).isEqualTo(Rejection.GUARD_REFUSED);
                        assertThat(e).hasMessageContaining("PENDING");
                    });

            h.assertUnchanged(allocated, deliveredBefore);
        }

        @Test
        void release_afterPaymentCaptured_succeeds() {
            Order paid = pay(allocated, PaymentStates.CAPTURE);

            assertThat(paid).hasPaymentStatus(PaymentStates.PAID);
            assertThat(h.transition(paid, OrderTriggers.RELEASE)).hasStatus("RELEASED");
        }

        @Test
        void release_afterPaymentAuthorized_succeeds() {
            Order authorized = pay(allocated, PaymentStates.AUTHORIZE);

            assertThat(h.transition(authorized, OrderTriggers.RELEASE)).hasStatus("RELEASED");
        }

        @Test
        void release_afterPaymentFailed_isRejectedByGuard() {
            Order failed = pay(allocated, PaymentStates.FAIL);

            assertThatThrownBy(() -> h.transition(failed, OrderTriggers.RELEASE))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(Rejection.GUARD_REFUSED));
        }
    }

    @Nested
    @DisplayName("an allocated cash-on-delivery order")
    class CashOnDelivery {
        @Test
        void release_cashOnDelivery_succeedsWithoutPayment() {
            Order cod = h.capture(
                    b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY).paymentStatus(Optional.empty()));
            assertThat(cod).hasPaymentStatus(PaymentStates.COD_PENDING);
            assertThat(cod.totals().cashOnDelivery()).isEqualTo(cod.totals().total());

            Order released = h.transition(h.transition(cod, OrderTriggers.ALLOCATE), OrderTriggers.RELEASE);

            assertThat(released).hasStatus("RELEASED").hasPaymentStatus(PaymentStates.COD_PENDING);
        }
    }
}
