package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import dev.omskit.routing.rule.Filter;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A named set of routing rules: filters (in order; the first that excludes a candidate is the one
 * explained), rankers and how they combine, the strategy, what happens when the request cannot be met in
 * full, the split limits, and daily capacities per location. Built in Java or loaded as data with {@link
 * ProfileLoader}.
 */
@Value.Immutable
@OmsStyle
public abstract class RoutingProfile {
    public abstract String name();

    public abstract List<Filter> filters();

    public abstract List<RankStep> rankers();

    @Value.Default
    public Scoring scoring() {
        return Scoring.LEXICOGRAPHIC;
    }

    @Value.Default
    public Strategy strategy() {
        return Strategy.MINIMISE_SHIPMENTS;
    }

    @Value.Default
    public Fulfilment fulfilment() {
        return Fulfilment.SHIP_AVAILABLE;
    }

    /** The most shipments (locations) one request may be split into; 1 or more. */
    @Value.Default
    public int maxShipments() {
        return 3;
    }

    /** Whether one line's units may come from more than one location when no single location has them all. */
    @Value.Default
    public boolean splitLines() {
        return true;
    }

    /** Nodes the exact search may visit before the greedy fallback takes over. */
    @Value.Default
    public int searchBudget() {
        return 20_000;
    }

    /**
     * Daily capacity per location: units override the location's own {@code dailyCapacityUnits} (which
     * applies when the entry gives packages only); packages are only limited here.
     */
    public abstract Map<LocationId, DailyCapacity> capacity();

    /**
     * The profile core would route with if it had rules: active locations that ship, with capacity and stock,
     * SKU restrictions, ranked by priority then distance; fewest shipments, ship what is available.
     */
    public static RoutingProfile defaults() {
        return builder()
                .name("default")
                .addFilters(
                        Filters.active(),
                        Filters.delivery(),
                        Filters.capacity(),
                        Filters.skuRestrictions(),
                        Filters.hasStock())
                .addRankers(RankStep.of(Rankers.priority()), RankStep.of(Rankers.distance()))
                .build();
    }

    @Value.Check
    void check() {
        String field = "profiles[" + name() + "]";
        if (name().isBlank()) {
            throw InvalidArgumentException.of("profiles.name", "BLANK", "a routing profile needs a name");
        }
        if (maxShipments() < 1) {
            throw InvalidArgumentException.of(
                    field + ".maxShipments",
                    "OUT_OF_RANGE",
                    "profile '" + name() + "' maxShipments must be 1 or more; was " + maxShipments());
        }
        if (searchBudget() < 0) {
            throw InvalidArgumentException.of(
                    field + ".searchBudget",
                    "NEGATIVE",
                    "profile '" + name() + "' searchBudget may not be negative; was " + searchBudget());
        }
        if (scoring() == Scoring.WEIGHTED
                && !rankers().isEmpty()
                && rankers().stream().allMatch(r -> r.weight() == 0)) {
            throw InvalidArgumentException.of(
                    field + ".rankers",
                    "ALL_ZERO_WEIGHTS",
                    "profile '" + name() + "' scores by weight but every ranker weighs 0");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoutingProfile}. */
    public static class Builder extends ImmutableRoutingProfile.Builder {}
}
