package dev.omskit.core.change;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The money a change leaves to settle with the buyer: positive when the buyer pays more (capture more,
 * or more cash to collect at the door), negative when the merchant gives money back (a refund), zero when
 * nothing moves. Each part names why, in the order the change produced them.
 *
 * @param amount the signed sum of the parts
 * @param parts what makes up the amount
 */
public record PaymentDifference(Money amount, List<Part> parts) {
    /**
     * One reason money moves.
     *
     * @param amount signed as in {@link PaymentDifference}
     * @param reason for people, e.g. {@code refund of return rma-1}
     */
    public record Part(Money amount, String reason) {
        public Part {
            Checks.notNull("amount", amount);
            Checks.notNull("reason", reason);
        }
    }

    public PaymentDifference {
        Checks.notNull("amount", amount);
        parts = List.copyOf(parts);
        Money sum = Money.zero(amount.currency());
        for (Part p : parts) {
            sum = sum.plus(p.amount());
        }
        if (sum.compareTo(amount) != 0) {
            throw new InvalidArgumentException("a payment difference of " + amount + " has parts summing to " + sum);
        }
    }

    /** Nothing to settle. */
    public static PaymentDifference none(Currency currency) {
        return new PaymentDifference(Money.zero(currency), List.of());
    }

    /** This difference and one more part. */
    public PaymentDifference plus(Money signedAmount, String reason) {
        if (signedAmount.isZero()) {
            return this;
        }
        List<Part> next = new ArrayList<>(parts);
        next.add(new Part(signedAmount, reason));
        return new PaymentDifference(amount.plus(signedAmount), next);
    }

    /** Whether the merchant owes the buyer money. */
    public boolean isRefund() {
        return amount.isNegative();
    }

    /** Whether the buyer owes more. */
    public boolean isCharge() {
        return amount.isPositive();
    }

    /** Whether nothing moves. */
    public boolean isZero() {
        return amount.isZero();
    }

    /** For example {@code refund 120000 VND (refund of return rma-1)}. */
    @Override
    public String toString() {
        if (amount.isZero()) {
            return "nothing to settle";
        }
        return (isRefund() ? "refund " + amount.negate() : "charge " + amount) + " ("
                + String.join("; ", parts.stream().map(Part::reason).toList()) + ")";
    }
}
