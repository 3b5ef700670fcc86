package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * The identifier of a line within its order (the channel's line id, or `L1`, `L2`... when the channel has none).
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record LineId(String value) implements Comparable<LineId> {
    public LineId {
        Checks.id("line id", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static LineId of(String value) {
        return new LineId(value);
    }

    @Override
    public int compareTo(LineId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
