package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.carrier.CancelShipmentRequest;
import dev.omskit.connectors.carrier.CarrierBooking;
import dev.omskit.connectors.carrier.CarrierTrackingEvent;
import dev.omskit.connectors.carrier.CodRemittanceLine;
import dev.omskit.connectors.carrier.RateQuote;
import dev.omskit.connectors.carrier.RateRequest;
import dev.omskit.connectors.carrier.ShipmentBookingRequest;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakeCarrier: deterministic bookings, scripted tracking, webhooks and remittances")
class FakeCarrierTest {
    private final ManualClock clock = ManualClock.at("2026-12-01T08:00:00Z");
    private final FakeCarrier carrier = FakeCarrier.of("ghn-fake", "whsec-test", clock);

    private ShipmentBookingRequest request(String shipmentId, ServiceLevel service) {
        return new ShipmentBookingRequest(
                shipmentId,
                OrderFixtures.address(),
                OrderFixtures.address(),
                List.of(Parcel.of(1200, 30, 20, 10)),
                service,
                ShippingPayer.BUYER,
                Optional.of(OrderFixtures.vnd(199_000)),
                Optional.empty());
    }

    @Test
    @DisplayName("tracking numbers count up from the carrier id; fees follow the chargeable weight")
    void createShipment_deterministicTrackingNumbersAndFees() {
        CarrierBooking one = carrier.createShipment(request("s-1", ServiceLevel.ECONOMY));
        CarrierBooking two = carrier.createShipment(request("s-2", ServiceLevel.EXPRESS));
        List<RateQuote> rates = carrier.rates(
                RateRequest.of(OrderFixtures.address(), OrderFixtures.address(), List.of(Parcel.of(1200, 30, 20, 10))));

        assertThat(one.trackingNumber()).isEqualTo("GHNFAKE000001");
        assertThat(two.trackingNumber()).isEqualTo("GHNFAKE000002");
        // 1,200 g actual, 1,000 g dimensional: three started 500 g steps
        assertThat(one.fee()).isEqualTo(OrderFixtures.vnd(30_000));
        assertThat(two.fee()).isEqualTo(OrderFixtures.vnd(60_000));
        assertThat(rates).extracting(RateQuote::price).containsExactly(one.fee(), two.fee());
        assertThat(carrier.shipments()).hasSize(2);
    }

    @Test
    @DisplayName("polls answer events oldest first by occurrence, whatever the order they were emitted in")
    void trackingEvents_sortedByOccurrence() {
        String tracking =
                carrier.createShipment(request("s-1", ServiceLevel.ECONOMY)).trackingNumber();
        Instant t0 = clock.instant();
        carrier.emitTracking(tracking, TrackingStatus.IN_TRANSIT, t0.plusSeconds(60), "hub", Optional.empty());
        carrier.emitTracking(tracking, TrackingStatus.PICKED_UP, t0, "picked", Optional.empty());
        carrier.emitTracking(
                tracking, TrackingStatus.DELIVERY_FAILED, t0.plusSeconds(120), "attempt 1", Optional.of("nobody home"));

        List<CarrierTrackingEvent> events = carrier.trackingEvents(tracking, t0);

        assertThat(events)
                .extracting(CarrierTrackingEvent::status)
                .containsExactly(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.DELIVERY_FAILED);
        assertThat(events.get(2).failureReason()).contains("nobody home");
        assertThat(events.get(2).rawStatus()).isEqualTo("delivery_fail");
        assertThat(carrier.shipment(tracking).orElseThrow().status()).contains(TrackingStatus.DELIVERY_FAILED);
    }

