package dev.omskit.connectors.payment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.support.Checks;

/**
 * Authorise an amount for an order against a payment method token.
 *
 * @param idempotencyKey repeating the request with it authorises once
 * @param order the order paid (sent as the provider's order reference)
 * @param amount what to authorise (positive)
 * @param paymentMethod the provider's token of the buyer's payment method (prints {@code ***})
 */
public record AuthorizeRequest(
        IdempotencyKey idempotencyKey, OrderId order, Money amount, PaymentMethodToken paymentMethod) {
    public AuthorizeRequest {
        Checks.notNull("idempotencyKey", idempotencyKey);
        Checks.notNull("order", order);
        positive("amount", amount);
        Checks.notNull("paymentMethod", paymentMethod);
    }

    static Money positive(String field, Money amount) {
        Checks.notNull(field, amount);
        if (!amount.isPositive()) {
            throw InvalidArgumentException.of(field, "NOT_POSITIVE", field + " must be positive; was " + amount);
        }
        return amount;
    }
}
