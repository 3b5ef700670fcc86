package dev.omskit.core.inventory;

/** Where a {@link Transfer} is. */
public enum TransferStatus {
    /** Shipped from the source, not received at the destination yet. */
    IN_TRANSIT,
    /** Received; units that did not arrive were written off as lost. */
    RECEIVED
}
