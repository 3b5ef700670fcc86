package dev.omskit.core.returns;

import dev.omskit.core.model.LineId;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * How the inspection found the received units of one line.
 *
 * @param line the order line
 * @param good units restocked
 * @param damaged units quarantined
 * @param damageReason why they were quarantined; required when {@code damaged > 0}
 */
public record InspectionLine(LineId line, int good, int damaged, Optional<String> damageReason) {
    public InspectionLine {
        Checks.notNull("line", line);
        Checks.notNull("damageReason", damageReason);
    }

    /** Every unit good. */
    public static InspectionLine good(LineId line, int units) {
        return new InspectionLine(line, units, 0, Optional.empty());
    }

    /** Good and damaged units. */
    public static InspectionLine of(LineId line, int good, int damaged, String damageReason) {
        return new InspectionLine(line, good, damaged, Optional.ofNullable(damageReason));
    }
}
