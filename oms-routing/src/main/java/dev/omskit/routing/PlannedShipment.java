package dev.omskit.routing;

import dev.omskit.core.model.LocationId;
import java.util.List;

/**
 * What one location ships for a decision: one package.
 *
 * @param location the location
 * @param assignments the units it supplies
 */
public record PlannedShipment(LocationId location, List<Assignment> assignments) {
    public PlannedShipment {
        assignments = List.copyOf(assignments);
    }

    /** Units in this shipment. */
    public int units() {
        return Assignment.totalUnits(assignments);
    }
}
