package dev.omskit.connectors.fulfilment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * Which confirmations to poll.
 *
 * @param cursor the {@link ConfirmationPage#nextCursor()} of the last page applied; empty from the start
 * @param limit at most this many confirmations, 1 to 1000
 */
public record ConfirmationsQuery(Optional<String> cursor, int limit) {
    public ConfirmationsQuery {
        Checks.notNull("cursor", cursor);
        if (limit < 1 || limit > 1000) {
            throw InvalidArgumentException.of("limit", "OUT_OF_RANGE", "limit must be 1 to 1000; was " + limit);
        }
    }

    /** From the start. */
    public static ConfirmationsQuery first(int limit) {
        return new ConfirmationsQuery(Optional.empty(), limit);
    }

    /** After {@code cursor}. */
    public static ConfirmationsQuery after(String cursor, int limit) {
        return new ConfirmationsQuery(Optional.of(cursor), limit);
    }
}
