package dev.omskit.routing.promise;

/** How fast a carrier service is sold as; shown at checkout and used by hosts to group options. */
public enum ServiceLevel {
    /** Delivered the day it ships (within a city). */
    SAME_DAY,
    /** Fast, priced above economy. */
    EXPRESS,
    /** Slower and cheaper. */
    ECONOMY
}
