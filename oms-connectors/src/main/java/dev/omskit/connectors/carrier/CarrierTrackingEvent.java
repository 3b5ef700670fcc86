package dev.omskit.connectors.carrier;

import dev.omskit.connectors.carrier.RateRequest.CarrierChecks;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.shipment.TrackingUpdate;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One tracking event of a carrier, normalised to the core's {@link TrackingStatus} with the carrier's own
 * status code kept (for people and for mappings that change).
 *
 * @param trackingNumber the carrier's tracking number
 * @param status the normalised status
 * @param rawStatus the carrier's own code, e.g. {@code delivering} or {@code 501}
 * @param occurredAt when the carrier says it happened
 * @param description the carrier's words, e.g. {@code Delivered to the buyer}
 * @param failureReason why a delivery failed (for {@link TrackingStatus#DELIVERY_FAILED}), if said
 */
public record CarrierTrackingEvent(
        String trackingNumber,
        TrackingStatus status,
        String rawStatus,
        Instant occurredAt,
        String description,
        Optional<String> failureReason) {
    public CarrierTrackingEvent {
        Checks.id("trackingNumber", trackingNumber);
        Checks.notNull("status", status);
        CarrierChecks.text("rawStatus", rawStatus);
        Checks.notNull("occurredAt", occurredAt);
        Checks.notNull("description", description);
        Checks.notNull("failureReason", failureReason);
    }

    /**
     * The core tracking update of this event for {@code Shipping.applyTracking}.
     *
     * @param tenant the tenant whose shipment it is
     * @param carrier the carrier code as on the shipment (usually the connector's id)
     * @param actor who applies it, e.g. {@code Actor.system("carrier-sync")}
     */
    public TrackingUpdate toUpdate(TenantId tenant, String carrier, Actor actor) {
        return TrackingUpdate.builder()
                .tenant(tenant)
                .carrier(carrier)
                .trackingNumber(trackingNumber)
                .status(status)
                .occurredAt(occurredAt)
                .description(description)
                .failureReason(failureReason)
                .actor(actor)
                .build();
    }
}
