package dev.omskit.routing.rule;

/**
 * Excludes one line at one location while the location stays a candidate for the other lines: hazardous
 * goods not in stores, dropship-only SKUs only at their vendor, personalised items only where they are made.
 *
 * @implSpec See {@link Filter}. {@link #appliesTo} is asked once per line; only for lines it applies to is
 *     {@link #allows} asked per location, so a rule that concerns few lines costs nothing for the others.
 */
public non-sealed interface LineFilter extends Filter {
    /** Whether this rule restricts the line at all. */
    boolean appliesTo(RoutingContext context, int line);

    boolean allows(RoutingContext context, int line, int location);

    /** Why the line may not come from the location. */
    String reason(RoutingContext context, int line, int location);

    /**
     * Work instructions for the location that supplies this line under this rule (for example what to
     * engrave), or null. Default none.
     */
    default String workInstructions(RoutingContext context, int line) {
        return null;
    }
}
