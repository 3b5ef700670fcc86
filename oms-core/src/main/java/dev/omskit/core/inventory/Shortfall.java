package dev.omskit.core.inventory;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;

/**
 * Why stock could not be taken from one cell: {@code requested} units were needed, {@code available} were
 * there.
 *
 * @param sku the SKU
 * @param location the location
 * @param bucket which count was short: {@code available}, {@code quarantined} or {@code inTransit}
 * @param requested units needed
 * @param available units there when the commit ran
 */
public record Shortfall(Sku sku, LocationId location, String bucket, int requested, int available) {
    @Override
    public String toString() {
        return sku + "@" + location + ": " + requested + " needed, " + available + " " + bucket;
    }
}
