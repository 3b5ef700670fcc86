package dev.omskit.core.returns;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.Checks;

/**
 * Units of one order line to refund, and why (the reason decides the restocking fee and shipping).
 *
 * @param line the order line
 * @param units units to refund
 * @param reason why they came back
 */
public record RefundItem(LineId line, int units, ReturnReason reason) {
    public RefundItem {
        Checks.notNull("line", line);
        Checks.notNull("reason", reason);
        if (units < 0) {
            throw new InvalidArgumentException("refund units must not be negative; were " + units);
        }
    }
}
