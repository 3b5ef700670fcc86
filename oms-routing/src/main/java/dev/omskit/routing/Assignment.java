package dev.omskit.routing;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import java.util.Optional;

/**
 * Units of one line assigned to one location.
 *
 * @param line the line's ref
 * @param sku the line's SKU
 * @param location where the units come from
 * @param units how many, positive
 * @param workInstructions what the location must do besides picking (engraving, ...), when a policy says
 */
public record Assignment(String line, Sku sku, LocationId location, int units, Optional<String> workInstructions) {
    /** The units of these assignments together. */
    public static int totalUnits(java.util.Collection<Assignment> assignments) {
        int n = 0;
        for (Assignment a : assignments) {
            n += a.units();
        }
        return n;
    }

    @Override
    public String toString() {
        return units + "x" + sku + " (" + line + ")@" + location
                + workInstructions.map(w -> " [" + w + "]").orElse("");
    }
}