    @Test
    @DisplayName(
            "a webhook delivers duplicated and reordered events as given; a late one is STALE, a garbled one MALFORMED")
    void webhooks_duplicatesReorderingStalenessAndMalformed() {
        String tracking =
                carrier.createShipment(request("s-1", ServiceLevel.ECONOMY)).trackingNumber();
        CarrierTrackingEvent picked = carrier.emitTracking(tracking, TrackingStatus.PICKED_UP);
        CarrierTrackingEvent delivered = carrier.emitTracking(
                tracking,
                TrackingStatus.DELIVERED,
                clock.instant(),
                "Giao hàng thành công & ký nhận",
                Optional.empty());

        List<CarrierTrackingEvent> parsed =
                carrier.webhookHandler().accept(carrier.webhook(List.of(delivered, picked, delivered)));
        WebhookRequest stale =
                carrier.webhookSignedAt(List.of(picked), clock.instant().minus(Duration.ofMinutes(6)));

        assertThat(parsed).containsExactly(delivered, picked, delivered);
        assertThatThrownBy(() -> carrier.webhookHandler().accept(stale))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookRejectedException.Reason.STALE));
        assertThatThrownBy(() -> carrier.webhookHandler().accept(carrier.malformedWebhook()))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookRejectedException.Reason.MALFORMED));
        FakeCarrier other = FakeCarrier.of("ghn-fake", "another-secret", clock);
        assertThatThrownBy(() -> other.webhookHandler().verify(carrier.webhook(List.of(picked))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE));
    }

    @Test
    @DisplayName("each remittance is a statement line of its own, read since an instant")
    void remitCod_addsStatementLines() {
        String tracking =
                carrier.createShipment(request("s-1", ServiceLevel.ECONOMY)).trackingNumber();
        CodRemittanceLine first = carrier.remitCod(tracking, OrderFixtures.vnd(100_000));
        clock.advance(Duration.ofDays(1));
        CodRemittanceLine second = carrier.remitCod(tracking, OrderFixtures.vnd(99_000));

        assertThat(first.statementReference()).isEqualTo("GHN-FAKE-ST-0001");
        assertThat(second.statementReference()).isEqualTo("GHN-FAKE-ST-0002");
        assertThat(carrier.remittances(Instant.EPOCH)).containsExactly(first, second);
        assertThat(carrier.remittances(second.remittedAt())).containsExactly(second);
        assertThatThrownBy(() -> carrier.remitCod("NOPE", OrderFixtures.vnd(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("scripted failures come before any effect and are recorded; a lost answer books once")
    void scriptAndLostAnswers() {
        carrier.script().failNext(1, FailureKind.RETRYABLE);
        carrier.dropNextAnswers(1);

        assertThatThrownBy(() -> carrier.createShipment(request("s-1", ServiceLevel.ECONOMY)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("scripted"));
        assertThat(carrier.shipments()).isEmpty();
        assertThatThrownBy(() -> carrier.createShipment(request("s-1", ServiceLevel.ECONOMY)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("lost"));
        CarrierBooking booking = carrier.createShipment(request("s-1", ServiceLevel.ECONOMY));

        assertThat(carrier.shipments()).hasSize(1);
        assertThat(booking.trackingNumber()).isEqualTo("GHNFAKE000001");
        assertThat(carrier.script().calls("createShipment"))
                .extracting(FakeScript.Call::outcome)
                .containsExactly("RETRYABLE", "ok", "ok");
    }

    @Test
    @DisplayName("a cancelled shipment stays cancelled: no more events, and toString hides the secret")
    void cancelled_refusesEvents() {
        CarrierBooking booking = carrier.createShipment(request("s-1", ServiceLevel.ECONOMY));
        carrier.cancelShipment(CancelShipmentRequest.of(booking, "out of stock"));

        assertThat(carrier.shipmentFor("s-1").orElseThrow().cancelled()).isTrue();
        assertThatThrownBy(() -> carrier.emitTracking(booking.trackingNumber(), TrackingStatus.PICKED_UP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(carrier.toString()).doesNotContain("whsec-test");
        assertThatThrownBy(() -> carrier.createShipment(request("s-2", ServiceLevel.of("SAME-DAY"))))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE));
    }
}
