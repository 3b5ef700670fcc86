package dev.omskit.core.returns;

import dev.omskit.core.model.LineId;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * Units of one order line asked back.
 *
 * @param line the order line
 * @param units how many
 * @param reason why
 * @param note the buyer's words, if any
 */
public record ReturnItem(LineId line, int units, ReturnReason reason, Optional<String> note) {
    public ReturnItem {
        Checks.notNull("line", line);
        Checks.notNull("reason", reason);
        Checks.notNull("note", note);
    }

    /** Units of a line for a reason, without a note. */
    public static ReturnItem of(LineId line, int units, ReturnReason reason) {
        return new ReturnItem(line, units, reason, Optional.empty());
    }

    /** The item with the buyer's note masked ({@code ***}): free text may hold personal data. */
    @Override
    public String toString() {
        return "ReturnItem[line=" + line + ", units=" + units + ", reason=" + reason + ", note=" + note.map(n -> "***")
                + "]";
    }
}
