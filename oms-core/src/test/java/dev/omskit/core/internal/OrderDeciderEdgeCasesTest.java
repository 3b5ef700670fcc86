package dev.omskit.core.internal;

import static dev.omskit.core.TestOrders.NOW;
import static dev.omskit.core.TestOrders.accepted;
import static dev.omskit.core.TestOrders.captureOf;
import static dev.omskit.core.TestOrders.captured;
import static dev.omskit.core.TestOrders.decider;
import static dev.omskit.core.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.TestOrders;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Edge cases found in review: cancelling only through CancelOrder, COD after cancellation, empty edits. */
class OrderDeciderEdgeCasesTest {
    private final OrderDecider decider = decider();

    @Nested
    @DisplayName("cancelling")
    class Cancelling {
        @Test
        @DisplayName("a TransitionOrder with CANCEL is refused as bad input, pointing to CancelOrder")
        void transition_withCancelTrigger_isInvalid() {
            Order order = captured(captureOf(line("SKU-1", 2, 100_000)));

            assertThatThrownBy(() -> decider.transition(order, TestOrders.transition(order, OrderTriggers.CANCEL), NOW))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                            .singleElement()
                            .satisfies(v -> assertThat(v.code()).isEqualTo("USE_CANCEL_ORDER")));
        }
    }

    @Nested
    @DisplayName("a cash-on-delivery order")
    class CashOnDelivery {
        private final Order cod = captured(TestOrders.capture()
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(PaymentStates.COD_PENDING)
                .shippingFee(TestOrders.vnd(30_000))
                .addLines(line("SKU-1", 1, 100_000))
                .build());

        @Test
        @DisplayName("collects its total at the door while any unit is live")
        void totals_whenLive_codIsTheTotal() {
            assertThat(cod.totals().cashOnDelivery()).isEqualTo(cod.totals().total());
            assertThat(cod.totals().cashOnDelivery().isPositive()).isTrue();
        }

        @Test
        @DisplayName("collects nothing once every unit is cancelled, and its payment can be voided")
        void cancelAll_thenCodIsZero_andPaymentVoidable() {
            Order cancelled = accepted(decider.cancel(cod, TestOrders.cancelAll(cod), NOW));
            assertThat(cancelled.totals().cashOnDelivery().isZero()).isTrue();

            Order voided =
                    accepted(decider.recordPayment(cancelled, TestOrders.payment(cancelled, PaymentStates.VOID), NOW));
            assertThat(voided.paymentStatus()).isEqualTo(PaymentStates.VOIDED);
        }
    }

    @Nested
    @DisplayName("editing")
    class Editing {
        @Test
        @DisplayName("an edit that removes the only live line, the other being fully cancelled, lists EMPTY")
        void edit_leavingNoLiveUnit_isInvalidEmpty() {
            Order order = captured(captureOf(line("SKU-1", 1, 100_000), line("SKU-2", 1, 50_000)));
            Order oneCancelled = accepted(decider.cancel(order, TestOrders.cancel(order, Map.of("L2", 1)), NOW));
            assertThat(oneCancelled.line(LineId.of("L2")).orElseThrow().quantity(OrderStages.CANCELLED))
                    .isEqualTo(1);

            assertThatThrownBy(() -> decider.edit(
                            oneCancelled,
                            TestOrders.edit(oneCancelled)
                                    .addRemoveLines(LineId.of("L1"))
                                    .build(),
                            NOW))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                            .extracting(v -> v.code())
                            .containsExactly("EMPTY"));
        }

        @Test
        @DisplayName("an edit setting a line's live units to 0 while no other line is live lists NOT_POSITIVE")
        void edit_quantityToZero_isInvalid() {
            Order order = captured(captureOf(line("SKU-1", 2, 100_000)));

            assertThatThrownBy(() -> decider.edit(
                            order,
                            TestOrders.edit(order)
                                    .putChangeQuantities(LineId.of("L1"), 0L)
                                    .build(),
                            NOW))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                            .extracting(v -> v.code())
                            .contains("NOT_POSITIVE"));
        }
    }
}
