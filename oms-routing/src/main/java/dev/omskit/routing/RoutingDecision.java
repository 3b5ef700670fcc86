package dev.omskit.routing;

import dev.omskit.core.model.LocationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a request's units come from: the assignments (grouped into one shipment per location), what
 * could not be assigned and why, and an {@link Explanation} of every location's fate.
 *
 * <p>Immutable. The explanation is rendered on first use, so a decision nobody asks about costs little.
 */
public final class RoutingDecision {
    private final RoutingRequest request;
    private final String profile;
    private final List<Assignment> assignments;
    private final Map<String, Integer> unfulfilled;
    private final List<String> reasons;
    private final Supplier<Explanation> explanation;
    private volatile Explanation rendered;

    RoutingDecision(
            RoutingRequest request,
            String profile,
            List<Assignment> assignments,
            Map<String, Integer> unfulfilled,
            List<String> reasons,
            Supplier<Explanation> explanation) {
        this.request = request;
        this.profile = profile;
        this.assignments = List.copyOf(assignments);
        this.unfulfilled = Map.copyOf(unfulfilled);
        this.reasons = List.copyOf(reasons);
        this.explanation = explanation;
    }

    public RoutingRequest request() {
        return request;
    }

    /** The name of the profile that decided. */
    public String profile() {
        return profile;
    }

    /** Every assignment, by shipment then line order. */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** One shipment per location, in the order the locations were chosen. */
    public List<PlannedShipment> shipments() {
        Map<LocationId, List<Assignment>> by = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            by.computeIfAbsent(a.location(), l -> new ArrayList<>()).add(a);
        }
        List<PlannedShipment> out = new ArrayList<>(by.size());
        by.forEach((l, as) -> out.add(new PlannedShipment(l, as)));
        return out;
    }

    /** How many locations ship. */
    public int shipmentCount() {
        return (int) assignments.stream().map(Assignment::location).distinct().count();
    }

    /** Units not assigned per line ref; empty when the request is met in full. */
    public Map<String, Integer> unfulfilled() {
        return unfulfilled;
    }

    /** One sentence per line not met in full, naming the line, the SKU and why. */
    public List<String> unfulfilledReasons() {
        return reasons;
    }

    public boolean isComplete() {
        return unfulfilled.isEmpty();
    }

    /** Units assigned to this line in total. */
    public int assignedUnits(String line) {
        int n = 0;
        for (Assignment a : assignments) {
            if (a.line().equals(line)) {
                n += a.units();
            }
        }
        return n;
    }

    /** Why every location was excluded, ranked or chosen, and why the request was split. */
    public Explanation explanation() {
        Explanation e = rendered;
        if (e == null) {
            e = explanation.get();
            rendered = e;
        }
        return e;
    }

    @Override
    public String toString() {
        return "RoutingDecision{" + request.reference() + " by '" + profile + "': " + assignments
                + (unfulfilled.isEmpty() ? "" : ", unfulfilled=" + unfulfilled) + "}";
    }
}
