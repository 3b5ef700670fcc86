package dev.omskit.routing.rule;

/**
 * Excludes whole locations: inactive, cannot ship, over capacity, too far, wrong country.
 *
 * @implSpec See {@link Filter}. {@link #admits} is called once per location per decision and must be cheap
 *     and allocation-free; {@link #reason} only when explaining an excluded location.
 */
public non-sealed interface LocationFilter extends Filter {
    boolean admits(RoutingContext context, int location);

    /** Why the location was excluded, naming the values (for example {@code 412 km > 300 km}). */
    String reason(RoutingContext context, int location);

    /**
     * Whether this filter reads what the line filters left ({@link RoutingContext#usableUnits}); such filters
     * run after every line filter. Default false.
     */
    default boolean afterLineFilters() {
        return false;
    }
}
