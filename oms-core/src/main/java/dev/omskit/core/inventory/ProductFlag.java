package dev.omskit.core.inventory;

/** Flags of a {@link Product} that change how orders for it are handled. */
public enum ProductFlag {
    /** A short line may be backordered instead of refused. */
    BACKORDERABLE,
    /** May be sold before stock arrives, against expected supply. */
    PREORDERABLE,
    /** Dangerous goods: carriers and locations may refuse it. */
    HAZARDOUS,
    /** Bulky or fragile: needs special handling. */
    SPECIAL_HANDLING,
    /** May be returned under the return policy. */
    RETURNABLE,
    /** Only the dropship vendor ships it. */
    DROPSHIP_ONLY
}
