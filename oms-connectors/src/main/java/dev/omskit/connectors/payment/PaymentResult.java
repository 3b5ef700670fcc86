package dev.omskit.connectors.payment;

import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.returns.ConfirmRefund;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * What a gateway answered to one operation; repeating the operation with the same idempotency key
 * returns an equal result.
 *
 * @param providerReference the provider's reference of this operation (the authorisation, the capture,
 *     the refund ...); the core records it ({@code RecordPayment.reference}, {@code ConfirmRefund.providerReference})
 * @param paymentReference the provider's reference of the payment the operation belongs to (for an
 *     authorisation, its own reference): what later captures, refunds and voids name
 * @param status where the payment stands now
 * @param amount the money this operation moved (authorised, captured, refunded; for a void the amount
 *     released; for a decline the amount asked)
 * @param declineReason why it was declined ({@link PaymentStatus#DECLINED} only)
 */
public record PaymentResult(
        String providerReference,
        String paymentReference,
        PaymentStatus status,
        Money amount,
        Optional<String> declineReason) {
    public PaymentResult {
        Checks.id("providerReference", providerReference);
        Checks.id("paymentReference", paymentReference);
        Checks.notNull("status", status);
        Checks.notNull("amount", amount);
        Checks.notNull("declineReason", declineReason);
        if (amount.isNegative()) {
            throw InvalidArgumentException.of(
                    "amount", "NEGATIVE", "a payment amount must not be negative; was " + amount);
        }
        if (declineReason.isPresent() != (status == PaymentStatus.DECLINED)) {
            throw InvalidArgumentException.of(
                    "declineReason", "MISMATCH", "a decline reason goes with DECLINED only; status was " + status);
        }
    }

    /** Whether the operation succeeded (everything but {@link PaymentStatus#DECLINED}). */
    public boolean succeeded() {
        return status != PaymentStatus.DECLINED;
    }

    /**
     * The core command recording this result on {@code order}: the status's trigger, the amount and the
     * provider reference. The caller adds an idempotency key derived from its own (e.g. the request's).
     */
    public RecordPayment toRecordPayment(TenantId tenant, OrderId order, Actor actor) {
        return RecordPayment.builder()
                .tenant(tenant)
                .orderId(order)
                .actor(actor)
                .trigger(status.trigger())
                .amount(amount)
                .reference(providerReference)
                .build();
    }

    /**
     * The core command confirming the pending {@code Refund} {@code refundId} that this refund result
     * executed, for {@code Returns.confirmRefund} (which records {@code REFUND_PARTIAL} or {@code REFUND} on
     * the order itself; do not record this result with {@link #toRecordPayment} as well).
     *
     * @throws InvalidArgumentException when this is not the result of a refund
     */
    public ConfirmRefund toConfirmRefund(TenantId tenant, OrderId order, String refundId, Actor actor) {
        if (status != PaymentStatus.REFUNDED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw InvalidArgumentException.of(
                    "status", "NOT_A_REFUND", "only a refund's result confirms a refund; this one is " + status);
        }
        return ConfirmRefund.builder()
                .tenant(tenant)
                .orderId(order)
                .actor(actor)
                .refundId(refundId)
                .providerReference(providerReference)
                .build();
    }
}
