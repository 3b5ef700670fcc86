package dev.omskit.core.shipment;

/** Where a shipment's cash on delivery stands. */
public enum CodStatus {
    /** Nothing to collect (a prepaid order, or nothing due). */
    NONE,
    /** To be collected and remitted by the carrier. */
    PENDING,
    /** Remitted in full, exactly the amount due. */
    MATCHED,
    /** Remitted, but not the amount due: the signed difference waits for a resolution. */
    MISMATCHED,
    /** A mismatch accepted with a reason: the remitted amount stands. */
    RESOLVED
}
