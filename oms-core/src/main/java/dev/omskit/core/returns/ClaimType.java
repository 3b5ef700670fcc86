package dev.omskit.core.returns;

/** What a delivery claim is about. */
public enum ClaimType {
    /** Units were not in the parcel. */
    MISSING_ITEM,
    /** Other units than ordered were delivered. */
    WRONG_ITEM,
    /** Units arrived damaged. */
    DAMAGED_ITEM
}
