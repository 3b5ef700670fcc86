package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.payment.AuthorizeRequest;
import dev.omskit.connectors.payment.CaptureRequest;
import dev.omskit.connectors.payment.PaymentMethodToken;
import dev.omskit.connectors.payment.PaymentResult;
import dev.omskit.connectors.payment.PaymentStatus;
import dev.omskit.connectors.payment.RefundRequest;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.GoodwillRefund;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.RefundLifecycle;
import dev.omskit.testkit.connectors.FakePaymentGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A pending core Refund executed by a FakePaymentGateway is confirmed with the gateway's reference")
class FakePaymentGatewayRefundFlowTest {
    private static final Actor SYNC = Actor.system("payment-sync");
    private final ReturnsHarness h = new ReturnsHarness();
    private final FakePaymentGateway gateway = FakePaymentGateway.of("fake-pay", "sk_test_refund_flow");

    @Test
    @DisplayName("the refund keyed by the refund id runs once at the gateway and confirms the refund once")
    void pendingRefund_executedTwice_refundsOnceAndConfirms() {
        Order order = h.delivered();
        Money paid = order.payments().captured();
        PaymentResult auth = gateway.authorize(new AuthorizeRequest(
                IdempotencyKey.of("auth-" + order.id()), order.id(), paid, PaymentMethodToken.of("tok_visa")));
        gateway.capture(new CaptureRequest(IdempotencyKey.of("cap-" + order.id()), auth.paymentReference(), paid));
        Refund pending = h.returns.goodwillRefund(GoodwillRefund.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .reason("late delivery")
                .amount(Money.of("50000", "VND"))
                .build());
        RefundRequest request = new RefundRequest(
                IdempotencyKey.of("refund-" + pending.id()),
                auth.paymentReference(),
                pending.amount(),
                pending.reason());

        PaymentResult result = gateway.refund(request);
        PaymentResult again = gateway.refund(request);
        Refund confirmed =
                h.returns.confirmRefund(result.toConfirmRefund(order.tenant(), order.id(), pending.id(), SYNC));
        Refund confirmedAgain =
                h.returns.confirmRefund(again.toConfirmRefund(order.tenant(), order.id(), pending.id(), SYNC));

        assertThat(again).isEqualTo(result);
        assertThat(result.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(gateway.payment(auth.paymentReference()).orElseThrow().refunded())
                .isEqualTo(pending.amount());
        assertThat(confirmed.state()).isEqualTo(RefundLifecycle.SUCCEEDED);
        assertThat(confirmed.providerReference()).contains(result.providerReference());
        assertThat(confirmedAgain.version()).isEqualTo(confirmed.version());
        Order after = h.oms.get(order.tenant(), order.id());
        assertThat(after.paymentStatus()).isEqualTo(PaymentStates.PARTIALLY_REFUNDED);
        assertThat(after.payments().refunded()).isEqualTo(pending.amount());
    }
}
