package dev.omskit.core.inventory;

/** Why stock moved, as recorded on each {@link LedgerEntry}. */
public enum MovementKind {
    /** Good units received (from a supplier, a return) and put on hand. */
    RECEIPT,
    /** Damaged units received and put in quarantine, with a reason. */
    RECEIPT_DAMAGED,
    /** A correction by hand, with a reason. */
    ADJUSTMENT,
    /** Units moved from on hand into quarantine (found damaged). */
    QUARANTINE,
    /** Units moved back from quarantine to on hand. */
    QUARANTINE_RELEASE,
    /** Quarantined units written off (scrapped, sent back to the supplier). */
    WRITE_OFF,
    /** Units left a location on a transfer. */
    TRANSFER_OUT,
    /** Units of a transfer now in transit towards this location. */
    TRANSFER_IN_TRANSIT,
    /** Units of a transfer arrived and were put on hand. */
    TRANSFER_IN,
    /** Units of a transfer that never arrived. */
    TRANSFER_LOSS,
    /** The difference a stock count found between counted and system quantities. */
    COUNT,
    /** Reserved units left with a shipment. */
    SHIPMENT,
    /**
     * A correction of the counters towards the ledger made by the repair tool. It moves no stock, so it is
     * not part of the ledger's sums.
     */
    REPAIR
}
