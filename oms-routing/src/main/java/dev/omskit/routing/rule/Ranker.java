package dev.omskit.routing.rule;

/**
 * Scores candidate locations; lower is better. In a lexicographic chain later rankers only break the ties
 * of earlier ones; in weighted scoring every ranker's cost is normalised to [0, 1] over the candidates and
 * weighed.
 *
 * @implSpec Immutable, thread-safe and pure. {@link #cost} is called once per candidate per decision and
 *     should not allocate; a cost that cannot be known (no geo point) is {@link Double#POSITIVE_INFINITY}.
 *     {@link #describe} is called only when an explanation is rendered.
 */
public interface Ranker {
    /** The ranker's name as written in profiles, for example {@code distance}. */
    String name();

    double cost(RoutingContext context, int location);

    /** The cost in words, for example {@code 12.4 km} or {@code priority 2}. */
    String describe(RoutingContext context, int location, double cost);
}
