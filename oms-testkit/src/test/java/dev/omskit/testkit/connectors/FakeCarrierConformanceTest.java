package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.connectors.carrier.CarrierBooking;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.Money;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.tck.CarrierConformanceKit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("FakeCarrier keeps the carrier contract")
class FakeCarrierConformanceTest extends CarrierConformanceKit {
    static final String SECRET = "whsec-fake-carrier-0123456789";
    final ManualClock clock = ManualClock.at("2026-12-01T08:00:00Z");

    @Override
    protected Carrier create() {
        return FakeCarrier.of("fake-carrier", SECRET, clock);
    }

    @Override
    protected void provokeFailure(Carrier carrier, FailureKind kind) {
        FakeScript script = ((FakeCarrier) carrier).script();
        if (kind == FailureKind.RATE_LIMITED) {
            script.rateLimitNext(1, Duration.ofSeconds(3));
        } else {
            script.failNext(1, kind);
        }
    }

    @Override
    protected Set<FailureKind> provokableFailures() {
        return EnumSet.of(
                FailureKind.RETRYABLE,
                FailureKind.TIMEOUT,
                FailureKind.RATE_LIMITED,
                FailureKind.NOT_RETRYABLE,
                FailureKind.AUTHENTICATION_FAILED);
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SECRET);
    }

    @Override
    protected Optional<WebhookRequest> reportTracking(Carrier carrier, CarrierBooking booking, TrackingStatus status) {
        FakeCarrier fake = (FakeCarrier) carrier;
        clock.advance(Duration.ofMinutes(10));
        return Optional.of(fake.webhook(List.of(fake.emitTracking(booking.trackingNumber(), status))));
    }

    @Override
    protected void remitCod(Carrier carrier, CarrierBooking booking, Money amount) {
        clock.advance(Duration.ofHours(1));
        ((FakeCarrier) carrier).remitCod(booking.trackingNumber(), amount);
    }

    @Override
    protected boolean loseNextAnswer(Carrier carrier) {
        ((FakeCarrier) carrier).dropNextAnswers(1);
        return true;
    }

    @Override
    protected OptionalLong shipmentsAtCarrier(Carrier carrier) {
        return OptionalLong.of(((FakeCarrier) carrier).shipments().size());
    }

    @Override
    protected Optional<WebhookRequest> malformedWebhook(Carrier carrier) {
        return Optional.of(((FakeCarrier) carrier).malformedWebhook());
    }

    /** The kit against a carrier without webhooks, cancellation and COD: those are refused. */
    @Nested
    @DisplayName("FakeCarrier declaring rates, booking and polls only")
    class Reduced extends CarrierConformanceKit {
        @Override
        protected Carrier create() {
            Set<Capability> some = Set.of(Carrier.RATES, Carrier.CREATE_SHIPMENT, Carrier.TRACKING_POLL);
            return FakeCarrier.of("fake-lite", SECRET, clock, Money.currency("VND"), some);
        }

        @Override
        protected void provokeFailure(Carrier carrier, FailureKind kind) {
            FakeCarrierConformanceTest.this.provokeFailure(carrier, kind);
        }

        @Override
        protected Set<String> secrets() {
            return Set.of(SECRET);
        }

        @Override
        protected Optional<WebhookRequest> reportTracking(
                Carrier carrier, CarrierBooking booking, TrackingStatus status) {
            FakeCarrierConformanceTest.this.reportTracking(carrier, booking, status);
            return Optional.empty();
        }

        @Override
        protected void remitCod(Carrier carrier, CarrierBooking booking, Money amount) {
            FakeCarrierConformanceTest.this.remitCod(carrier, booking, amount);
        }
    }
}
