package dev.omskit.connectors.carrier;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.webhook.WebhookHandler;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A parcel carrier (GHN, Viettel Post, GHTK ...): quotes rates, books shipments and returns their tracking
 * number and label, cancels them before pick-up, reports tracking events and remits cash on delivery.
 *
 * <p>Its values map to the core directly: a {@link CarrierBooking} becomes a {@code LabelShipment}, a
 * {@link CarrierTrackingEvent} a {@code TrackingUpdate} for {@code Shipping.applyTracking} ({@link
 * CarrierTrackingEvent#toUpdate}), a {@link CodRemittanceLine} a {@code RecordCodRemittance} for {@code
 * Shipping.recordRemittance} ({@link CodRemittanceLine#toCommand}).
 *
 * @implSpec Thread-safe. Every operation first calls {@link #require} with its capability, so calling one
 *     the carrier did not declare fails {@code NOT_RETRYABLE} before anything is sent. Failures are
 *     {@link dev.omskit.connectors.ConnectorException}s: a 5xx, a connection reset or a lost answer is
 *     {@code RETRYABLE}, no answer in time {@code TIMEOUT}, the carrier's throttling {@code RATE_LIMITED}
 *     (with its retry-after when it says), refused credentials {@code AUTHENTICATION_FAILED}, and a
 *     request the carrier refuses as such (an address it does not serve, a parcel too heavy, an unknown
 *     tracking number, a cancellation after pick-up) {@code NOT_RETRYABLE}. Credentials never appear in
 *     messages or {@code toString}.
 *     <p>Idempotency: {@link #createShipment} is keyed by our shipment id ({@link
 *     ShipmentBookingRequest#shipmentId()}): booking the same shipment again, also after a lost answer,
 *     returns the same tracking number, label and fee and leaves one shipment at the carrier (a connector
 *     whose carrier has no idempotency key passes our id as the carrier's order reference and looks it up
 *     before booking). Booking the same shipment id with a different request is {@code NOT_RETRYABLE}.
 *     {@link #cancelShipment} of a shipment already cancelled succeeds again with no further effect. The
 *     reads ({@link #rates}, {@link #trackingEvents}, {@link #remittances}) have no effect at all.
 *     <p>Reads "since an instant" include what happened at that instant: the caller keeps the latest
 *     instant it saw as its cursor and may receive an event or a remittance line again, which the core
 *     ignores ({@code applyTracking} finds repeats by state; a remittance reference recorded with the
 *     same amount changes nothing).
 */
public interface Carrier extends Connector {
    /** Quotes rates: {@link #rates}. */
    Capability RATES = Capability.of("RATES");
    /** Books shipments: {@link #createShipment}. */
    Capability CREATE_SHIPMENT = Capability.of("CREATE_SHIPMENT");
    /** Cancels shipments before pick-up: {@link #cancelShipment}. */
    Capability CANCEL_SHIPMENT = Capability.of("CANCEL_SHIPMENT");
    /** Answers tracking polls: {@link #trackingEvents}. */
    Capability TRACKING_POLL = Capability.of("TRACKING_POLL");
    /** Pushes tracking events by webhook: {@link #webhookHandler}. */
    Capability TRACKING_WEBHOOK = Capability.of("TRACKING_WEBHOOK");
    /** Collects cash on delivery and reports what it remitted: {@link #remittances}. */
    Capability COD_REMITTANCE = Capability.of("COD_REMITTANCE");

    /** Every capability a carrier may declare. */
    Set<Capability> ALL =
            Set.of(RATES, CREATE_SHIPMENT, CANCEL_SHIPMENT, TRACKING_POLL, TRACKING_WEBHOOK, COD_REMITTANCE);

    @Override
    default ConnectorKind kind() {
        return ConnectorKind.CARRIER;
    }

    /**
     * The services the carrier offers between two addresses for these parcels, with price and delivery
     * estimate ({@link #RATES}); empty when it serves none.
     */
    List<RateQuote> rates(RateRequest request);

    /**
     * Books a shipment ({@link #CREATE_SHIPMENT}), idempotent by {@link ShipmentBookingRequest#shipmentId()}.
     */
    CarrierBooking createShipment(ShipmentBookingRequest request);

    /**
     * Cancels a booked shipment ({@link #CANCEL_SHIPMENT}); {@code NOT_RETRYABLE} once the carrier picked it
     * up, or for a tracking number it does not know. Repeating a successful cancellation succeeds.
     */
    void cancelShipment(CancelShipmentRequest request);

    /**
     * The events of a tracking number that occurred at or after {@code since}, oldest first ({@link
     * #TRACKING_POLL}); {@code NOT_RETRYABLE} for a tracking number the carrier does not know.
     */
    List<CarrierTrackingEvent> trackingEvents(String trackingNumber, Instant since);

    /**
     * How to read the carrier's tracking webhooks, verify-then-parse ({@link #TRACKING_WEBHOOK}): one
     * request carries one or more events. Calling it without the capability fails {@code NOT_RETRYABLE}.
     */
    WebhookHandler<List<CarrierTrackingEvent>> webhookHandler();

    /**
     * The cash on delivery the carrier remitted at or after {@code since}, one line per tracking number and
     * statement, oldest first ({@link #COD_REMITTANCE}).
     */
    List<CodRemittanceLine> remittances(Instant since);
}
