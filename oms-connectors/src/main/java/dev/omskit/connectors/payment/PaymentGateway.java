package dev.omskit.connectors.payment;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;
import java.util.Set;

/**
 * A payment gateway (a card acquirer, a wallet, a bank-transfer provider): authorises an amount against a
 * payment method token, captures all or part of it, refunds captured money, voids an authorisation not
 * captured.
 *
 * <p>Each answer is a {@link PaymentResult}; its {@link PaymentStatus#trigger()} is the core payment trigger
 * the sync engine records ({@code RecordPayment} with {@code AUTHORIZE}, {@code FAIL}, {@code CAPTURE},
 * {@code REFUND_PARTIAL}, {@code REFUND}, {@code VOID}; {@link PaymentResult#toRecordPayment}), and a
 * refund's {@link PaymentResult#providerReference()} confirms the core {@code Refund}
 * ({@code Returns.confirmRefund}).
 *
 * @implSpec Thread-safe. Every operation first calls {@link #require} with its capability, so calling one
 *     the gateway did not declare fails {@code NOT_RETRYABLE} before anything is sent.
 *     <p>Idempotency: every request carries an {@link dev.omskit.core.model.IdempotencyKey}, passed to
 *     the provider as its idempotency key (or kept by the connector where the provider has none).
 *     Repeating a request with the same key, also after a lost answer, returns the same {@link
 *     PaymentResult} (same provider reference, status and amount) and moves no money again. The same key
 *     with a different request is {@code NOT_RETRYABLE}.
 *     <p>Money rules, all {@code NOT_RETRYABLE} with a message naming the payment and the amounts: a
 *     capture more than what is authorised and not yet captured; a refund making the refunded total more
 *     than the captured total; a void after any capture (or of a voided, declined or unknown payment); a
 *     capture after a void; an amount in another currency than the authorisation's. A card the issuer
 *     declines is not an exception: {@link #authorize} answers {@link PaymentStatus#DECLINED} with the
 *     reason.
 *     <p>Other failures: a 5xx, a reset connection or a lost answer {@code RETRYABLE}, no answer in time
 *     {@code TIMEOUT}, throttling {@code RATE_LIMITED}, refused credentials {@code AUTHENTICATION_FAILED}.
 *     Card data never passes through: a request carries a {@link PaymentMethodToken} the provider issued
 *     to the buyer's browser or app. Credentials and tokens never appear in messages or {@code toString}.
 */
public interface PaymentGateway extends Connector {
    /** Authorises payments: {@link #authorize}. */
    Capability AUTHORIZE = Capability.of("AUTHORIZE");
    /** Captures authorised payments, fully or in part: {@link #capture}. */
    Capability CAPTURE = Capability.of("CAPTURE");
    /** Refunds captured money, fully or in part: {@link #refund}. */
    Capability REFUND = Capability.of("REFUND");
    /** Voids authorisations not captured: {@link #voidAuthorization}. */
    Capability VOID = Capability.of("VOID");

    /** Every capability a payment gateway may declare. */
    Set<Capability> ALL = Set.of(AUTHORIZE, CAPTURE, REFUND, VOID);

    @Override
    default ConnectorKind kind() {
        return ConnectorKind.PAYMENT_GATEWAY;
    }

    /**
     * Authorises {@link AuthorizeRequest#amount()} ({@link #AUTHORIZE}): {@link PaymentStatus#AUTHORIZED}
     * with the payment's provider reference, or {@link PaymentStatus#DECLINED} with the reason.
     */
    PaymentResult authorize(AuthorizeRequest request);

    /**
     * Captures all or part of an authorisation ({@link #CAPTURE}): {@link PaymentStatus#CAPTURED} with the
     * amount captured now; the captured total never exceeds the authorised amount.
     */
    PaymentResult capture(CaptureRequest request);

    /**
     * Refunds captured money ({@link #REFUND}): {@link PaymentStatus#PARTIALLY_REFUNDED} while some captured
     * money is left, {@link PaymentStatus#REFUNDED} when none is; the refunded total never exceeds the
     * captured total.
     */
    PaymentResult refund(RefundRequest request);

    /** Voids an authorisation nothing was captured of ({@link #VOID}): {@link PaymentStatus#VOIDED}. */
    PaymentResult voidAuthorization(VoidRequest request);
}
