package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.carrier.CancelShipmentRequest;
import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.connectors.carrier.CarrierBooking;
import dev.omskit.connectors.carrier.CarrierTrackingEvent;
import dev.omskit.connectors.carrier.CodRemittanceLine;
import dev.omskit.connectors.carrier.RateQuote;
import dev.omskit.connectors.carrier.RateRequest;
import dev.omskit.connectors.carrier.ShipmentBookingRequest;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.shipment.TrackingUpdate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the {@link Carrier} SPI: it proves that a carrier connector keeps the contract of
 * its {@code @implSpec}: declared capabilities work and undeclared ones fail {@code NOT_RETRYABLE};
 * booking is idempotent by our shipment id (the same tracking number and label, one shipment at the
 * carrier, also after a lost answer); cancellation is refused after pick-up; tracking polls and webhooks
 * (verify-then-parse, a tampered request is {@code BAD_SIGNATURE}) and COD remittances map to the core;
 * provoked failures come out as the right {@link FailureKind} with no secret in any message.
 *
 * <p>A connector author proves a connector with a short subclass in their test sources, typically against
 * a local HTTP stub of the carrier's API:
 *
 * <pre>{@code
 * class GhnCarrierConformanceTest extends CarrierConformanceKit {
 *     final GhnStub stub = GhnStub.start();
 *
 *     protected Carrier create() { stub.reset(); return GhnCarrier.of(stub.url(), "token-123", "shop-9"); }
 *     protected void provokeFailure(Carrier c, FailureKind kind) { stub.failNext(kind); }
 *     protected Set<String> secrets() { return Set.of("token-123"); }
 *     protected Optional<WebhookRequest> reportTracking(Carrier c, CarrierBooking b, TrackingStatus s) {
 *         return Optional.of(stub.report(b.trackingNumber(), s)); // the stub's signed callback
 *     }
 *     protected void remitCod(Carrier c, CarrierBooking b, Money amount) { stub.remit(b.trackingNumber(), amount); }
 * }
 * }</pre>
 *
 * <p>{@link #create()} is called before every test and must return a carrier with no shipments booked
 * for the shipment ids this kit uses ({@code tck-...}). Tests of a capability the carrier did not declare
 * are skipped (assumptions), except the ones proving it is refused.
 */
public abstract class CarrierConformanceKit {
    /** The tenant the core mappings are checked with. */
    protected static final TenantId TENANT = TenantId.of("tck-tenant-a");

    private Carrier carrier;

    /** A carrier connector with nothing of this kit booked; called before each test. */
    protected abstract Carrier create();

    /**
     * Makes the carrier's next remote call fail as {@code kind} (e.g. the stub answers 503 for {@code
     * RETRYABLE}, 429 with {@code Retry-After} for {@code RATE_LIMITED}, 401 for {@code
     * AUTHENTICATION_FAILED}); only the next call. Called only with the kinds of {@link
     * #provokableFailures()}.
     */
    protected abstract void provokeFailure(Carrier carrier, FailureKind kind);

    /** The failure kinds {@link #provokeFailure} can provoke; by default retryable, rate limit, credentials. */
    protected Set<FailureKind> provokableFailures() {
        return EnumSet.of(FailureKind.RETRYABLE, FailureKind.RATE_LIMITED, FailureKind.AUTHENTICATION_FAILED);
    }

    /** The credentials and secrets the connector was given: none may show in a message or {@code toString}. */
    protected abstract Set<String> secrets();

    /**
     * The carrier reports {@code status} for the booked shipment now ({@code PICKED_UP} means it collected
     * the parcel): later polls answer the event. Returns the carrier's signed webhook delivering it when
     * the connector declares {@link Carrier#TRACKING_WEBHOOK}, else empty.
     */
    protected abstract Optional<WebhookRequest> reportTracking(
            Carrier carrier, CarrierBooking booking, TrackingStatus status);

    /** The carrier remits {@code amount} of cash on delivery for the booked shipment now. */
    protected abstract void remitCod(Carrier carrier, CarrierBooking booking, Money amount);

    /**
     * Makes the connector's next booking take effect at the carrier but lose its answer (the call fails
     * {@code RETRYABLE}); returns whether it can (by default it cannot and the test is skipped).
     */
    protected boolean loseNextAnswer(Carrier carrier) {
        return false;
    }

    /** How many shipments the carrier holds, if the author can tell (by default not). */
    protected OptionalLong shipmentsAtCarrier(Carrier carrier) {
        return OptionalLong.empty();
    }

    /** A signed webhook the carrier's format does not allow, if the author can make one (by default not). */
    protected Optional<WebhookRequest> malformedWebhook(Carrier carrier) {
        return Optional.empty();
    }

    /** The currency the carrier charges and collects in; VND by default. */
    protected String currency() {
        return "VND";
    }

    /** Where parcels leave from; a Ho Chi Minh City warehouse by default. */
    protected Address origin() {
        return Address.builder()
                .recipient("Kho TCK")
                .phone("+84280000001")
                .line1("12 Nguyen Hue")
                .ward("Ben Nghe")
                .district("Quan 1")
                .city("Ho Chi Minh")
                .countryCode("VN")
                .build();
    }

    /** Where parcels go; a Hanoi buyer by default. */
    protected Address destination() {
        return Address.builder()
                .recipient("Tran Thi Binh")
                .phone("+84912345678")
                .line1("34 Hang Bai")
                .ward("Hang Bai")
                .district("Hoan Kiem")
                .city("Ha Noi")
                .countryCode("VN")
                .build();
    }

    /** The parcels of the kit's requests: one of 1.2 kg, 30 x 20 x 10 cm by default. */
    protected List<Parcel> parcels() {
        return List.of(Parcel.of(1200, 30, 20, 10));
    }

    /** The service the kit books; {@code ECONOMY} by default. */
    protected ServiceLevel service() {
        return ServiceLevel.ECONOMY;
    }

    /** A booking the carrier accepts, for our shipment {@code shipmentId}, with {@code cod} to collect if given. */
    protected ShipmentBookingRequest bookingRequest(String shipmentId, Optional<Money> cod) {
        return new ShipmentBookingRequest(
                shipmentId,
                origin(),
                destination(),
                parcels(),
                service(),
                ShippingPayer.SELLER,
                cod,
                Optional.of(money("250000")));
    }

    /** Creates the carrier of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createCarrier() {
        carrier = create();
        assertThat(carrier).as("create()").isNotNull();
    }

    // ====================================================================================== declarations

    @Nested
    @DisplayName("A carrier declares what it can do, and refuses the rest")
    class Declarations {
        @Test
        @DisplayName("it is a CARRIER with a stable id and carrier capabilities only")
        void kind_id_andCapabilities_areConsistent() {
            assertThat(carrier.kind()).isEqualTo(ConnectorKind.CARRIER);
            assertThat(carrier.id()).isNotBlank().isEqualTo(carrier.id());
            assertThat(carrier.capabilities()).isNotEmpty().isSubsetOf(Carrier.ALL);
            assertThat(carrier.capabilities()).isEqualTo(carrier.capabilities());
            for (Capability c : Carrier.ALL) {
                assertThat(carrier.can(c))
                        .as(c.name())
                        .isEqualTo(carrier.capabilities().contains(c));
            }
        }

        @Test
        @DisplayName("every declared capability's operation works")
        void declaredCapabilities_work() {
            for (Capability c : carrier.capabilities()) {
                if (needsBooking(c)) {
                    assumeThat(carrier.can(Carrier.CREATE_SHIPMENT))
                            .as("%s is checked on a booked shipment", c)
                            .isTrue();
                }
                exercise(c);
            }
        }

        @Test
        @DisplayName("every undeclared capability's operation fails NOT_RETRYABLE naming the capability")
        void undeclaredCapabilities_failNotRetryable() {
            for (Capability c : Carrier.ALL) {
                if (carrier.can(c)) {
                    continue;
                }
                ConnectorException e = assertFails(() -> exercise(c), FailureKind.NOT_RETRYABLE);
                assertThat(e.getMessage()).as("the refusal of %s", c).contains(c.name());
            }
        }
    }

    // ====================================================================================== booking

    @Nested
    @DisplayName("Booking is idempotent by our shipment id")
    class Booking {
        @BeforeEach
        void canBook() {
            assumeThat(carrier.can(Carrier.CREATE_SHIPMENT)).isTrue();
        }

        @Test
        @DisplayName("booking returns a tracking number, our shipment id and a fee")
        void createShipment_returnsTrackingNumberAndFee() {
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));

            assertThat(booking.shipmentId()).isEqualTo("tck-s1");
            assertThat(booking.trackingNumber()).isNotBlank();
            assertThat(booking.fee().currency().getCurrencyCode()).isEqualTo(currency());
        }

        @Test
        @DisplayName("booking the same shipment twice returns the same booking and leaves one shipment")
        void createShipment_twice_returnsSameBookingOnce() {
            OptionalLong before = shipmentsAtCarrier(carrier);
            CarrierBooking first = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            CarrierBooking again = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));

            assertThat(again).isEqualTo(first);
            OptionalLong after = shipmentsAtCarrier(carrier);
            if (before.isPresent() && after.isPresent()) {
                assertThat(after.getAsLong()).isEqualTo(before.getAsLong() + 1);
            }
        }

        @Test
        @DisplayName("8 threads booking the same shipment at once all get the one booking")
        void createShipment_concurrently_booksOnce() throws InterruptedException {
            ShipmentBookingRequest request = bookingRequest("tck-race", Optional.empty());
            OptionalLong before = shipmentsAtCarrier(carrier);

            List<Races.Outcome<CarrierBooking>> outcomes =
                    Races.race(Races.THREADS, i -> () -> carrier.createShipment(request));

            assertThat(Races.failures(outcomes)).isEmpty();
            assertThat(Set.copyOf(Races.successes(outcomes))).hasSize(1);
            OptionalLong after = shipmentsAtCarrier(carrier);
            if (before.isPresent() && after.isPresent()) {
                assertThat(after.getAsLong()).isEqualTo(before.getAsLong() + 1);
            }
        }

        @Test
        @DisplayName("two shipments get two tracking numbers")
        void createShipment_twoShipments_getDistinctTrackingNumbers() {
            CarrierBooking one = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            CarrierBooking two = carrier.createShipment(bookingRequest("tck-s2", Optional.empty()));

            assertThat(two.trackingNumber()).isNotEqualTo(one.trackingNumber());
        }

        @Test
        @DisplayName("after a lost answer, booking again returns the booking made and leaves one shipment")
        void createShipment_afterLostAnswer_returnsTheBookingMade() {
            OptionalLong before = shipmentsAtCarrier(carrier);
            assumeThat(loseNextAnswer(carrier)).as("loseNextAnswer").isTrue();
            ShipmentBookingRequest request = bookingRequest("tck-s1", Optional.empty());

            assertFails(() -> carrier.createShipment(request), FailureKind.RETRYABLE);
            CarrierBooking booking = carrier.createShipment(request);

            assertThat(carrier.createShipment(request)).isEqualTo(booking);
            OptionalLong after = shipmentsAtCarrier(carrier);
            if (before.isPresent() && after.isPresent()) {
                assertThat(after.getAsLong()).isEqualTo(before.getAsLong() + 1);
            }
        }

        @Test
        @DisplayName("booking a shipment id again with another request fails NOT_RETRYABLE")
        void createShipment_sameIdOtherRequest_failsNotRetryable() {
            CarrierBooking first = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));

            assertFails(
                    () -> carrier.createShipment(bookingRequest("tck-s1", Optional.of(money("100000")))),
                    FailureKind.NOT_RETRYABLE);
            assertThat(carrier.createShipment(bookingRequest("tck-s1", Optional.empty())))
                    .isEqualTo(first);
        }

        @Test
        @DisplayName("rates quote at least one service with a price that is not negative")
        void rates_quoteServices() {
            assumeThat(carrier.can(Carrier.RATES)).isTrue();

            List<RateQuote> quotes = carrier.rates(new RateRequest(
                    origin(), destination(), parcels(), Optional.of(money("100000")), Optional.of(money("250000"))));

            assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(q.price().isNegative())
                    .isFalse());
        }
    }

    // ====================================================================================== cancellation

    @Nested
    @DisplayName("Cancellation works before pick-up only")
    class Cancellation {
        @BeforeEach
        void canBookAndCancel() {
            assumeThat(carrier.can(Carrier.CREATE_SHIPMENT) && carrier.can(Carrier.CANCEL_SHIPMENT))
                    .isTrue();
        }

        @Test
        @DisplayName("a booked shipment cancels, and cancelling it again succeeds with nothing more")
        void cancel_beforePickUp_succeedsAndRepeats() {
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));

            carrier.cancelShipment(CancelShipmentRequest.of(booking, "buyer cancelled"));
            carrier.cancelShipment(CancelShipmentRequest.of(booking, "buyer cancelled"));
        }

        @Test
        @DisplayName("a shipment the carrier picked up cannot be cancelled: NOT_RETRYABLE")
        void cancel_afterPickUp_failsNotRetryable() {
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            reportTracking(carrier, booking, TrackingStatus.PICKED_UP);

            assertFails(
                    () -> carrier.cancelShipment(CancelShipmentRequest.of(booking, "buyer cancelled")),
                    FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("cancelling a tracking number the carrier does not know fails NOT_RETRYABLE")
        void cancel_unknownTrackingNumber_failsNotRetryable() {
            assertFails(
                    () -> carrier.cancelShipment(new CancelShipmentRequest("tck-s9", "TCKUNKNOWN999", "test")),
                    FailureKind.NOT_RETRYABLE);
        }
    }

    // ====================================================================================== tracking

    @Nested
    @DisplayName("Tracking events map to the core's tracking updates")
    class Tracking {
        @BeforeEach
        void canBook() {
            assumeThat(carrier.can(Carrier.CREATE_SHIPMENT)).isTrue();
        }

        @Test
        @DisplayName("a poll answers the events at or after the instant, oldest first, with the raw status kept")
        void trackingEvents_sinceInstant_answersLaterEventsOldestFirst() {
            assumeThat(carrier.can(Carrier.TRACKING_POLL)).isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            reportTracking(carrier, booking, TrackingStatus.PICKED_UP);
            reportTracking(carrier, booking, TrackingStatus.IN_TRANSIT);

            List<CarrierTrackingEvent> all = carrier.trackingEvents(booking.trackingNumber(), Instant.EPOCH);

            assertThat(all)
                    .extracting(CarrierTrackingEvent::status)
                    .containsSubsequence(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT);
            assertThat(all).allSatisfy(e -> {
                assertThat(e.trackingNumber()).isEqualTo(booking.trackingNumber());
                assertThat(e.rawStatus()).isNotBlank();
            });
            assertThat(all).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
            Instant last = all.get(all.size() - 1).occurredAt();
            assertThat(carrier.trackingEvents(booking.trackingNumber(), last))
                    .as("events at the cursor instant are answered again")
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.occurredAt()).isAfterOrEqualTo(last));
            assertThat(carrier.trackingEvents(booking.trackingNumber(), last.plusSeconds(1)))
                    .isEmpty();
        }

        @Test
        @DisplayName("an event becomes the core TrackingUpdate with all its fields")
        void trackingEvent_toUpdate_keepsEveryField() {
            assumeThat(carrier.can(Carrier.TRACKING_POLL)).isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            reportTracking(carrier, booking, TrackingStatus.PICKED_UP);
            CarrierTrackingEvent event = carrier.trackingEvents(booking.trackingNumber(), Instant.EPOCH)
                    .get(0);

            TrackingUpdate update = event.toUpdate(TENANT, carrier.id(), Actor.system("tck"));

            assertThat(update.carrier()).isEqualTo(carrier.id());
            assertThat(update.trackingNumber()).isEqualTo(booking.trackingNumber());
            assertThat(update.status()).isEqualTo(event.status());
            assertThat(update.occurredAt()).isEqualTo(event.occurredAt());
            assertThat(update.description()).isEqualTo(event.description());
            assertThat(update.failureReason()).isEqualTo(event.failureReason());
        }

        @Test
        @DisplayName("polling a tracking number the carrier does not know fails NOT_RETRYABLE")
        void trackingEvents_unknownTrackingNumber_failsNotRetryable() {
            assumeThat(carrier.can(Carrier.TRACKING_POLL)).isTrue();

            assertFails(() -> carrier.trackingEvents("TCKUNKNOWN999", Instant.EPOCH), FailureKind.NOT_RETRYABLE);
        }

        @Test
        @DisplayName("a signed webhook is verified, then parsed into the reported event")
        void webhook_signed_isAccepted() {
            assumeThat(carrier.can(Carrier.TRACKING_WEBHOOK)).isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));

            WebhookRequest request = webhookOf(booking, TrackingStatus.PICKED_UP);
            List<CarrierTrackingEvent> events = carrier.webhookHandler().accept(request);

            assertThat(events).anySatisfy(e -> {
                assertThat(e.trackingNumber()).isEqualTo(booking.trackingNumber());
                assertThat(e.status()).isEqualTo(TrackingStatus.PICKED_UP);
            });
            assertThat(carrier.webhookHandler().accept(request))
                    .as("the same request parses the same again")
                    .isEqualTo(events);
        }

        @Test
        @DisplayName("a webhook whose body was changed is rejected BAD_SIGNATURE")
        void webhook_tamperedBody_isBadSignature() {
            assumeThat(carrier.can(Carrier.TRACKING_WEBHOOK)).isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            WebhookRequest request = webhookOf(booking, TrackingStatus.DELIVERED);
            byte[] body = request.body();
            body[body.length / 2] ^= 0x01;

            assertRejected(
                    new WebhookRequest(request.headers(), body, request.receivedAt()),
                    WebhookRejectedException.Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("a webhook without its headers is rejected BAD_SIGNATURE")
        void webhook_withoutHeaders_isBadSignature() {
            assumeThat(carrier.can(Carrier.TRACKING_WEBHOOK)).isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            WebhookRequest request = webhookOf(booking, TrackingStatus.DELIVERED);

            assertRejected(
                    new WebhookRequest(Map.of(), request.body(), request.receivedAt()),
                    WebhookRejectedException.Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("a webhook with one header value changed is rejected BAD_SIGNATURE or STALE")
        void webhook_changedHeader_isRejected() {
            assumeThat(carrier.can(Carrier.TRACKING_WEBHOOK)).isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.empty()));
            WebhookRequest request = webhookOf(booking, TrackingStatus.DELIVERED);
            for (String header : request.headers().keySet()) {
                Map<String, String> headers = new HashMap<>(request.headers());
                String value = headers.get(header);
                headers.put(header, value.isEmpty() ? "0" : value.substring(0, value.length() - 1) + flip(value));
                WebhookRequest changed = new WebhookRequest(headers, request.body(), request.receivedAt());
                try {
                    carrier.webhookHandler().verify(changed);
                } catch (WebhookRejectedException e) {
                    assertThat(e.reason())
                            .isIn(WebhookRejectedException.Reason.BAD_SIGNATURE, WebhookRejectedException.Reason.STALE);
                    assertNoSecrets(e.getMessage());
                }
            }
            assertThatThrownBy(() -> {
                        Map<String, String> all = new HashMap<>();
                        request.headers().forEach((k, v) -> all.put(k, v.isEmpty() ? "0" : "0" + v));
                        carrier.webhookHandler().verify(new WebhookRequest(all, request.body(), request.receivedAt()));
                    })
                    .as("every header value changed")
                    .isInstanceOf(WebhookRejectedException.class);
        }

        @Test
        @DisplayName("a signed webhook that does not parse is rejected MALFORMED")
        void webhook_malformed_isMalformed() {
            assumeThat(carrier.can(Carrier.TRACKING_WEBHOOK)).isTrue();
            Optional<WebhookRequest> malformed = malformedWebhook(carrier);
            assumeThat(malformed).as("malformedWebhook").isPresent();

            carrier.webhookHandler().verify(malformed.get());
            assertRejected(malformed.get(), WebhookRejectedException.Reason.MALFORMED);
        }
    }

    // ====================================================================================== remittance

    @Nested
    @DisplayName("COD remittances map to the core's remittance commands")
    class Remittance {
        @Test
        @DisplayName("a remittance is answered since an instant at or before it, with tracking number and amount")
        void remittances_sinceInstant_answerTheRemittance() {
            assumeThat(carrier.can(Carrier.CREATE_SHIPMENT) && carrier.can(Carrier.COD_REMITTANCE))
                    .isTrue();
            CarrierBooking booking = carrier.createShipment(bookingRequest("tck-s1", Optional.of(money("199000"))));
            reportTracking(carrier, booking, TrackingStatus.PICKED_UP);
            reportTracking(carrier, booking, TrackingStatus.DELIVERED);
            remitCod(carrier, booking, money("199000"));

            List<CodRemittanceLine> lines = carrier.remittances(Instant.EPOCH).stream()
                    .filter(l -> l.trackingNumber().equals(booking.trackingNumber()))
                    .toList();

            assertThat(lines).hasSize(1);
            CodRemittanceLine line = lines.get(0);
            assertThat(line.amount()).isEqualTo(money("199000"));
            assertThat(line.statementReference()).isNotBlank();
            assertThat(carrier.remittances(line.remittedAt())).contains(line);
            assertThat(carrier.remittances(line.remittedAt().plusSeconds(1))).doesNotContain(line);
            RecordCodRemittance command =
                    line.toCommand(TENANT, OrderId.of("tck-o1"), booking.shipmentId(), Actor.system("tck"));
            assertThat(command.amount()).isEqualTo(line.amount());
            assertThat(command.reference()).isEqualTo(line.statementReference());
            assertThat(command.remittedAt()).isEqualTo(line.remittedAt());
            assertThat(command.shipmentId()).isEqualTo("tck-s1");
        }
    }

    // ====================================================================================== errors

    @Nested
    @DisplayName("Failures come out in the one error model, free of secrets")
    class Errors {
        @Test
        @DisplayName("each provoked failure is a ConnectorException of its kind naming the connector, and passes")
        void provokedFailures_mapToTheirKind() {
            for (FailureKind kind : provokableFailures()) {
                provokeFailure(carrier, kind);
                ConnectorException e = assertFails(() -> firstDeclaredOperation(), kind);
                assertThat(e.connector()).isEqualTo(carrier.id());
                firstDeclaredOperation();
            }
        }

        @Test
        @DisplayName("the connector's toString and the requests' toString show no secret and no personal data")
        void toString_showsNoSecretsOrPersonalData() {
            assertNoSecrets(carrier.toString());
            String request = bookingRequest("tck-s1", Optional.empty()).toString();
            assertNoSecrets(request);
            for (String personal : List.of(
                    destination().recipient(),
                    destination().phone(),
                    destination().line1())) {
                assertThat(request).doesNotContain(personal);
            }
        }
    }

    // ====================================================================================== helpers

    /** {@code amount} in the kit's currency. */
    protected final Money money(String amount) {
        return Money.of(amount, currency());
    }

    private static boolean needsBooking(Capability c) {
        return c.equals(Carrier.CANCEL_SHIPMENT) || c.equals(Carrier.TRACKING_POLL);
    }

    private void exercise(Capability c) {
        String shipmentId =
                "tck-cap-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (c.equals(Carrier.RATES)) {
            carrier.rates(RateRequest.of(origin(), destination(), parcels()));
        } else if (c.equals(Carrier.CREATE_SHIPMENT)) {
            carrier.createShipment(bookingRequest(shipmentId, Optional.empty()));
        } else if (c.equals(Carrier.CANCEL_SHIPMENT)) {
            CarrierBooking booking = carrier.can(Carrier.CREATE_SHIPMENT)
                    ? carrier.createShipment(bookingRequest(shipmentId, Optional.empty()))
                    : new CarrierBooking(shipmentId, "TCKUNKNOWN999", Optional.empty(), money("0"));
            carrier.cancelShipment(CancelShipmentRequest.of(booking, "conformance check"));
        } else if (c.equals(Carrier.TRACKING_POLL)) {
            String tracking = carrier.can(Carrier.CREATE_SHIPMENT)
                    ? carrier.createShipment(bookingRequest(shipmentId, Optional.empty()))
                            .trackingNumber()
                    : "TCKUNKNOWN999";
            carrier.trackingEvents(tracking, Instant.EPOCH);
        } else if (c.equals(Carrier.TRACKING_WEBHOOK)) {
            assertThat(carrier.webhookHandler()).isNotNull();
        } else if (c.equals(Carrier.COD_REMITTANCE)) {
            carrier.remittances(Instant.EPOCH);
        } else {
            throw new IllegalStateException("the kit does not know capability " + c);
        }
    }

    private void firstDeclaredOperation() {
        if (carrier.can(Carrier.RATES)) {
            carrier.rates(RateRequest.of(origin(), destination(), parcels()));
        } else if (carrier.can(Carrier.COD_REMITTANCE)) {
            carrier.remittances(Instant.EPOCH);
        } else if (carrier.can(Carrier.CREATE_SHIPMENT)) {
            carrier.createShipment(bookingRequest("tck-errors", Optional.empty()));
        } else {
            assumeThat(false)
                    .as("a remote operation without preconditions is declared")
                    .isTrue();
        }
    }

    private WebhookRequest webhookOf(CarrierBooking booking, TrackingStatus status) {
        Optional<WebhookRequest> request = reportTracking(carrier, booking, status);
        assertThat(request)
                .as("reportTracking must return the webhook of a carrier declaring TRACKING_WEBHOOK")
                .isPresent();
        return request.get();
    }

    private void assertRejected(WebhookRequest request, WebhookRejectedException.Reason reason) {
        assertThatThrownBy(() -> carrier.webhookHandler().accept(request))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.connector()).isEqualTo(carrier.id());
                    assertNoSecrets(e.getMessage());
                });
    }

    private ConnectorException assertFails(ThrowingCallable call, FailureKind kind) {
        ConnectorException[] caught = new ConnectorException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertNoSecrets(e.getMessage());
            caught[0] = e;
        });
        return caught[0];
    }

    private void assertNoSecrets(String text) {
        for (String secret : secrets()) {
            assertThat(text).as("a secret shows").doesNotContain(secret);
        }
    }

    private static char flip(String value) {
        char last = value.charAt(value.length() - 1);
        return last == '0' ? '1' : '0';
    }
}
