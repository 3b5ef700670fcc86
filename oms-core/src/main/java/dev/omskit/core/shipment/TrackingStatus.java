package dev.omskit.core.shipment;

import dev.omskit.core.lifecycle.State;

/**
 * A carrier's tracking status, normalised: a connector maps its carrier's codes (GHN, GHTK, Viettel Post
 * ...) to these. Each names the shipment state it leads to.
 */
public enum TrackingStatus {
    /** The carrier collected the parcel. */
    PICKED_UP(ShipmentLifecycle.HANDED_OVER),
    IN_TRANSIT(ShipmentLifecycle.IN_TRANSIT),
    OUT_FOR_DELIVERY(ShipmentLifecycle.OUT_FOR_DELIVERY),
    DELIVERED(ShipmentLifecycle.DELIVERED),
    /** An attempt failed (nobody home, refused, wrong address); the carrier may try again. */
    DELIVERY_FAILED(ShipmentLifecycle.DELIVERY_FAILED),
    /** On its way back to the origin. */
    RETURNING(ShipmentLifecycle.RETURNING),
    RETURNED_TO_SENDER(ShipmentLifecycle.RETURNED_TO_SENDER);

    private final State state;

    TrackingStatus(State state) {
        this.state = state;
    }

    /** The shipment state this status means. */
    public State state() {
        return state;
    }
}
