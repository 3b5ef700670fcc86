package dev.omskit.routing.profile;

/** How a profile chooses among the candidates. */
public enum Strategy {
    /** Everything from one location; when none has every line, the fulfilment policy decides. */
    SINGLE_LOCATION,
    /**
     * As few shipments as possible: an exact search under the profile's budget, greedy above it; ties go to
     * the better-ranked locations.
     */
    MINIMISE_SHIPMENTS
}
