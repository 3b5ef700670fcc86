package dev.omskit.core.returns;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * One order line of a return: units requested and why, then units received and how the inspection
 * split them (good units restocked, damaged units quarantined with the reason).
 *
 * @param line the order line
 * @param units units requested
 * @param reason why
 * @param note the buyer's words, if any
 * @param received units received (0 until received; at most {@code units})
 * @param restocked units found good and put back on hand
 * @param quarantined units found damaged and quarantined
 * @param damageReason why units were quarantined
 */
public record ReturnLine(
        LineId line,
        int units,
        ReturnReason reason,
        Optional<String> note,
        int received,
        int restocked,
        int quarantined,
        Optional<String> damageReason) {
    public ReturnLine {
        Checks.notNull("line", line);
        Checks.notNull("reason", reason);
        Checks.notNull("note", note);
        Checks.notNull("damageReason", damageReason);
        if (units <= 0
                || received < 0
                || received > units
                || restocked < 0
                || quarantined < 0
                || restocked + quarantined > received) {
            throw new InvalidArgumentException("return line " + line + ": inconsistent units (requested " + units
                    + ", received " + received + ", restocked " + restocked + ", quarantined " + quarantined + ")");
        }
    }

    /** A requested line, nothing received yet. */
    public static ReturnLine requested(LineId line, int units, ReturnReason reason, Optional<String> note) {
        return new ReturnLine(line, units, reason, note, 0, 0, 0, Optional.empty());
    }

    /** This line with {@code received} units received. */
    public ReturnLine withReceived(int received) {
        return new ReturnLine(line, units, reason, note, received, 0, 0, Optional.empty());
    }

    /** This line after inspection. */
    public ReturnLine withInspection(int good, int damaged, Optional<String> why) {
        return new ReturnLine(line, units, reason, note, received, good, damaged, why);
    }

    /** The line with the buyer's note masked ({@code ***}): free text may hold personal data. */
    @Override
    public String toString() {
        return "ReturnLine[line=" + line + ", units=" + units + ", reason=" + reason + ", note="
                + note.map(n -> "***") + ", received=" + received + ", restocked=" + restocked + ", quarantined="
                + quarantined + ", damageReason=" + damageReason + "]";
    }
}
