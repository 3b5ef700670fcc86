package dev.omskit.core.shipment;

/**
 * What a tracking update did.
 *
 * @param outcome applied, or why it was ignored
 * @param shipment the shipment after the update (as it is when ignored)
 */
public record TrackingResult(Outcome outcome, Shipment shipment) {
    /** Applied or ignored, never an error. */
    public enum Outcome {
        /** The shipment moved (possibly through intermediate states the carrier did not report). */
        APPLIED,
        /** The shipment is already there: a repeated webhook or poll. */
        DUPLICATE,
        /** Older than the latest event applied, or behind the shipment's state (in transit after delivered). */
        OUT_OF_ORDER
    }

    /** Whether the shipment moved. */
    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
