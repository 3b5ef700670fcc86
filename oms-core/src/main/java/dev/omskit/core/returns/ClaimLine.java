package dev.omskit.core.returns;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.Checks;

/**
 * Units of one delivered order line a claim is about.
 *
 * @param line the order line
 * @param units how many units
 * @param type what is wrong
 */
public record ClaimLine(LineId line, int units, ClaimType type) {
    public ClaimLine {
        Checks.notNull("line", line);
        Checks.notNull("type", type);
        if (units <= 0) {
            throw InvalidArgumentException.of(
                    "units", "NOT_POSITIVE", "a claim line needs at least one unit; was " + units);
        }
    }
}
