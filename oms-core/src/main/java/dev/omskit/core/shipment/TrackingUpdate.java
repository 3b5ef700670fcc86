package dev.omskit.core.shipment;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A carrier's tracking event (from a webhook or a poll), found by carrier and tracking number. */
@Value.Immutable
@OmsStyle
public abstract class TrackingUpdate {
    public abstract TenantId tenant();

    /** The carrier's code, as on the shipment. */
    public abstract String carrier();

    public abstract String trackingNumber();

    public abstract TrackingStatus status();

    /** When the carrier says it happened. */
    public abstract Instant occurredAt();

    /** The carrier's words, e.g. {@code Delivered to the buyer}. */
    public abstract String description();

    /** Why a delivery failed (for {@link TrackingStatus#DELIVERY_FAILED}). */
    public abstract Optional<String> failureReason();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrackingUpdate}. */
    public static class Builder extends ImmutableTrackingUpdate.Builder {}
}
