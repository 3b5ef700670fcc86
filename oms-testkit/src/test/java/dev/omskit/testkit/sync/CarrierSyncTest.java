package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.connectors.carrier.CarrierTrackingEvent;
import dev.omskit.connectors.carrier.CodRemittanceLine;
import dev.omskit.connectors.carrier.ShipmentBookingRequest;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.sync.CarrierBinding;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.connectors.sync.SyncWorkType;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.CodStatus;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.testkit.FulfilmentFixtures;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.connectors.FakeCarrier;
import dev.omskit.testkit.store.InMemoryCursorStore;
import dev.omskit.testkit.store.InMemoryStorage;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sync engine's carrier part through a real {@link Oms} (in-memory storage, an inventory, the outbox
 * listener) and a {@link FakeCarrier}: bookings, tracking by poll and by webhook, COD remittances.
 */
@DisplayName("Sync engine: shipments at carriers")
class CarrierSyncTest {
    private static final LocationId WH = LocationId.of("WH-HCM");
    private static final Actor WMS = Actor.system("wms");
    private static final String SECRET = "carrier-hook-secret";
    private static final Duration TRACK_EVERY = Duration.ofMinutes(15);

    private final ManualClock clock = ManualClock.at("2026-11-11T08:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final InMemorySyncWorkStore work = InMemorySyncWorkStore.create();
    private final InMemoryCursorStore cursors = InMemoryCursorStore.create();
    private final ResilientCaller caller = ResilientCaller.of(ResiliencePolicy.builder()
            .maxAttempts(1) // the engine's own retries are under test, not the caller's
            .initialBackoff(Duration.ZERO)
            .maxBackoff(Duration.ZERO)
            .timeout(Duration.ofSeconds(5))
            .build());
    private final Inventory inventory;
    private final Oms oms;
    private final List<SyncEngine> engines = new ArrayList<>();

    CarrierSyncTest() {
        inventory = InventoryFixtures.oneWarehouse(
                TENANT, WH, java.util.Map.of(Sku.of("SKU-1"), 50, Sku.of("SKU-2"), 50), clock);
        oms = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .eventListener(SyncEngine.outboxListener(work, clock))
                .build();
    }

    @AfterEach
    void close() {
        engines.forEach(SyncEngine::close);
        caller.close();
    }

    // ------------------------------------------------------------------------------------------ setup

    private SyncEngine engine(Carrier carrier) {
        return engine(work, carrier);
    }

    private SyncEngine engine(SyncWorkStore store, Carrier carrier) {
        SyncEngine e = SyncEngine.builder()
                .oms(oms)
                .work(store)
                .cursors(cursors)
                .caller(caller)
                .clock(clock)
                .carrier(new CarrierBinding(TENANT, carrier, "default", TRACK_EVERY))
                .build();
        engines.add(e);
        return e;
    }

    private static FakeCarrier carrier(ManualClock clock, Capability... capabilities) {
        return FakeCarrier.of(
                "GHN",
                SECRET,
                clock,
                dev.omskit.core.model.Money.currency("VND"),
                capabilities.length == 0 ? Carrier.ALL : Set.of(capabilities));
    }

    /** A prepaid order of 2 x SKU-1 at 100,000 and 1 x SKU-2 at 50,000, released, picked and packed. */
    private FulfilmentRequest packedOrder(boolean cod) {
        var capture = OrderFixtures.capture()
                .lines(List.of(line("SKU-1", 2, 100_000), line("SKU-2", 1, 50_000)))
                .shippingFee(OrderFixtures.vnd(30_000));
        if (cod) {
            capture.paymentMethod(PaymentMethod.CASH_ON_DELIVERY).paymentStatus(PaymentStates.COD_PENDING);
        }
        Order order = oms.capture(capture.build()).order();
        oms.allocate(TENANT, order.id(), WMS);
        return FulfilmentFixtures.packed(oms, TENANT, order.id(), WMS);
    }

    /** Creates the shipment of every unit of the packed request with carrier GHN: the engine books it. */
    private Shipment ship(FulfilmentRequest r) {
        return oms.shipping()
                .create(FulfilmentFixtures.shipmentOf(r, "GHN", WMS).build());
    }

    private Shipment reload(Shipment s) {
        return oms.shipping().find(TENANT, s.id()).orElseThrow();
    }

    private SyncWork item(String key) {
        return work.find(TENANT, key).orElseThrow(() -> new AssertionError("no work item " + key));
    }

    private static String bookKey(Shipment s) {
        return "book/GHN/" + s.id();
    }

    /** A shipment booked by {@code engine}: labelled in core. */
    private Shipment booked(SyncEngine engine, FakeCarrier ghn, boolean cod) {
        Shipment s = ship(packedOrder(cod));
        engine.runUntilIdle(20);
        Shipment labelled = reload(s);
        assertThat(labelled.state()).isEqualTo(ShipmentLifecycle.LABELLED);
        assertThat(ghn.shipmentFor(s.id())).isPresent();
        return labelled;
    }

    private int calls(FakeCarrier carrier, String operation) {
        return carrier.script().calls(operation).size();
    }

    // ---------------------------------------------------------------------------------------- booking

    @Nested
    @DisplayName("booking")
    class Booking {
        @Test
        @DisplayName("a created shipment is booked once; tracking number and label are recorded in core")
        void createdShipment_isBookedOnce_andLabelledInCore() {
            FakeCarrier ghn = carrier(clock);
            SyncEngine engine = engine(ghn);
            Shipment s = ship(packedOrder(false));

            engine.runUntilIdle(20);

            FakeCarrier.FakeShipment atCarrier = ghn.shipmentFor(s.id()).orElseThrow();
            Shipment labelled = reload(s);
            assertThat(labelled.state()).isEqualTo(ShipmentLifecycle.LABELLED);
            assertThat(labelled.trackingNumber()).contains(atCarrier.booking().trackingNumber());
            assertThat(labelled.label()).isEqualTo(atCarrier.booking().label());
            assertThat(labelled.label()).hasValueSatisfying(l -> assertThat(l).startsWith("https://labels.fake/GHN/"));
            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.DONE);
            assertThat(calls(ghn, "createShipment")).isEqualTo(1);

            ShipmentBookingRequest request = atCarrier.request();
            Order order = oms.get(TENANT, s.orderId());
            assertThat(request.shipmentId()).isEqualTo(s.id());
            assertThat(request.origin()).isEqualTo(OrderFixtures.address());
            assertThat(request.destination()).isEqualTo(order.shippingAddress());
            assertThat(request.parcels()).isEqualTo(s.parcels());
            assertThat(request.service()).isEqualTo(s.service());
            assertThat(request.payer()).isEqualTo(ShippingPayer.BUYER);
            assertThat(request.codAmount()).isEmpty();
            assertThat(request.declaredValue()).contains(OrderFixtures.vnd(250_000));

            // later order changes fan out again: the booking is not repeated
            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);
            assertThat(calls(ghn, "createShipment")).isEqualTo(1);
            assertThat(ghn.shipments()).hasSize(1);
        }

