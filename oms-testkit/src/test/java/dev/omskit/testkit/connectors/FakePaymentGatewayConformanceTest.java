package dev.omskit.testkit.connectors;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.payment.PaymentGateway;
import dev.omskit.connectors.payment.PaymentMethodToken;
import dev.omskit.testkit.tck.PaymentGatewayConformanceKit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("FakePaymentGateway keeps the payment gateway contract")
class FakePaymentGatewayConformanceTest extends PaymentGatewayConformanceKit {
    static final String API_KEY = "sk_test_fake_0123456789";

    @Override
    protected PaymentGateway create() {
        return FakePaymentGateway.of("fake-pay", API_KEY);
    }

    @Override
    protected void provokeFailure(PaymentGateway gateway, FailureKind kind) {
        FakeScript script = ((FakePaymentGateway) gateway).script();
        if (kind == FailureKind.RATE_LIMITED) {
            script.rateLimitNext(1, Duration.ofSeconds(1));
        } else {
            script.failNext(1, kind);
        }
    }

    @Override
    protected Set<FailureKind> provokableFailures() {
        return EnumSet.of(
                FailureKind.RETRYABLE,
                FailureKind.TIMEOUT,
                FailureKind.RATE_LIMITED,
                FailureKind.AUTHENTICATION_FAILED);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(API_KEY);
    }

    @Override
    protected PaymentMethodToken approvedToken() {
        return PaymentMethodToken.of("tok_fake_visa_4242");
    }

    @Override
    protected Optional<PaymentMethodToken> declinedToken() {
        return Optional.of(PaymentMethodToken.of(FakePaymentGateway.DECLINED_TOKEN));
    }

    @Override
    protected boolean loseNextAnswer(PaymentGateway gateway) {
        ((FakePaymentGateway) gateway).dropNextAnswers(1);
        return true;
    }

    /** The kit against a gateway that authorises and captures only: refunds and voids are refused. */
    @Nested
    @DisplayName("FakePaymentGateway declaring authorise and capture only")
    class Reduced extends PaymentGatewayConformanceKit {
        @Override
        protected PaymentGateway create() {
            return FakePaymentGateway.of(
                    "fake-pay-lite", API_KEY, Set.of(PaymentGateway.AUTHORIZE, PaymentGateway.CAPTURE));
        }

        @Override
        protected void provokeFailure(PaymentGateway gateway, FailureKind kind) {
            FakePaymentGatewayConformanceTest.this.provokeFailure(gateway, kind);
        }

        @Override
        protected Set<String> secrets() {
            return Set.of(API_KEY);
        }

        @Override
        protected PaymentMethodToken approvedToken() {
            return PaymentMethodToken.of("tok_fake_visa_4242");
        }
    }
}
