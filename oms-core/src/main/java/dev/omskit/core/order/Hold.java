package dev.omskit.core.order;

import dev.omskit.core.model.Actor;
import dev.omskit.core.support.Checks;
import java.time.Instant;

/**
 * An active hold on an order: while any is active, allocation and release are refused (cancellation is
 * still allowed).
 *
 * @param type why the order is held; at most one active hold per type
 * @param reason the explanation given when the hold was placed
 * @param placedBy who placed it
 * @param placedAt when
 */
public record Hold(HoldType type, String reason, Actor placedBy, Instant placedAt) {
    public Hold {
        Checks.notNull("hold type", type);
        Checks.notNull("hold reason", reason);
        Checks.notNull("placedBy", placedBy);
        Checks.notNull("placedAt", placedAt);
    }

    @Override
    public String toString() {
        return type + " (" + reason + ")";
    }
}
