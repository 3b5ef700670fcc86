package dev.omskit.connectors.payment;

import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;

/**
 * Capture all or part of an authorisation.
 *
 * @param idempotencyKey repeating the request with it captures once
 * @param paymentReference the provider reference of the authorisation ({@link PaymentResult#paymentReference()})
 * @param amount what to capture now (positive, at most what is authorised and not yet captured)
 */
public record CaptureRequest(IdempotencyKey idempotencyKey, String paymentReference, Money amount) {
    public CaptureRequest {
        Checks.notNull("idempotencyKey", idempotencyKey);
        Checks.id("paymentReference", paymentReference);
        AuthorizeRequest.positive("amount", amount);
    }
}
