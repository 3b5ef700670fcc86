package dev.omskit.core.inventory;

import dev.omskit.core.support.Checks;

/**
 * The id of a {@link Reservation}, unique within a tenant.
 *
 * @param value the identifier, validated like every id
 */
public record ReservationId(String value) implements Comparable<ReservationId> {
    public ReservationId {
        Checks.id("reservation id", value);
    }

    public static ReservationId of(String value) {
        return new ReservationId(value);
    }

    @Override
    public int compareTo(ReservationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
