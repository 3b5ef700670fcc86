package dev.omskit.core.inventory;

/** What a {@link Location} can do. */
public enum LocationCapability {
    /** Ships parcels to customers. */
    SHIPS,
    /** Hands orders over to customers who collect them (click and collect). */
    PICKUP,
    /** Accepts returned goods. */
    ACCEPTS_RETURNS
}
