package dev.omskit.core.returns;

import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import java.util.Map;

/**
 * What a refund comes to, part by part: {@code total = sum(lineAmounts) + shipping - restockingFee}.
 *
 * @param units units refunded per line
 * @param lineAmounts the prorated charged amount per line (VAT and discount included)
 * @param shipping the shipping fee given back (zero when the policy keeps it)
 * @param restockingFee the fee kept (zero when none or waived)
 * @param total what goes back to the buyer
 */
public record RefundQuote(
        Map<LineId, Integer> units, Map<LineId, Money> lineAmounts, Money shipping, Money restockingFee, Money total) {
    public RefundQuote {
        units = Checks.orderedCopy("units", units);
        lineAmounts = Checks.orderedCopy("lineAmounts", lineAmounts);
        Checks.notNull("shipping", shipping);
        Checks.notNull("restockingFee", restockingFee);
        Checks.notNull("total", total);
    }

    /** Whether the shipping fee is given back. */
    public boolean shippingRefunded() {
        return shipping.isPositive();
    }

    /** The line amounts before shipping and fee. */
    public Money linesTotal() {
        return total.minus(shipping).plus(restockingFee);
    }
}
