package dev.omskit.core.inventory;

/**
 * Where a {@link Reservation} is. {@code HELD} and {@code CONFIRMED} hold stock; the others have released
 * or consumed all of it.
 */
public enum ReservationStatus {
    /** A hold that expires at {@link Reservation#expiresAt()} unless confirmed (an unpaid order, a cart). */
    HELD,
    /** An allocation: held until consumed by a shipment or released. */
    CONFIRMED,
    /** Every unit was released before being consumed. */
    RELEASED,
    /** The hold expired and its units were released by the sweep. */
    EXPIRED,
    /** Every unit was consumed (shipped) or released, at least one consumed. */
    FULFILLED;

    /** Whether a reservation in this status still holds stock. */
    public boolean isOpen() {
        return this == HELD || this == CONFIRMED;
    }
}
