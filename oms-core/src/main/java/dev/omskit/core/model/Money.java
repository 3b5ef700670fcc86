package dev.omskit.core.model;

import dev.omskit.core.error.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. The amount always has the currency's own scale (2 for EUR, 0 for VND),
 * so two equal amounts are {@code equals}. Nothing is rounded silently: an amount with more decimals than
 * the currency allows is an error unless a {@link RoundingMode} is given.
 *
 * <p>Arithmetic between different currencies throws {@link InvalidArgumentException} with code {@code
 * CURRENCY_MISMATCH} naming both.
 *
 * @param amount the amount, at the currency's scale
 * @param currency an ISO 4217 currency with a defined number of fraction digits
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public Money {
        if (amount == null || currency == null) {
            throw new InvalidArgumentException("Money needs an amount and a currency; was " + amount + " " + currency);
        }
        int digits = digits(currency);
        if (amount.scale() != digits) {
            BigDecimal scaled;
            try {
                scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw InvalidArgumentException.of(
                        "amount",
                        "TOO_MANY_DECIMALS",
                        "amount " + amount.toPlainString() + " has more than " + digits + " decimals for "
                                + currency.getCurrencyCode() + "; round it explicitly with Money.of(amount, currency,"
                                + " roundingMode)");
            }
            amount = scaled;
        }
    }

    /** An exact amount; throws if it has more decimals than the currency allows. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** An exact amount from a decimal string and an ISO 4217 code, e.g. {@code of("199000", "VND")}. */
    public static Money of(String amount, String currencyCode) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount == null ? "" : amount);
        } catch (NumberFormatException e) {
            throw InvalidArgumentException.of(
                    "amount", "NOT_A_NUMBER", "amount '" + amount + "' is not a decimal number");
        }
        return new Money(value, currency(currencyCode));
    }

    /** An amount rounded to the currency's scale with the given mode. */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        if (amount == null || currency == null || rounding == null) {
            throw new InvalidArgumentException("Money needs an amount, a currency and a rounding mode; was " + amount
                    + " " + currency + " " + rounding);
        }
        return new Money(amount.setScale(digits(currency), rounding), currency);
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The ISO 4217 currency with this code; a typed error for an unknown or pseudo currency. */
    public static Currency currency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentException.of(
                    "currency", "UNKNOWN_CURRENCY", "currency '" + code + "' is not an ISO 4217 code");
        }
        digits(currency);
        return currency;
    }

    private static int digits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw InvalidArgumentException.of(
                    "currency",
                    "UNKNOWN_CURRENCY",
                    "currency " + currency.getCurrencyCode() + " has no defined fraction digits");
        }
        return digits;
    }

    /** This amount plus {@code other}, which must be of the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount minus {@code other}, which must be of the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times a whole number (a quantity); exact. */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** This amount times a decimal factor (a tax rate, a share), rounded to the currency with {@code mode}. */
    public Money times(BigDecimal factor, RoundingMode mode) {
        return of(amount.multiply(factor), currency, mode);
    }

    /** This amount divided by a decimal divisor, rounded to the currency with {@code mode}. */
    public Money dividedBy(BigDecimal divisor, RoundingMode mode) {
        return new Money(amount.divide(divisor, digits(currency), mode), currency);
    }

    /** The negated amount. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether this amount has the same currency as {@code other}. */
    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** Compares amounts of the same currency; a different currency throws. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw InvalidArgumentException.of(
                    "currency",
                    "CURRENCY_MISMATCH",
                    "cannot combine " + this + " with " + other + ": currencies differ");
        }
    }

    /** For example {@code 199000 VND} or {@code 12.50 EUR}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
