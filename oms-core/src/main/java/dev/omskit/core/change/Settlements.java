package dev.omskit.core.change;

import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentLedger;
import java.util.Optional;

/**
 * How a change of an order's totals turns into money to settle, the same way for every change.
 *
 * <p>The difference is a function of the order after the change alone (what it now costs against what
 * was paid), so a change applied twice, or replayed from its idempotency key, names the same difference.
 *
 * <ul>
 *   <li>Cash on delivery not yet collected, or nothing paid yet: nothing to settle; the courier collects,
 *       or the buyer pays, the new total ({@code totals().cashOnDelivery()}).
 *   <li>Money captured: the new total against what was captured and not refunded (positive: capture
 *       more; negative: refund the excess).
 *   <li>Only authorised: the new total against the authorisation (positive: authorise more; negative:
 *       capture less than authorised).
 * </ul>
 */
public final class Settlements {
    private Settlements() {}

    /** The signed amount to settle for an order as it is after a change, and why; empty when zero. */
    public static Optional<PaymentDifference.Part> forTotals(Order after) {
        PaymentLedger paid = after.payments();
        Money total = after.totals().total();
        if (paid.captured().isPositive()) {
            Money delta = total.minus(paid.refundable());
            return part(delta, "order total " + total + " against " + paid.refundable() + " paid");
        }
        if (paid.authorized().isPositive()) {
            Money delta = total.minus(paid.authorized());
            return part(delta, "order total " + total + " against " + paid.authorized() + " authorised");
        }
        return Optional.empty();
    }

    private static Optional<PaymentDifference.Part> part(Money amount, String reason) {
        return amount.isZero() ? Optional.empty() : Optional.of(new PaymentDifference.Part(amount, reason));
    }
}
