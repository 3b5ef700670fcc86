package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OrderFixtures.vnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentStates;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The payment ledger beside the payment state: refunds never exceed what was paid")
class PaymentLedgerTest {
    private final Harness h = Harness.create();

    private Order pay(Order order, Trigger trigger, Money amount) {
        return h.oms.recordPayment(RecordPayment.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("payment-gateway"))
                .trigger(trigger)
                .amount(Optional.ofNullable(amount))
                .build());
    }

    @Test
    @DisplayName("an order captured as paid has its total captured; capture without an amount takes the rest")
    void ledger_followsCaptureAndDefaults() {
        Order paid = h.capture();
        assertThat(paid.payments().captured()).isEqualTo(paid.totals().total());
        assertThat(paid.payments().refundable()).isEqualTo(paid.totals().total());

        Order pending = h.capture(b -> b.paymentStatus(PaymentStates.PENDING));
        assertThat(pending.payments().captured()).isEqualTo(vnd(0));
        Order authorised = pay(pending, PaymentStates.AUTHORIZE, null);
        assertThat(authorised.payments().authorized())
                .isEqualTo(pending.totals().total());
        Order captured = pay(authorised, PaymentStates.CAPTURE, null);
        assertThat(captured.payments().captured()).isEqualTo(pending.totals().total());
    }

    @Test
    @DisplayName("partial refunds add up; a refund above what is left is REFUND_EXCEEDS_PAID and changes nothing")
    void refunds_areBoundedByWhatWasPaid() {
        Order paid = h.capture();
        Money total = paid.totals().total();
        Order once = pay(paid, PaymentStates.REFUND_PARTIAL, vnd(50_000));
        assertThat(once.payments().refunded()).isEqualTo(vnd(50_000));
        assertThat(once.paymentStatus()).isEqualTo(PaymentStates.PARTIALLY_REFUNDED);
        int outbox = h.storage.pendingOutboxSize();

        assertThatThrownBy(() -> pay(once, PaymentStates.REFUND_PARTIAL, total))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("REFUND_EXCEEDS_PAID"))
                .hasMessageContaining("at most " + total.minus(vnd(50_000)));
        assertThat(h.reload(paid).version()).isEqualTo(once.version());
        assertThat(h.storage.pendingOutboxSize()).isEqualTo(outbox);

        Order rest = pay(once, PaymentStates.REFUND, null);
        assertThat(rest.payments().refunded()).isEqualTo(total);
        assertThat(rest.payments().refundable()).isEqualTo(vnd(0));
        assertThat(rest.paymentStatus()).isEqualTo(PaymentStates.REFUNDED);
    }

    @Test
    @DisplayName("a partial refund needs its amount")
    void partialRefund_withoutAmount_isRequired() {
        Order paid = h.capture();
        assertThatThrownBy(() -> pay(paid, PaymentStates.REFUND_PARTIAL, null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("REQUIRED"));
    }

    @Test
    @DisplayName("cash remitted for a COD order counts as captured and as remitted")
    void codRemittance_countsAsCaptured() {
        Order cod = h.capture(
                b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY).paymentStatus(PaymentStates.COD_PENDING));
        Order collected = pay(cod, PaymentStates.COLLECT_COD, null);
        assertThat(collected.payments().codRemitted()).isEqualTo(cod.totals().cashOnDelivery());
        assertThat(collected.payments().captured()).isEqualTo(cod.totals().cashOnDelivery());
    }
}
