package dev.omskit.connectors.supplier;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * Which advance shipping notices to poll.
 *
 * @param cursor the {@link AsnPage#nextCursor()} of the last page applied; empty from the start
 * @param limit at most this many notices, 1 to 1000
 */
public record AsnQuery(Optional<String> cursor, int limit) {
    public AsnQuery {
        Checks.notNull("cursor", cursor);
        if (limit < 1 || limit > 1000) {
            throw InvalidArgumentException.of("limit", "OUT_OF_RANGE", "limit must be 1 to 1000; was " + limit);
        }
    }

    /** From the start. */
    public static AsnQuery first(int limit) {
        return new AsnQuery(Optional.empty(), limit);
    }

    /** After {@code cursor}. */
    public static AsnQuery after(String cursor, int limit) {
        return new AsnQuery(Optional.of(cursor), limit);
    }
}
