package dev.omskit.core.spi;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;

/**
 * Deltas to the counters of one stock cell (a SKU at a location), part of a {@link StockCommit}.
 *
 * @param sku the SKU
 * @param location the location
 * @param onHand added to on hand (negative removes)
 * @param reserved added to reserved
 * @param quarantined added to quarantined
 * @param inTransit added to in transit
 */
public record CellChange(Sku sku, LocationId location, int onHand, int reserved, int quarantined, int inTransit) {
    public CellChange {
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
    }

    /** Reserve {@code units}: reserved grows, so available shrinks. */
    public static CellChange reserve(Sku sku, LocationId location, int units) {
        return new CellChange(sku, location, 0, units, 0, 0);
    }
}
