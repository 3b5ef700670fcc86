package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One movement of one SKU at one location, as it enters the ledger: the deltas it made to the counters,
 * its cause, who and when.
 *
 * @param sku the SKU
 * @param location the location
 * @param kind why stock moved
 * @param onHand change of on-hand units
 * @param reserved change of reserved units (shipments consume reserved units; repairs may correct it)
 * @param quarantined change of quarantined units
 * @param inTransit change of in-transit units
 * @param cause what caused it, e.g. {@code po:PO-7}, {@code order:o-42}, {@code transfer:t-3}, {@code count}
 * @param reason a note for people (required for adjustments and damage)
 * @param actor who did it
 * @param at when
 */
public record Movement(
        Sku sku,
        LocationId location,
        MovementKind kind,
        int onHand,
        int reserved,
        int quarantined,
        int inTransit,
        String cause,
        Optional<String> reason,
        Actor actor,
        Instant at) {
    public Movement {
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
        Checks.notNull("kind", kind);
        Checks.notNull("cause", cause);
        Checks.notNull("reason", reason);
        Checks.notNull("actor", actor);
        Checks.notNull("at", at);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.name())
                .append(' ')
                .append(sku)
                .append('@')
                .append(location);
        append(sb, "onHand", onHand);
        append(sb, "reserved", reserved);
        append(sb, "quarantined", quarantined);
        append(sb, "inTransit", inTransit);
        sb.append(" (")
                .append(cause)
                .append(reason.map(r -> ": " + r).orElse(""))
                .append(") by ")
                .append(actor);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, int delta) {
        if (delta != 0) {
            sb.append(' ').append(name).append(delta > 0 ? "+" : "").append(delta);
        }
    }
}
