package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.payment.AuthorizeRequest;
import dev.omskit.connectors.payment.CaptureRequest;
import dev.omskit.connectors.payment.PaymentGateway;
import dev.omskit.connectors.payment.PaymentMethodToken;
import dev.omskit.connectors.payment.PaymentResult;
import dev.omskit.connectors.payment.PaymentStatus;
import dev.omskit.connectors.payment.RefundRequest;
import dev.omskit.connectors.payment.VoidRequest;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.PaymentStates;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the {@link PaymentGateway} SPI: it proves that a payment connector keeps the
 * contract of its {@code @implSpec}: declared capabilities work and undeclared ones fail {@code
 * NOT_RETRYABLE}; every operation is idempotent by its key (the same result, money moved once, also after
 * a lost answer; another request under a used key refused); the money rules hold (capture at most what is
 * authorised, refunds at most what is captured, no void after a capture, no capture after a void, all
 * {@code NOT_RETRYABLE}); declines are results, not exceptions; results map to the core's payment
 * triggers; provoked failures come out as the right {@link FailureKind} with no secret or token in any
 * message or {@code toString}.
 *
 * <p>A connector author proves a connector with a short subclass, typically against a local HTTP stub of
 * the provider (or its sandbox):
 *
 * <pre>{@code
 * class AcmePayConformanceTest extends PaymentGatewayConformanceKit {
 *     final AcmeStub stub = AcmeStub.start();
 *
 *     protected PaymentGateway create() { stub.reset(); return AcmePay.of(stub.url(), "sk_test_123"); }
 *     protected void provokeFailure(PaymentGateway g, FailureKind kind) { stub.failNext(kind); }
 *     protected Set<String> secrets() { return Set.of("sk_test_123"); }
 *     protected PaymentMethodToken approvedToken() { return PaymentMethodToken.of("tok_visa"); }
 *     protected Optional<PaymentMethodToken> declinedToken() { return Optional.of(PaymentMethodToken.of("tok_chargeDeclined")); }
 * }
 * }</pre>
 *
 * <p>{@link #create()} is called before every test. The kit's idempotency keys are unique per test run
 * ({@code tck-<n>-<nanos>}), so a gateway shared between tests (a sandbox) does not answer a key of an
 * earlier test. Amounts are in {@link #currency()}; the authorised amount is {@link #authorised()}.
 */
public abstract class PaymentGatewayConformanceKit {
    /** The tenant the core mappings are checked with. */
    protected static final TenantId TENANT = TenantId.of("tck-tenant-a");

    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private PaymentGateway gateway;

    /** A payment gateway connector; called before each test. */
    protected abstract PaymentGateway create();

    /**
     * Makes the gateway's next remote call fail as {@code kind} (e.g. the stub answers 503, 429 or 401);
     * only the next call, which must not take effect. Called only with the kinds of {@link
     * #provokableFailures()}.
     */
    protected abstract void provokeFailure(PaymentGateway gateway, FailureKind kind);

    /** The failure kinds {@link #provokeFailure} can provoke; by default retryable, rate limit, credentials. */
    protected Set<FailureKind> provokableFailures() {
        return EnumSet.of(FailureKind.RETRYABLE, FailureKind.RATE_LIMITED, FailureKind.AUTHENTICATION_FAILED);
    }

    /** The credentials the connector was given: none may show in a message or {@code toString}. */
    protected abstract Set<String> secrets();

    /** A payment method token the provider approves. */
    protected abstract PaymentMethodToken approvedToken();

    /** A token the provider declines, if it has one (by default not: the decline test is skipped). */
    protected Optional<PaymentMethodToken> declinedToken() {
        return Optional.empty();
    }

    /**
     * Makes the next operation take effect at the provider but lose its answer (the call fails {@code
     * RETRYABLE}); returns whether it can (by default it cannot and the test is skipped).
     */
    protected boolean loseNextAnswer(PaymentGateway gateway) {
        return false;
    }

    /** The currency of the kit's payments; VND by default. */
    protected String currency() {
        return "VND";
    }

    /** What the kit authorises: 100,000 of {@link #currency()} by default (captures and refunds split it). */
    protected Money authorised() {
        return Money.of("100000", currency());
    }

    /** Creates the gateway of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createGateway() {
        gateway = create();
        assertThat(gateway).as("create()").isNotNull();
    }

    // ====================================================================================== declarations

    @Nested
    @DisplayName("A gateway declares what it can do, and refuses the rest")
    class Declarations {
        @Test
        @DisplayName("it is a PAYMENT_GATEWAY with a stable id and payment capabilities only")
        void kind_id_andCapabilities_areConsistent() {
            assertThat(gateway.kind()).isEqualTo(ConnectorKind.PAYMENT_GATEWAY);
            assertThat(gateway.id()).isNotBlank().isEqualTo(gateway.id());
            assertThat(gateway.capabilities()).isNotEmpty().isSubsetOf(PaymentGateway.ALL);
            for (Capability c : PaymentGateway.ALL) {
                assertThat(gateway.can(c))
                        .as(c.name())
                        .isEqualTo(gateway.capabilities().contains(c));
            }
        }

        @Test
        @DisplayName("every declared capability's operation works")
        void declaredCapabilities_work() {
            assumeThat(gateway.can(PaymentGateway.AUTHORIZE))
                    .as("operations are checked on an authorised payment")
                    .isTrue();
            for (Capability c : gateway.capabilities()) {
                if (c.equals(PaymentGateway.REFUND)) {
                    assumeThat(gateway.can(PaymentGateway.CAPTURE))
                            .as("refunds are checked on a captured payment")
                            .isTrue();
                }
                PaymentResult result = exercise(c);
                assertThat(result.succeeded()).as(c.name()).isTrue();
            }
        }

        @Test
        @DisplayName("every undeclared capability's operation fails NOT_RETRYABLE naming the capability")
        void undeclaredCapabilities_failNotRetryable() {
            for (Capability c : PaymentGateway.ALL) {
                if (gateway.can(c)) {
                    continue;
                }
                ConnectorException e = assertFails(() -> exercise(c), FailureKind.NOT_RETRYABLE);
                assertThat(e.getMessage()).as("the refusal of %s", c).contains(c.name());
            }
        }
    }

    // ====================================================================================== idempotency

    @Nested
    @DisplayName("Every operation is idempotent by its key")
    class Idempotency {
        @BeforeEach
        void canAuthoriseAndCapture() {
            assumeThat(gateway.can(PaymentGateway.AUTHORIZE) && gateway.can(PaymentGateway.CAPTURE))
                    .isTrue();
        }

        @Test
        @DisplayName("authorising twice with one key returns the same result")
        void authorize_twice_returnsSameResult() {
            AuthorizeRequest request = authorizeRequest();

            PaymentResult first = gateway.authorize(request);

            assertThat(first.status()).isEqualTo(PaymentStatus.AUTHORIZED);
            assertThat(first.amount()).isEqualTo(authorised());
            assertThat(first.paymentReference()).isEqualTo(first.providerReference());
            assertThat(gateway.authorize(request)).isEqualTo(first);
        }

        @Test
        @DisplayName("capturing twice with one key captures once: the rest of the authorisation is still there")
        void capture_twice_capturesOnce() {
            PaymentResult auth = gateway.authorize(authorizeRequest());
            CaptureRequest capture = new CaptureRequest(key(), auth.paymentReference(), part(60));

            PaymentResult first = gateway.capture(capture);
            PaymentResult again = gateway.capture(capture);

            assertThat(again).isEqualTo(first);
            assertThat(first.status()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(first.amount()).isEqualTo(part(60));
            assertThat(gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(40)))
                            .status())
                    .isEqualTo(PaymentStatus.CAPTURED);
            assertFails(
                    () -> gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(1))),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("refunding twice with one key refunds once: the rest of the capture is still refundable")
        void refund_twice_refundsOnce() {
            assumeThat(gateway.can(PaymentGateway.REFUND)).isTrue();
            String payment = captured(authorised());
            RefundRequest refund = new RefundRequest(key(), payment, part(30), "tck partial refund");

            PaymentResult first = gateway.refund(refund);

            assertThat(gateway.refund(refund)).isEqualTo(first);
            assertThat(first.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
            assertThat(gateway.refund(new RefundRequest(key(), payment, part(70), "tck rest"))
                            .status())
                    .isEqualTo(PaymentStatus.REFUNDED);
            assertFails(
                    () -> gateway.refund(new RefundRequest(key(), payment, part(1), "tck too much")),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("voiding twice with one key returns the same result")
        void void_twice_returnsSameResult() {
            assumeThat(gateway.can(PaymentGateway.VOID)).isTrue();
            PaymentResult auth = gateway.authorize(authorizeRequest());
            VoidRequest request = new VoidRequest(key(), auth.paymentReference());

            PaymentResult first = gateway.voidAuthorization(request);

            assertThat(first.status()).isEqualTo(PaymentStatus.VOIDED);
            assertThat(gateway.voidAuthorization(request)).isEqualTo(first);
        }

        @Test
        @DisplayName("after a lost answer, repeating with the key returns the result made, money moved once")
        void capture_afterLostAnswer_returnsTheResultMade() {
            PaymentResult auth = gateway.authorize(authorizeRequest());
            assumeThat(loseNextAnswer(gateway)).as("loseNextAnswer").isTrue();
            CaptureRequest capture = new CaptureRequest(key(), auth.paymentReference(), authorised());

            assertFails(() -> gateway.capture(capture), FailureKind.RETRYABLE);
            PaymentResult result = gateway.capture(capture);

            assertThat(result.status()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(result.amount()).isEqualTo(authorised());
            assertFails(
                    () -> gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(1))),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("a used key with another request fails NOT_RETRYABLE and moves nothing")
        void usedKey_otherRequest_failsNotRetryable() {
            PaymentResult auth = gateway.authorize(authorizeRequest());
            IdempotencyKey key = key();
            PaymentResult first = gateway.capture(new CaptureRequest(key, auth.paymentReference(), part(10)));

            assertFails(
                    () -> gateway.capture(new CaptureRequest(key, auth.paymentReference(), part(20))),
                    FailureKind.NOT_RETRYABLE);
            assertThat(gateway.capture(new CaptureRequest(key, auth.paymentReference(), part(10))))
                    .isEqualTo(first);
            assertThat(gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(90)))
                            .amount())
                    .isEqualTo(part(90));
        }
    }

    // ====================================================================================== money rules

    @Nested
    @DisplayName("Money rules: capture at most the authorisation, refund at most the capture, void before capture")
    class MoneyRules {
        @BeforeEach
        void canAuthoriseAndCapture() {
            assumeThat(gateway.can(PaymentGateway.AUTHORIZE) && gateway.can(PaymentGateway.CAPTURE))
                    .isTrue();
        }

        @Test
        @DisplayName("capturing more than authorised fails NOT_RETRYABLE naming the payment")
        void capture_moreThanAuthorised_failsNotRetryable() {
            PaymentResult auth = gateway.authorize(authorizeRequest());

            ConnectorException e = assertFails(
                    () -> gateway.capture(new CaptureRequest(
                            key(), auth.paymentReference(), authorised().plus(part(1)))),
                    FailureKind.NOT_RETRYABLE);

            assertThat(e.getMessage()).contains(auth.paymentReference());
            assertThat(gateway.capture(new CaptureRequest(key(), auth.paymentReference(), authorised()))
                            .status())
                    .isEqualTo(PaymentStatus.CAPTURED);
        }

        @Test
        @DisplayName("8 threads capturing a quarter each at once: exactly four succeed, the rest NOT_RETRYABLE")
        void concurrentCaptures_neverExceedTheAuthorisation() throws InterruptedException {
            PaymentResult auth = gateway.authorize(authorizeRequest());

            List<Races.Outcome<PaymentResult>> outcomes = Races.race(
                    Races.THREADS,
                    i -> () -> gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(25))));

            assertThat(Races.successes(outcomes)).hasSize(4);
            assertThat(Races.failures(outcomes)).hasSize(Races.THREADS - 4).allSatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(
                            ConnectorException.class, c -> assertThat(c.kind()).isEqualTo(FailureKind.NOT_RETRYABLE)));
        }

        @Test
        @DisplayName("8 threads refunding with one key at once refund once, all with the same result")
        void concurrentRefunds_sameKey_refundOnce() throws InterruptedException {
            assumeThat(gateway.can(PaymentGateway.REFUND)).isTrue();
            String payment = captured(authorised());
            RefundRequest refund = new RefundRequest(key(), payment, part(60), "tck race");

            List<Races.Outcome<PaymentResult>> outcomes = Races.race(Races.THREADS, i -> () -> gateway.refund(refund));

            assertThat(Races.failures(outcomes)).isEmpty();
            assertThat(Set.copyOf(Races.successes(outcomes))).hasSize(1);
            assertThat(gateway.refund(new RefundRequest(key(), payment, part(40), "tck rest"))
                            .status())
                    .isEqualTo(PaymentStatus.REFUNDED);
        }

        @Test
        @DisplayName("partial captures add up to at most the authorisation")
        void partialCaptures_beyondAuthorisation_failNotRetryable() {
            PaymentResult auth = gateway.authorize(authorizeRequest());
            gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(50)));

            assertFails(
                    () -> gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(51))),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("refunding more than captured fails NOT_RETRYABLE with a message naming the payment")
        void refund_moreThanCaptured_failsNotRetryable() {
            assumeThat(gateway.can(PaymentGateway.REFUND)).isTrue();
            String payment = captured(part(40));

            ConnectorException e = assertFails(
                    () -> gateway.refund(new RefundRequest(key(), payment, part(41), "tck too much")),
                    FailureKind.NOT_RETRYABLE);

            assertThat(e.getMessage()).contains(payment);
            PaymentResult all = gateway.refund(new RefundRequest(key(), payment, part(40), "tck all"));
            assertThat(all.status()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(all.amount()).isEqualTo(part(40));
        }

        @Test
        @DisplayName("refunding an authorisation nothing was captured of fails NOT_RETRYABLE")
        void refund_beforeCapture_failsNotRetryable() {
            assumeThat(gateway.can(PaymentGateway.REFUND)).isTrue();
            PaymentResult auth = gateway.authorize(authorizeRequest());

            assertFails(
                    () -> gateway.refund(new RefundRequest(key(), auth.paymentReference(), part(1), "tck")),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("voiding after a capture fails NOT_RETRYABLE")
        void void_afterCapture_failsNotRetryable() {
            assumeThat(gateway.can(PaymentGateway.VOID)).isTrue();
            String payment = captured(part(10));

            assertFails(() -> gateway.voidAuthorization(new VoidRequest(key(), payment)), FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("capturing after a void fails NOT_RETRYABLE")
        void capture_afterVoid_failsNotRetryable() {
            assumeThat(gateway.can(PaymentGateway.VOID)).isTrue();
            PaymentResult auth = gateway.authorize(authorizeRequest());
            gateway.voidAuthorization(new VoidRequest(key(), auth.paymentReference()));

            assertFails(
                    () -> gateway.capture(new CaptureRequest(key(), auth.paymentReference(), part(10))),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("an unknown payment reference fails NOT_RETRYABLE")
        void capture_unknownPayment_failsNotRetryable() {
            assertFails(
                    () -> gateway.capture(new CaptureRequest(key(), "tck-unknown-payment", part(10))),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("a declined card is a DECLINED result with a reason, and cannot be captured")
        void authorize_declined_isAResultNotAnException() {
            Optional<PaymentMethodToken> declined = declinedToken();
            assumeThat(declined).as("declinedToken").isPresent();
            AuthorizeRequest request = new AuthorizeRequest(key(), OrderId.of("tck-o1"), authorised(), declined.get());

            PaymentResult result = gateway.authorize(request);

            assertThat(result.status()).isEqualTo(PaymentStatus.DECLINED);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.declineReason())
                    .hasValueSatisfying(r -> assertThat(r).isNotBlank());
            assertThat(gateway.authorize(request)).isEqualTo(result);
            assertFails(
                    () -> gateway.capture(new CaptureRequest(key(), result.paymentReference(), part(10))),
                    FailureKind.NOT_RETRYABLE);
        }
    }

    // ====================================================================================== core mapping

    @Nested
    @DisplayName("Results map to the core's payment triggers")
    class CoreMapping {
        @Test
        @DisplayName("each status records its trigger, with the amount and the provider reference")
        void results_mapToRecordPayment() {
            assumeThat(gateway.can(PaymentGateway.AUTHORIZE) && gateway.can(PaymentGateway.CAPTURE))
                    .isTrue();
            PaymentResult auth = gateway.authorize(authorizeRequest());
            PaymentResult capture = gateway.capture(new CaptureRequest(key(), auth.paymentReference(), authorised()));

            RecordPayment recordAuth = auth.toRecordPayment(TENANT, OrderId.of("tck-o1"), Actor.system("tck"));
            RecordPayment recordCapture = capture.toRecordPayment(TENANT, OrderId.of("tck-o1"), Actor.system("tck"));

            assertThat(recordAuth.trigger()).isEqualTo(PaymentStates.AUTHORIZE);
            assertThat(recordAuth.amount()).contains(authorised());
            assertThat(recordAuth.reference()).contains(auth.providerReference());
            assertThat(recordCapture.trigger()).isEqualTo(PaymentStates.CAPTURE);
            assertThat(capture.paymentReference()).isEqualTo(auth.paymentReference());
            if (gateway.can(PaymentGateway.REFUND)) {
                PaymentResult partial =
                        gateway.refund(new RefundRequest(key(), auth.paymentReference(), part(25), "p"));
                PaymentResult rest = gateway.refund(new RefundRequest(key(), auth.paymentReference(), part(75), "r"));
                assertThat(partial.status().trigger()).isEqualTo(PaymentStates.REFUND_PARTIAL);
                assertThat(rest.status().trigger()).isEqualTo(PaymentStates.REFUND);
                assertThat(rest.providerReference())
                        .as("a refund has a reference of its own, to confirm the core Refund with")
                        .isNotEqualTo(partial.providerReference());
                assertThat(rest.toConfirmRefund(TENANT, OrderId.of("tck-o1"), "tck-refund-1", Actor.system("tck"))
                                .providerReference())
                        .isEqualTo(rest.providerReference());
            }
        }
    }

    // ====================================================================================== errors

    @Nested
    @DisplayName("Failures come out in the one error model, free of secrets and tokens")
    class Errors {
        @Test
        @DisplayName(
                "each provoked failure is a ConnectorException of its kind naming the connector, and moves nothing")
        void provokedFailures_mapToTheirKind() {
            assumeThat(gateway.can(PaymentGateway.AUTHORIZE)).isTrue();
            for (FailureKind kind : provokableFailures()) {
                AuthorizeRequest request = authorizeRequest();
                provokeFailure(gateway, kind);
                ConnectorException e = assertFails(() -> gateway.authorize(request), kind);
                assertThat(e.connector()).isEqualTo(gateway.id());
                assertThat(e.getMessage())
                        .doesNotContain(request.paymentMethod().value());
                assertThat(gateway.authorize(request).status()).isEqualTo(PaymentStatus.AUTHORIZED);
            }
        }

        @Test
        @DisplayName("the connector's and the requests' toString show no secret and no token")
        void toString_showsNoSecretsOrTokens() {
            assertNoSecrets(gateway.toString());
            AuthorizeRequest request = authorizeRequest();
            assertNoSecrets(request.toString());
            assertThat(request.toString()).doesNotContain(approvedToken().value());
        }
    }

    // ====================================================================================== helpers

    /** A fresh idempotency key, unique in this run. */
    protected final IdempotencyKey key() {
        return IdempotencyKey.of("tck-" + RUN + "-" + KEYS.incrementAndGet());
    }

    /** {@code percent} per cent of {@link #authorised()}, rounded down. */
    protected final Money part(int percent) {
        return authorised().times(java.math.BigDecimal.valueOf(percent).movePointLeft(2), java.math.RoundingMode.DOWN);
    }

    private AuthorizeRequest authorizeRequest() {
        return new AuthorizeRequest(key(), OrderId.of("tck-o1"), authorised(), approvedToken());
    }

    /** A payment authorised for {@link #authorised()} with {@code amount} captured; its reference. */
    private String captured(Money amount) {
        PaymentResult auth = gateway.authorize(authorizeRequest());
        gateway.capture(new CaptureRequest(key(), auth.paymentReference(), amount));
        return auth.paymentReference();
    }

    private PaymentResult exercise(Capability c) {
        if (c.equals(PaymentGateway.AUTHORIZE)) {
            return gateway.authorize(authorizeRequest());
        }
        String payment = gateway.can(PaymentGateway.AUTHORIZE)
                ? gateway.authorize(authorizeRequest()).paymentReference()
                : "tck-unknown-payment";
        if (c.equals(PaymentGateway.CAPTURE)) {
            return gateway.capture(new CaptureRequest(key(), payment, part(50)));
        } else if (c.equals(PaymentGateway.REFUND)) {
            if (gateway.can(PaymentGateway.CAPTURE)) {
                gateway.capture(new CaptureRequest(key(), payment, part(50)));
            }
            return gateway.refund(new RefundRequest(key(), payment, part(10), "conformance check"));
        } else if (c.equals(PaymentGateway.VOID)) {
            return gateway.voidAuthorization(new VoidRequest(key(), payment));
        }
        throw new IllegalStateException("the kit does not know capability " + c);
    }

    private ConnectorException assertFails(ThrowingCallable call, FailureKind kind) {
        ConnectorException[] caught = new ConnectorException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertNoSecrets(e.getMessage());
            assertThat(e.getMessage()).doesNotContain(approvedToken().value());
            caught[0] = e;
        });
        return caught[0];
    }

    private void assertNoSecrets(String text) {
        for (String secret : secrets()) {
            assertThat(text).as("a secret shows").doesNotContain(secret);
        }
    }
}
