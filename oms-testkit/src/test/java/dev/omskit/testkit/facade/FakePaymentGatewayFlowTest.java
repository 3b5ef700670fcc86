package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.payment.AuthorizeRequest;
import dev.omskit.connectors.payment.CaptureRequest;
import dev.omskit.connectors.payment.PaymentMethodToken;
import dev.omskit.connectors.payment.PaymentResult;
import dev.omskit.connectors.payment.RefundRequest;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.connectors.FakePaymentGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A FakePaymentGateway's results record on the core's payment lifecycle as they are")
class FakePaymentGatewayFlowTest {
    private static final Actor SYNC = Actor.system("payment-sync");
    private final Harness h = Harness.create();
    private final FakePaymentGateway gateway = FakePaymentGateway.of("fake-pay", "sk_test_flow");

    private Order record(Order order, PaymentResult result) {
        return h.oms.recordPayment(result.toRecordPayment(order.tenant(), order.id(), SYNC));
    }

    @Test
    @DisplayName("authorise, capture, partial and full refund move the order's payment and its ledger")
    void authoriseCaptureRefund_followThePaymentLifecycle() {
        Order pending = h.capture(b -> b.paymentStatus(PaymentStates.PENDING));
        Money total = pending.totals().total();
        Money part = Money.of("10000", total.currency().getCurrencyCode());

        PaymentResult auth = gateway.authorize(new AuthorizeRequest(
                IdempotencyKey.of("auth-" + pending.id()), pending.id(), total, PaymentMethodToken.of("tok_visa")));
        Order authorised = record(pending, auth);
        PaymentResult capture = gateway.capture(
                new CaptureRequest(IdempotencyKey.of("cap-" + pending.id()), auth.paymentReference(), total));
        Order paid = record(authorised, capture);
        Order partly = record(
                paid,
                gateway.refund(new RefundRequest(
                        IdempotencyKey.of("ref-1-" + pending.id()), auth.paymentReference(), part, "goodwill")));
        Order refunded = record(
                partly,
                gateway.refund(new RefundRequest(
                        IdempotencyKey.of("ref-2-" + pending.id()),
                        auth.paymentReference(),
                        total.minus(part),
                        "return")));

        assertThat(authorised.paymentStatus()).isEqualTo(PaymentStates.AUTHORIZED);
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStates.PAID);
        assertThat(paid.payments().captured()).isEqualTo(total);
        assertThat(partly.paymentStatus()).isEqualTo(PaymentStates.PARTIALLY_REFUNDED);
        assertThat(refunded.paymentStatus()).isEqualTo(PaymentStates.REFUNDED);
        assertThat(refunded.payments().refunded()).isEqualTo(total);
        assertThat(gateway.payment(auth.paymentReference())
                        .orElseThrow()
                        .refundable()
                        .isZero())
                .isTrue();
    }
}
