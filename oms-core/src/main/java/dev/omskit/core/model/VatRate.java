package dev.omskit.core.model;

import dev.omskit.core.error.InvalidArgumentException;
import java.math.BigDecimal;

/**
 * A value-added-tax rate as a fraction ({@code 0.10} for 10%), from 0 inclusive to 1 exclusive.
 *
 * @param fraction the rate as a fraction of the net amount
 */
public record VatRate(BigDecimal fraction) {
    /** No VAT. */
    public static final VatRate ZERO = new VatRate(BigDecimal.ZERO);

    public VatRate {
        if (fraction == null || fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
            throw InvalidArgumentException.of(
                    "vatRate", "OUT_OF_RANGE", "VAT rate must be a fraction from 0 to below 1; was " + fraction);
        }
        fraction = fraction.stripTrailingZeros();
        if (fraction.scale() < 0) {
            fraction = fraction.setScale(0);
        }
    }

    /** A rate given in percent, e.g. {@code percent(8)} for 8%. */
    public static VatRate percent(double percent) {
        return new VatRate(BigDecimal.valueOf(percent).movePointLeft(2));
    }

    /** A rate given as a decimal fraction string, e.g. {@code of("0.1")}. */
    public static VatRate of(String fraction) {
        try {
            return new VatRate(new BigDecimal(fraction));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidArgumentException.of("vatRate", "NOT_A_NUMBER", "VAT rate '" + fraction + "' is not a number");
        }
    }

    /** For example {@code 10%}. */
    @Override
    public String toString() {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
