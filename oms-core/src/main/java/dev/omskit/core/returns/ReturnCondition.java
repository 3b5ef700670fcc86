package dev.omskit.core.returns;

/** The condition returned units must be in to be refunded in full. */
public enum ReturnCondition {
    /** Any condition. */
    ANY,
    /**
     * Unused, with tags: units the inspection quarantines as damaged are not refunded unless the return's
     * reason is the seller's fault.
     */
    UNUSED_WITH_TAGS
}
