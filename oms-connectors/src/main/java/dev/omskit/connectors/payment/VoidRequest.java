package dev.omskit.connectors.payment;

import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.support.Checks;

/**
 * Void an authorisation nothing was captured of: the buyer's funds are released.
 *
 * @param idempotencyKey repeating the request with it voids once
 * @param paymentReference the provider reference of the authorisation
 */
public record VoidRequest(IdempotencyKey idempotencyKey, String paymentReference) {
    public VoidRequest {
        Checks.notNull("idempotencyKey", idempotencyKey);
        Checks.id("paymentReference", paymentReference);
    }
}
