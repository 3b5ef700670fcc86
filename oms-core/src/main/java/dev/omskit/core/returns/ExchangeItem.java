package dev.omskit.core.returns;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.Checks;

/**
 * A replacement the buyer gets in an exchange: another size or colour, priced as new.
 *
 * @param sku the replacement SKU
 * @param units how many
 * @param unitPrice price of one unit, in the order's currency and tax mode
 * @param vatRate its VAT rate
 */
public record ExchangeItem(Sku sku, int units, Money unitPrice, VatRate vatRate) {
    public ExchangeItem {
        Checks.notNull("sku", sku);
        Checks.notNull("unitPrice", unitPrice);
        Checks.notNull("vatRate", vatRate);
        if (units <= 0) {
            throw InvalidArgumentException.of(
                    "units", "NOT_POSITIVE", "an exchange item needs at least one unit; was " + units);
        }
        if (unitPrice.isNegative()) {
            throw InvalidArgumentException.of("unitPrice", "NEGATIVE", "a unit price must not be negative");
        }
    }
}
