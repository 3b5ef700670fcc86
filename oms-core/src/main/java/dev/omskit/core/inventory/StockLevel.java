package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;

/**
 * The stock of one SKU at one location, as maintained counters (never summed over the ledger).
 *
 * <p>Invariants, kept by every store: every count is non-negative and {@code reserved <= onHand}, so
 * {@code onHand = available + reserved} exactly. Quarantined (damaged) and in-transit units are not on hand.
 *
 * @param sku the SKU
 * @param location the location
 * @param onHand sellable units physically at the location, reserved ones included
 * @param reserved units on hand held by reservations (holds and allocations)
 * @param quarantined damaged or blocked units, not sellable
 * @param inTransit units shipped by a transfer towards this location and not received yet
 * @param safetyStock units kept back from every channel's available-to-sell at this location
 */
public record StockLevel(
        Sku sku, LocationId location, int onHand, int reserved, int quarantined, int inTransit, int safetyStock) {
    public StockLevel {
        if (onHand < 0 || reserved < 0 || quarantined < 0 || inTransit < 0 || safetyStock < 0 || reserved > onHand) {
            throw new InvalidArgumentException("stock of '" + sku + "' at '" + location
                    + "' breaks its invariants: on hand " + onHand + ", reserved " + reserved + ", quarantined "
                    + quarantined + ", in transit " + inTransit + ", safety " + safetyStock);
        }
    }

    /** A location that never held the SKU. */
    public static StockLevel empty(Sku sku, LocationId location) {
        return new StockLevel(sku, location, 0, 0, 0, 0, 0);
    }

    /** Units on hand not reserved: what a new reservation can take. */
    public int available() {
        return onHand - reserved;
    }

    /** Units a channel may sell from here: available minus safety stock, never negative. */
    public int sellable() {
        return Math.max(0, available() - safetyStock);
    }

    @Override
    public String toString() {
        return sku + "@" + location + "{onHand=" + onHand + ", reserved=" + reserved + ", available=" + available()
                + ", quarantined=" + quarantined + ", inTransit=" + inTransit + ", safety=" + safetyStock + "}";
    }
}
