package dev.omskit.core.inventory;

/** Why a {@link Backorder} waits for stock. */
public enum BackorderKind {
    /** The SKU ran short and allows backorders. */
    BACKORDER,
    /** The SKU is sold before it arrives, against expected supply. */
    PREORDER
}
