package dev.omskit.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a reservation: the reservation, or the shortfalls that refused it (an expected business
 * outcome, not an exception). A refused reservation took nothing.
 *
 * @param reservation the reservation made, when it succeeded
 * @param shortfalls why it was refused, one per short SKU and location; empty when it succeeded
 */
public record ReserveResult(Optional<Reservation> reservation, List<Shortfall> shortfalls) {
    public ReserveResult {
        shortfalls = List.copyOf(shortfalls);
        if (reservation.isPresent() == !shortfalls.isEmpty()) {
            throw new IllegalArgumentException("a result has a reservation or shortfalls, not both or neither");
        }
    }

    public static ReserveResult reserved(Reservation reservation) {
        return new ReserveResult(Optional.of(reservation), List.of());
    }

    public static ReserveResult refused(List<Shortfall> shortfalls) {
        return new ReserveResult(Optional.empty(), shortfalls);
    }

    public boolean isReserved() {
        return reservation.isPresent();
    }

    @Override
    public String toString() {
        return reservation.map(r -> "reserved " + r.id()).orElseGet(() -> "refused: " + shortfalls);
    }
}
