package dev.omskit.connectors.payment;

import dev.omskit.core.support.Checks;

/**
 * The provider's token for the buyer's payment method (card, wallet), created by the provider's client
 * library in the buyer's browser or app: the only form in which a payment method passes through the OMS.
 * Prints as {@code ***}.
 *
 * @param value the provider's token
 */
public record PaymentMethodToken(String value) {
    public PaymentMethodToken {
        Checks.id("payment method token", value);
    }

    /** The token {@code value}. */
    public static PaymentMethodToken of(String value) {
        return new PaymentMethodToken(value);
    }

    @Override
    public String toString() {
        return "PaymentMethodToken[***]";
    }
}
