package dev.omskit.routing.profile;

/** What a decision does when the request cannot be met in full within the profile's limits. */
public enum Fulfilment {
    /** Nothing is assigned unless everything can be: the whole request waits (backorder or rejection). */
    SHIP_COMPLETE,
    /** Ship what is available now; the rest is reported as unfulfilled (to be backordered). */
    SHIP_AVAILABLE
}