        @Test
        @DisplayName("a COD shipment is booked with its cash to collect")
        void codShipment_isBookedWithItsCodAmount() {
            FakeCarrier ghn = carrier(clock);
            SyncEngine engine = engine(ghn);

            Shipment s = booked(engine, ghn, true);

            assertThat(s.codAmount().isPositive()).isTrue();
            assertThat(ghn.shipmentFor(s.id()).orElseThrow().request().codAmount())
                    .contains(s.codAmount());
        }

        @Test
        @DisplayName("two RETRYABLE failures are retried with backoff; the shipment is booked once")
        void retryableFailures_areRetried_andBookOnce() {
            // no COD remittances: their poll would take the scripted failure first
            FakeCarrier ghn = carrier(clock, Carrier.CREATE_SHIPMENT, Carrier.TRACKING_POLL);
            SyncEngine engine = engine(ghn);
            Shipment s = ship(packedOrder(false));
            ghn.script().failNext(2, FailureKind.RETRYABLE);

            engine.runUntilIdle(5);
            SyncWork waiting = item(bookKey(s));
            assertThat(waiting.state()).isEqualTo(SyncState.PENDING);
            assertThat(waiting.lastFailureKind()).contains(FailureKind.RETRYABLE);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.CREATED);

            for (int i = 0; i < 3 && reload(s).trackingNumber().isEmpty(); i++) {
                clock.advance(Duration.ofMinutes(1)); // past the engine's backoff
                engine.runUntilIdle(5);
            }

            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.LABELLED);
            assertThat(reload(s).trackingNumber())
                    .contains(ghn.shipmentFor(s.id()).orElseThrow().booking().trackingNumber());
            assertThat(ghn.script().calls("createShipment"))
                    .extracting(c -> c.outcome())
                    .containsExactly("RETRYABLE", "RETRYABLE", "ok");
            assertThat(ghn.shipments()).hasSize(1);
            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.DONE);
        }

        @Test
        @DisplayName("a NOT_RETRYABLE failure parks the booking with its reason; a person's retry books it")
        void notRetryable_parksWithReason_andRetryBooks() {
            // no COD remittances: their poll would take the scripted failure first
            FakeCarrier ghn = carrier(clock, Carrier.CREATE_SHIPMENT, Carrier.TRACKING_POLL);
            SyncEngine engine = engine(ghn);
            Shipment s = ship(packedOrder(false));
            ghn.script().failNext(1, FailureKind.NOT_RETRYABLE);

            engine.runUntilIdle(20);

            assertThat(engine.parked().list(TENANT, 0, 10)).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo(bookKey(s));
                assertThat(p.type()).isEqualTo(SyncWorkType.BOOK_SHIPMENT);
                assertThat(p.lastFailureKind()).contains(FailureKind.NOT_RETRYABLE);
                assertThat(p.lastFailure())
                        .hasValueSatisfying(r -> assertThat(r).contains("scripted NOT_RETRYABLE failure"));
            });
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.CREATED);
            assertThat(ghn.shipments()).isEmpty();

            engine.parked().retry(TENANT, bookKey(s));
            engine.runUntilIdle(20);

            assertThat(engine.parked().count(TENANT)).isZero();
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.LABELLED);
            assertThat(reload(s).trackingNumber())
                    .contains(ghn.shipmentFor(s.id()).orElseThrow().booking().trackingNumber());
            assertThat(calls(ghn, "createShipment")).isEqualTo(2);
        }

        @Test
        @DisplayName("a shipment without a known origin location is parked, not booked")
        void unknownOrigin_isParkedWithReason() {
            FakeCarrier ghn = carrier(clock);
            Oms withoutInventory = Oms.builder()
                    .storage(storage)
                    .clock(clock)
                    .idGenerator(SequentialIds.create())
                    .build();
            Shipment s = ship(packedOrder(false));
            SyncEngine engine = SyncEngine.builder()
                    .oms(withoutInventory)
                    .work(work)
                    .cursors(cursors)
                    .caller(caller)
                    .clock(clock)
                    .carrier(CarrierBinding.of(TENANT, ghn))
                    .build();
            engines.add(engine);

            engine.runUntilIdle(20);

            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.PARKED);
            assertThat(item(bookKey(s)).lastFailure())
                    .hasValueSatisfying(r -> assertThat(r).contains("WH-HCM").contains("no inventory location"));
            assertThat(calls(ghn, "createShipment")).isZero();
        }
    }

    // ------------------------------------------------------------------------------------------ crashes

    /** An engine process dying: it stops where it is, holding what it leased. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("the engine's process died", null, false, false);
        }
    }

    /**
     * The shared work store as a dying engine sees it: after {@code leases} writes of booking work (the
     * lease is the first), the next write of booking work kills the process instead.
     */
    static final class DyingStore implements SyncWorkStore {
        private final SyncWorkStore delegate;
        private final AtomicInteger bookingWrites = new AtomicInteger();
        private final int survives;

        DyingStore(SyncWorkStore delegate, int survives) {
            this.delegate = delegate;
            this.survives = survives;
        }

        @Override
        public SyncWork enqueue(
                TenantId tenant, String key, String connector, String type, Map<String, String> payload, Instant now) {
            return delegate.enqueue(tenant, key, connector, type, payload, now);
        }

        @Override
        public List<SyncWork> due(Instant now, int limit) {
            return delegate.due(now, limit);
        }

        @Override
        public boolean replace(SyncWork expected, SyncWork next) {
            if (expected.type().equals(SyncWorkType.BOOK_SHIPMENT) && bookingWrites.incrementAndGet() > survives) {
                throw new SimulatedCrash();
            }
            return delegate.replace(expected, next);
        }

        @Override
        public Optional<SyncWork> find(TenantId tenant, String key) {
            return delegate.find(tenant, key);
        }

        @Override
        public List<SyncWork> inState(TenantId tenant, SyncState state, int offset, int limit) {
            return delegate.inState(tenant, state, offset, limit);
        }
    }

    @Nested
    @DisplayName("a crash mid-way, then a second engine over the same stores")
    class Crash {
        @Test
        @DisplayName("booked at the carrier but not yet labelled: the second engine gets the same booking")
        void crashAfterTheBooking_secondEngineGetsTheSameBooking() {
            FakeCarrier ghn = carrier(clock);
            SyncEngine dying = engine(new DyingStore(work, 1), ghn);
            Shipment s = ship(packedOrder(false));
            ghn.dropNextAnswers(1); // the carrier books, the answer never arrives, and the process dies

            assertThatThrownBy(dying::runOnce).isInstanceOf(SimulatedCrash.class);
            dying.close();

            assertThat(ghn.shipments()).hasSize(1);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.CREATED);
            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.PENDING); // still leased by the dead one

            SyncEngine second = engine(ghn);
            second.runUntilIdle(20);
            assertThat(reload(s).trackingNumber())
                    .as("nothing before the lease ends")
                    .isEmpty();

            clock.advance(Duration.ofMinutes(3)); // past the dead engine's lease
            second.runUntilIdle(20);

            assertThat(ghn.shipments()).hasSize(1);
            assertThat(calls(ghn, "createShipment")).isEqualTo(2);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.LABELLED);
            assertThat(reload(s).trackingNumber())
                    .contains(ghn.shipmentFor(s.id()).orElseThrow().booking().trackingNumber());
            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.DONE);
        }

        @Test
        @DisplayName("labelled in core but the work not yet marked done: the second engine books nothing")
        void crashAfterTheLabel_secondEngineDoesNotBookAgain() {
            FakeCarrier ghn = carrier(clock);
            SyncEngine dying = engine(new DyingStore(work, 1), ghn);
            Shipment s = ship(packedOrder(false));

            assertThatThrownBy(dying::runOnce).isInstanceOf(SimulatedCrash.class);
            dying.close();
            String tracking = reload(s).trackingNumber().orElseThrow();
            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.PENDING);

            clock.advance(Duration.ofMinutes(3));
            SyncEngine second = engine(ghn);
            second.runUntilIdle(20);

            assertThat(calls(ghn, "createShipment")).isEqualTo(1);
            assertThat(ghn.shipments()).hasSize(1);
            assertThat(reload(s).trackingNumber()).contains(tracking);
            assertThat(item(bookKey(s)).state()).isEqualTo(SyncState.DONE);
            assertThat(storage.documents().trail(TENANT, Shipment.KIND, s.id()))
                    .filteredOn(e -> e.trigger().equals(ShipmentLifecycle.LABEL))
                    .hasSize(1);
        }
    }

    // ----------------------------------------------------------------------------------------- tracking

    @Nested
    @DisplayName("tracking by poll")
    class TrackingPoll {
        @Test
        @DisplayName("an open shipment is polled every interval until DELIVERED; the order is delivered in core")
        void polledUntilDelivered() {
            FakeCarrier ghn = carrier(clock);
            SyncEngine engine = engine(ghn);
            Shipment s = booked(engine, ghn, false);
            String tn = s.trackingNumber().orElseThrow();
            String trackKey = "track/GHN/" + s.id();
            assertThat(item(trackKey).state()).isEqualTo(SyncState.PENDING);
            assertThat(item(trackKey).type()).isEqualTo(SyncWorkType.TRACK_SHIPMENT);

            ghn.emitTracking(tn, TrackingStatus.PICKED_UP);
            engine.runUntilIdle(20);
            assertThat(reload(s).state()).as("not polled before the interval").isEqualTo(ShipmentLifecycle.LABELLED);

            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.HANDED_OVER);

            clock.advance(Duration.ofMinutes(1));
            ghn.emitTracking(tn, TrackingStatus.IN_TRANSIT);
            clock.advance(Duration.ofMinutes(1));
            ghn.emitTracking(tn, TrackingStatus.OUT_FOR_DELIVERY);
            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.OUT_FOR_DELIVERY);
            assertThat(item(trackKey).payload())
                    .containsEntry("since", clock.instant().minus(TRACK_EVERY).toString());

            clock.advance(Duration.ofMinutes(1));
            ghn.emitTracking(tn, TrackingStatus.DELIVERED);
            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);

            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.DELIVERED);
            assertThat(item(trackKey).state()).isEqualTo(SyncState.DONE);
            Order order = oms.get(TENANT, s.orderId());
            assertThat(order.quantity(OrderStages.DELIVERED)).isEqualTo(3);
            int polls = calls(ghn, "trackingEvents");

            clock.advance(TRACK_EVERY.multipliedBy(4));
            engine.runUntilIdle(20);
            assertThat(calls(ghn, "trackingEvents"))
                    .as("no poll after the shipment is final")
                    .isEqualTo(polls);
            List<DocumentEvent> trail = storage.documents().trail(TENANT, Shipment.KIND, s.id());
            assertThat(trail)
                    .extracting(DocumentEvent::trigger)
                    .containsExactly(
                            ShipmentLifecycle.CREATE,
                            ShipmentLifecycle.LABEL,
                            ShipmentLifecycle.HAND_OVER,
                            ShipmentLifecycle.DEPART,
                            ShipmentLifecycle.DISPATCH,
                            ShipmentLifecycle.DELIVER);
            assertThat(trail).noneMatch(DocumentEvent::implied);
        }

        @Test
        @DisplayName("a failed poll is retried with backoff; the next good poll counts attempts afresh")
        void failedPoll_isRetried_thenRepeatsOnItsInterval() {
            FakeCarrier ghn = carrier(clock, Carrier.CREATE_SHIPMENT, Carrier.TRACKING_POLL);
            SyncEngine engine = engine(ghn);
            Shipment s = booked(engine, ghn, false);
            String trackKey = "track/GHN/" + s.id();
            ghn.emitTracking(s.trackingNumber().orElseThrow(), TrackingStatus.PICKED_UP);
            ghn.script().failNext(1, FailureKind.RETRYABLE);

            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);
            assertThat(item(trackKey).attempts()).isEqualTo(1);
            assertThat(item(trackKey).lastFailureKind()).contains(FailureKind.RETRYABLE);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.LABELLED);

            clock.advance(Duration.ofMinutes(1));
            engine.runUntilIdle(20);

            SyncWork again = item(trackKey);
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.HANDED_OVER);
            assertThat(again.state()).isEqualTo(SyncState.PENDING);
            assertThat(again.attempts()).isZero();
            assertThat(again.notBefore()).isEqualTo(clock.instant().plus(TRACK_EVERY));
        }
    }

    @Nested
    @DisplayName("tracking by webhook")
    class TrackingWebhook {
        private final FakeCarrier ghn = carrier(clock, Carrier.CREATE_SHIPMENT, Carrier.TRACKING_WEBHOOK);
        private final SyncEngine engine = engine(ghn);

        @Test
        @DisplayName("events are applied in the order they occurred, once, even when sent twice or reordered")
        void appliedOnce_whenSentTwiceOrOutOfOrder() {
            Shipment s = booked(engine, ghn, false);
            String tn = s.trackingNumber().orElseThrow();
            Instant t0 = clock.instant();
            CarrierTrackingEvent picked =
                    ghn.emitTracking(tn, TrackingStatus.PICKED_UP, t0.plusSeconds(60), "Picked up", Optional.empty());
            CarrierTrackingEvent transit = ghn.emitTracking(
                    tn, TrackingStatus.IN_TRANSIT, t0.plusSeconds(120), "In transit", Optional.empty());
            CarrierTrackingEvent out =
                    ghn.emitTracking(tn, TrackingStatus.OUT_FOR_DELIVERY, t0.plusSeconds(180), "Out", Optional.empty());
            CarrierTrackingEvent delivered =
                    ghn.emitTracking(tn, TrackingStatus.DELIVERED, t0.plusSeconds(240), "Delivered", Optional.empty());

            // one request, newest first
            engine.acceptTrackingWebhook(TENANT, "GHN", ghn.webhook(List.of(delivered, transit, picked)));
            engine.runUntilIdle(20);
            List<DocumentEvent> after = storage.documents().trail(TENANT, Shipment.KIND, s.id());

            // sent again, and a late event older than the delivery
            engine.acceptTrackingWebhook(TENANT, "GHN", ghn.webhook(List.of(picked, delivered, transit)));
            engine.acceptTrackingWebhook(TENANT, "GHN", ghn.webhook(List.of(out)));
            engine.runUntilIdle(20);

            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.DELIVERED);
            assertThat(oms.get(TENANT, s.orderId()).quantity(OrderStages.DELIVERED))
                    .isEqualTo(3);
            assertThat(outcome(picked)).isEqualTo("APPLIED");
            assertThat(outcome(transit)).isEqualTo("APPLIED");
            assertThat(outcome(delivered)).isEqualTo("APPLIED");
            assertThat(outcome(out)).isEqualTo("OUT_OF_ORDER");
            assertThat(storage.documents().trail(TENANT, Shipment.KIND, s.id())).isEqualTo(after);
            assertThat(after)
                    .extracting(DocumentEvent::trigger)
                    .containsExactly(
                            ShipmentLifecycle.CREATE,
                            ShipmentLifecycle.LABEL,
                            ShipmentLifecycle.HAND_OVER,
                            ShipmentLifecycle.DEPART,
                            ShipmentLifecycle.DISPATCH,
                            ShipmentLifecycle.DELIVER);
            assertThat(after.get(3).implied()).isFalse();
            assertThat(after.get(4).implied())
                    .as("out for delivery was never reported before the delivery")
                    .isTrue();
            assertThat(engine.parked().count(TENANT)).isZero();
        }

        private String outcome(CarrierTrackingEvent e) {
            SyncWork w = item("tracking/GHN/" + e.trackingNumber() + "/"
                    + e.status().name() + "/" + e.occurredAt().toEpochMilli());
            assertThat(w.state()).isEqualTo(SyncState.DONE);
            return w.payload().get("outcome");
        }

        @Test
        @DisplayName("a tampered webhook is rejected and nothing is stored")
        void tamperedWebhook_isRejected_nothingStored() {
            Shipment s = booked(engine, ghn, false);
            CarrierTrackingEvent delivered =
                    ghn.emitTracking(s.trackingNumber().orElseThrow(), TrackingStatus.DELIVERED);
            WebhookRequest signed = ghn.webhook(List.of(delivered));
            byte[] body = signed.bodyText().replace("delivered", "returned").getBytes(StandardCharsets.UTF_8);
            WebhookRequest tampered = new WebhookRequest(signed.headers(), body, signed.receivedAt());

            assertThatThrownBy(() -> engine.acceptTrackingWebhook(TENANT, "GHN", tampered))
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                            .isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE));
            assertThatThrownBy(() -> engine.acceptTrackingWebhook(TENANT, "GHN", ghn.malformedWebhook()))
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                            .isEqualTo(WebhookRejectedException.Reason.MALFORMED));
            engine.runUntilIdle(20);

            assertThat(trackingItems()).isEmpty();
            assertThat(reload(s).state()).isEqualTo(ShipmentLifecycle.LABELLED);
        }

        @Test
        @DisplayName("a webhook for a carrier not bound is refused")
        void unknownCarrier_isInvalidArgument() {
            WebhookRequest any = ghn.malformedWebhook();

            assertThatThrownBy(() -> engine.acceptTrackingWebhook(TENANT, "VTP", any))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("UNKNOWN_CARRIER"));
            assertThatThrownBy(() -> engine.acceptTrackingWebhook(TenantId.of("shop-2"), "GHN", any))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThat(trackingItems()).isEmpty();
        }

        @Test
        @DisplayName("an event for a tracking number no shipment has is parked with the reason")
        void unknownTrackingNumber_isParked() {
            CarrierTrackingEvent stray = new CarrierTrackingEvent(
                    "GHN999999", TrackingStatus.IN_TRANSIT, "transporting", clock.instant(), "", Optional.empty());

            engine.acceptTrackingWebhook(TENANT, "GHN", ghn.webhook(List.of(stray)));
            engine.runUntilIdle(20);

            assertThat(engine.parked().list(TENANT, 0, 10)).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(SyncWorkType.APPLY_TRACKING);
                assertThat(p.lastFailure())
                        .hasValueSatisfying(
                                r -> assertThat(r).contains("GHN999999").contains("no shipment"));
            });
        }

        private List<SyncWork> trackingItems() {
            List<SyncWork> all = new ArrayList<>();
            for (SyncState state : SyncState.values()) {
                all.addAll(work.inState(TENANT, state, 0, 1000));
            }
            return all.stream()
                    .filter(w -> w.type().equals(SyncWorkType.APPLY_TRACKING))
                    .toList();
        }
    }

    // ---------------------------------------------------------------------------------------------- COD

    @Nested
    @DisplayName("COD remittances")
    class Remittances {
        private final FakeCarrier ghn = carrier(clock, Carrier.CREATE_SHIPMENT, Carrier.COD_REMITTANCE);
        private final SyncEngine engine = engine(ghn);

        private Shipment delivered() {
            Shipment s = booked(engine, ghn, true);
            String tn = s.trackingNumber().orElseThrow();
            ghn.emitTracking(tn, TrackingStatus.PICKED_UP);
            CarrierTrackingEvent d = ghn.emitTracking(
                    tn, TrackingStatus.DELIVERED, clock.instant().plusSeconds(60), "Delivered", Optional.empty());
            oms.shipping().applyTracking(d.toUpdate(TENANT, "GHN", Actor.system("test")));
            return reload(s);
        }

        @Test
        @DisplayName("a remittance line read by two polls is recorded once")
        void recordedOnce_acrossTwoPolls() {
            Shipment s = delivered();
            clock.advance(Duration.ofMinutes(5));
            CodRemittanceLine line = ghn.remitCod(s.trackingNumber().orElseThrow(), s.codAmount());

            assertThat(engine.pollRemittances(TENANT, "GHN")).isEqualTo(1);
            engine.runUntilIdle(20);
            clock.advance(Duration.ofMinutes(1));
            assertThat(engine.pollRemittances(TENANT, "GHN"))
                    .as("read again: not new")
                    .isZero();
            engine.runUntilIdle(20);

            Shipment after = reload(s);
            assertThat(after.remittances()).singleElement().satisfies(r -> {
                assertThat(r.reference()).isEqualTo(line.statementReference());
                assertThat(r.amount()).isEqualTo(s.codAmount());
            });
            assertThat(after.codStatus()).isEqualTo(CodStatus.MATCHED);
            assertThat(oms.get(TENANT, s.orderId()).paymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
            SyncWork recorded = item("cod/GHN/" + line.trackingNumber() + "/" + line.statementReference());
            assertThat(recorded.type()).isEqualTo(SyncWorkType.RECORD_REMITTANCE);
            assertThat(recorded.state()).isEqualTo(SyncState.DONE);
            assertThat(cursors.cursor(TENANT, "GHN", "remittances:default"))
                    .contains(line.remittedAt().toString());
            assertThat(ghn.script().calls("remittances")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(engine.parked().count(TENANT)).isZero();
        }

        @Test
        @DisplayName("the rounds poll remittances every interval by themselves")
        void roundsPollRemittances() {
            Shipment s = delivered();
            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);
            int before = ghn.script().calls("remittances").size();
            ghn.remitCod(s.trackingNumber().orElseThrow(), s.codAmount());

            engine.runUntilIdle(20);
            assertThat(reload(s).remittances()).as("not before the interval").isEmpty();
            clock.advance(TRACK_EVERY);
            engine.runUntilIdle(20);

            assertThat(reload(s).remittances()).hasSize(1);
            assertThat(ghn.script().calls("remittances")).hasSize(before + 1);
        }

        @Test
        @DisplayName("a remittance ahead of the delivery's tracking waits, then is recorded")
        void remittanceBeforeDelivery_waitsForIt() {
            Shipment s = booked(engine, ghn, true);
            String tn = s.trackingNumber().orElseThrow();
            ghn.emitTracking(tn, TrackingStatus.PICKED_UP);
            CodRemittanceLine line = ghn.remitCod(tn, s.codAmount());
            String key = "cod/GHN/" + tn + "/" + line.statementReference();

            engine.pollRemittances(TENANT, "GHN");
            engine.runUntilIdle(3);
            assertThat(item(key).state()).isEqualTo(SyncState.PENDING);
            assertThat(item(key).lastFailure())
                    .hasValueSatisfying(r -> assertThat(r).contains("not delivered"));

            CarrierTrackingEvent d = ghn.emitTracking(
                    tn, TrackingStatus.DELIVERED, clock.instant().plusSeconds(60), "Delivered", Optional.empty());
            oms.shipping().applyTracking(d.toUpdate(TENANT, "GHN", Actor.system("test")));
            clock.advance(Duration.ofMinutes(10));
            engine.runUntilIdle(20);

            assertThat(item(key).state()).isEqualTo(SyncState.DONE);
            assertThat(reload(s).codStatus()).isEqualTo(CodStatus.MATCHED);
        }

        @Test
        @DisplayName("a statement reference recorded with another amount is parked for a person")
        void sameReferenceOtherAmount_isParked() {
            Shipment s = delivered();
            CodRemittanceLine line = ghn.remitCod(s.trackingNumber().orElseThrow(), s.codAmount());
            engine.pollRemittances(TENANT, "GHN");
            engine.runUntilIdle(20);
            assertThat(reload(s).remittances()).hasSize(1);

            // the carrier restates its line under the same statement reference with another amount
            work.enqueue(
                    TENANT,
                    "cod/GHN/" + line.trackingNumber() + "/restated",
                    "GHN",
                    SyncWorkType.RECORD_REMITTANCE,
                    Map.of(
                            "tracking", line.trackingNumber(),
                            "amount", "1000",
                            "currency", "VND",
                            "reference", line.statementReference(),
                            "remittedAt", line.remittedAt().toString()),
                    clock.instant());
            engine.runUntilIdle(20);

            assertThat(item("cod/GHN/" + line.trackingNumber() + "/restated").state())
                    .isEqualTo(SyncState.PARKED);
            assertThat(item("cod/GHN/" + line.trackingNumber() + "/restated").lastFailure())
                    .hasValueSatisfying(
                            r -> assertThat(r).contains("DUPLICATE_REFERENCE").contains(s.id()));
            assertThat(reload(s).remittances()).hasSize(1);
        }
    }
}
