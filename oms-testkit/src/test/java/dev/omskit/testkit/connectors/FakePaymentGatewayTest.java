package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.payment.AuthorizeRequest;
import dev.omskit.connectors.payment.CaptureRequest;
import dev.omskit.connectors.payment.PaymentMethodToken;
import dev.omskit.connectors.payment.PaymentResult;
import dev.omskit.connectors.payment.PaymentStatus;
import dev.omskit.connectors.payment.RefundRequest;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.OrderId;
import dev.omskit.testkit.OrderFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakePaymentGateway: bookkeeping per payment, declines and scripting")
class FakePaymentGatewayTest {
    private final FakePaymentGateway gateway = FakePaymentGateway.of("fake-pay", "sk_live_secret");

    private PaymentResult authorise(String key, long amount) {
        return gateway.authorize(new AuthorizeRequest(
                IdempotencyKey.of(key), OrderId.of("o-1"), OrderFixtures.vnd(amount), PaymentMethodToken.of("tok_1")));
    }

    @Test
    @DisplayName("the book of a payment follows captures and refunds; references are deterministic")
    void bookkeeping_followsOperations() {
        PaymentResult auth = authorise("a-1", 100_000);
        PaymentResult capture = gateway.capture(
                new CaptureRequest(IdempotencyKey.of("c-1"), auth.paymentReference(), OrderFixtures.vnd(80_000)));
        PaymentResult refund = gateway.refund(new RefundRequest(
                IdempotencyKey.of("r-1"), auth.paymentReference(), OrderFixtures.vnd(30_000), "damaged"));

        FakePaymentGateway.FakePayment book =
                gateway.payment(auth.paymentReference()).orElseThrow();
        assertThat(auth.providerReference()).isEqualTo("pay-000001");
        assertThat(capture.providerReference()).isEqualTo("cap-000002");
        assertThat(refund.providerReference()).isEqualTo("ref-000003");
        assertThat(book.authorized()).isEqualTo(OrderFixtures.vnd(100_000));
        assertThat(book.captured()).isEqualTo(OrderFixtures.vnd(80_000));
        assertThat(book.refunded()).isEqualTo(OrderFixtures.vnd(30_000));
        assertThat(book.capturable()).isEqualTo(OrderFixtures.vnd(20_000));
        assertThat(book.refundable()).isEqualTo(OrderFixtures.vnd(50_000));
        assertThat(book.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    @DisplayName("declineNext declines the next new authorisation only; a repeated key keeps its answer")
    void declineNext_declinesOnce() {
        gateway.declineNext("do not honour");

        PaymentResult declined = authorise("a-1", 50_000);
        PaymentResult approved = authorise("a-2", 50_000);

        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.declineReason()).contains("do not honour");
        assertThat(authorise("a-1", 50_000)).isEqualTo(declined);
        assertThat(approved.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(gateway.payments())
                .extracting(FakePaymentGateway.FakePayment::status)
                .containsExactly(PaymentStatus.DECLINED, PaymentStatus.AUTHORIZED);
    }

    @Test
    @DisplayName("a refund beyond the capture names the amounts; no message or toString shows the key or the token")
    void refundBeyondCapture_namesAmounts_withoutSecrets() {
        PaymentResult auth = authorise("a-1", 100_000);
        gateway.capture(
                new CaptureRequest(IdempotencyKey.of("c-1"), auth.paymentReference(), OrderFixtures.vnd(40_000)));
        RefundRequest tooMuch = new RefundRequest(
                IdempotencyKey.of("r-1"), auth.paymentReference(), OrderFixtures.vnd(50_000), "return");

        assertThatThrownBy(() -> gateway.refund(tooMuch)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
            assertThat(e.getMessage())
                    .contains("pay-000001")
                    .contains(OrderFixtures.vnd(50_000).toString())
                    .contains(OrderFixtures.vnd(40_000).toString())
                    .doesNotContain("sk_live_secret");
        });
        assertThat(gateway.toString()).doesNotContain("sk_live_secret");
        assertThat(gateway.acceptsApiKey("sk_live_secret")).isTrue();
        assertThat(new AuthorizeRequest(
                                IdempotencyKey.of("a-9"),
                                OrderId.of("o-1"),
                                OrderFixtures.vnd(1),
                                PaymentMethodToken.of("tok_secret_card"))
                        .toString())
                .doesNotContain("tok_secret_card");
    }

    @Test
    @DisplayName("scripted failures are recorded and move no money; a lost answer moves it once")
    void scriptedFailuresAndLostAnswers() {
        gateway.script().authenticationFailsNext(1);
        assertThatThrownBy(() -> authorise("a-1", 10_000))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind())
                        .isEqualTo(FailureKind.AUTHENTICATION_FAILED));
        assertThat(gateway.payments()).isEmpty();

        gateway.dropNextAnswers(1);
        assertThatThrownBy(() -> authorise("a-1", 10_000))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE));
        PaymentResult result = authorise("a-1", 10_000);

        assertThat(gateway.payments()).hasSize(1);
        assertThat(result.providerReference()).isEqualTo("pay-000001");
        assertThat(gateway.script().calls("authorize"))
                .extracting(FakeScript.Call::outcome)
                .containsExactly("AUTHENTICATION_FAILED", "ok", "ok");
    }
}
