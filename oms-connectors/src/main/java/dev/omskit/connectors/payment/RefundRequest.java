package dev.omskit.connectors.payment;

import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;

/**
 * Refund captured money, all or part of it. For a core {@code Refund} the idempotency key is derived
 * from the refund's id, so that executing it again after a crash refunds once.
 *
 * @param idempotencyKey repeating the request with it refunds once
 * @param paymentReference the provider reference of the payment ({@link PaymentResult#paymentReference()})
 * @param amount what to give back (positive; refunded total at most the captured total)
 * @param reason why, for the provider's records (no personal data)
 */
public record RefundRequest(IdempotencyKey idempotencyKey, String paymentReference, Money amount, String reason) {
    public RefundRequest {
        Checks.notNull("idempotencyKey", idempotencyKey);
        Checks.id("paymentReference", paymentReference);
        AuthorizeRequest.positive("amount", amount);
        Checks.notNull("reason", reason);
    }
}
