package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;

/**
 * One line of a {@link Reservation}: units of a SKU held at a location for the holder's line {@code ref}.
 *
 * @param ref the holder's name for the line (an order line id, a cart line), unique in the reservation
 * @param sku the SKU held (for a kit, one of its components)
 * @param location where the units are held
 * @param quantity units reserved in the first place
 * @param consumed units consumed by shipments
 * @param released units given back
 */
public record ReservationLine(String ref, Sku sku, LocationId location, int quantity, int consumed, int released) {
    public ReservationLine {
        Checks.id("reservation line ref", ref);
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
        if (quantity <= 0 || consumed < 0 || released < 0 || consumed + released > quantity) {
            throw new InvalidArgumentException("reservation line '" + ref + "': quantity " + quantity + ", consumed "
                    + consumed + ", released " + released + " do not add up");
        }
    }

    /** A fresh line holding {@code quantity} units. */
    public static ReservationLine of(String ref, Sku sku, LocationId location, int quantity) {
        return new ReservationLine(ref, sku, location, quantity, 0, 0);
    }

    /** Units still held. */
    public int open() {
        return quantity - consumed - released;
    }

    ReservationLine consume(int units) {
        return new ReservationLine(ref, sku, location, quantity, consumed + units, released);
    }

    ReservationLine release(int units) {
        return new ReservationLine(ref, sku, location, quantity, consumed, released + units);
    }

    @Override
    public String toString() {
        return ref + ":" + quantity + "x" + sku + "@" + location + (open() == quantity ? "" : " open " + open());
    }
}
