package dev.omskit.testkit.shipment;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.shipment.ShipHarness.HCM;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_1;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.carrier.CarrierBooking;
import dev.omskit.connectors.carrier.CarrierTrackingEvent;
import dev.omskit.connectors.carrier.CodRemittanceLine;
import dev.omskit.connectors.carrier.ShipmentBookingRequest;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.model.Actor;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.connectors.FakeCarrier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A FakeCarrier's bookings, tracking events and remittances apply to the core's shipments as they are")
class FakeCarrierFlowTest {
    private static final Actor SYNC = Actor.system("carrier-sync");
    private final ShipHarness h = ShipHarness.create();
    private final FakeCarrier carrier = FakeCarrier.of("GHN", "whsec-flow", h.clock);

    @BeforeEach
    void stock() {
        h.receive(HCM, SKU_1, 20);
        h.receive(HCM, SKU_2, 20);
    }

    private Shipment bookedShipment() {
        FulfilmentRequest r = h.readyToShip(h.releaseAll(h.allocatedCod()).request());
        Shipment s = h.create(h.shipment(r));
        CarrierBooking booking = carrier.createShipment(new ShipmentBookingRequest(
                s.id(),
                OrderFixtures.address(),
                OrderFixtures.address(),
                s.parcels(),
                ServiceLevel.ECONOMY,
                s.payer(),
                Optional.of(s.codAmount()),
                Optional.empty()));
        return h.oms.shipping()
                .label(LabelShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(SYNC)
                        .shipmentId(s.id())
                        .trackingNumber(booking.trackingNumber())
                        .label(booking.label())
                        .build());
    }

    @Test
    @DisplayName("polled events move the shipment to DELIVERED; a webhook repeating them changes nothing")
    void trackingEvents_polledThenRepeatedByWebhook_applyOnce() {
        Shipment s = bookedShipment();
        String tracking = s.trackingNumber().orElseThrow();
        h.clock.advance(Duration.ofMinutes(5));
        CarrierTrackingEvent picked = carrier.emitTracking(tracking, TrackingStatus.PICKED_UP);
        h.clock.advance(Duration.ofHours(20));
        CarrierTrackingEvent delivered = carrier.emitTracking(tracking, TrackingStatus.DELIVERED);

        for (CarrierTrackingEvent e : carrier.trackingEvents(tracking, Instant.EPOCH)) {
            h.oms.shipping().applyTracking(e.toUpdate(TENANT, s.carrier(), SYNC));
        }
        Shipment after = h.oms.shipping().find(TENANT, s.id()).orElseThrow();
        List<CarrierTrackingEvent> again =
                carrier.webhookHandler().accept(carrier.webhook(List.of(delivered, picked, delivered)));
        for (CarrierTrackingEvent e : again) {
            h.oms.shipping().applyTracking(e.toUpdate(TENANT, s.carrier(), SYNC));
        }

        assertThat(after.state()).isEqualTo(ShipmentLifecycle.DELIVERED);
        assertThat(h.oms.shipping().find(TENANT, s.id()).orElseThrow().version())
                .isEqualTo(after.version());
    }

    @Test
    @DisplayName("the carrier's remittance of the whole COD collects the order's payment")
    void remittance_ofTheWholeCod_collectsThePayment() {
        Shipment s = bookedShipment();
        String tracking = s.trackingNumber().orElseThrow();
        carrier.emitTracking(tracking, TrackingStatus.PICKED_UP);
        h.clock.advance(Duration.ofHours(20));
        carrier.emitTracking(tracking, TrackingStatus.DELIVERED);
        carrier.trackingEvents(tracking, Instant.EPOCH)
                .forEach(e -> h.oms.shipping().applyTracking(e.toUpdate(TENANT, s.carrier(), SYNC)));
        h.clock.advance(Duration.ofDays(2));
        carrier.remitCod(tracking, s.codAmount());

        for (CodRemittanceLine line : carrier.remittances(Instant.EPOCH)) {
            Shipment target = h.oms.shipping()
                    .findByTracking(TENANT, s.carrier(), line.trackingNumber())
                    .orElseThrow();
            h.oms.shipping().recordRemittance(line.toCommand(TENANT, target.orderId(), target.id(), SYNC));
            h.oms.shipping().recordRemittance(line.toCommand(TENANT, target.orderId(), target.id(), SYNC));
        }

        assertThat(h.oms.get(TENANT, s.orderId()).paymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
        assertThat(h.oms.shipping().codStatus(TENANT, s.orderId()).outstanding().isZero())
                .isTrue();
    }
}
