package dev.omskit.connectors.sync;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.connectors.carrier.CarrierBooking;
import dev.omskit.connectors.carrier.CarrierTrackingEvent;
import dev.omskit.connectors.carrier.CodRemittanceLine;
import dev.omskit.connectors.carrier.ShipmentBookingRequest;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.shipment.TrackingResult;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.support.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shipments at carriers: a shipment created in omskit is booked at its carrier ({@code BOOK_SHIPMENT}, its
 * tracking number and label recorded in core), an open shipment's tracking is pulled until it is final
 * ({@code TRACK_SHIPMENT}, a repeating poll), tracking webhooks are applied ({@code APPLY_TRACKING}, one item
 * per event) and COD remittance statements are recorded ({@code RECORD_REMITTANCE}, one item per line).
 *
 * <p>Booking relies on the carrier's idempotency by shipment id ({@link Carrier#createShipment}): a booking
 * repeated after a lost answer or a crash gets the same tracking number, and the label is recorded in core
 * under an idempotency key derived from the shipment id, so nothing is booked or labelled twice. Tracking
 * events repeated or out of order are ignored by core ({@link TrackingResult}); remittance lines read
 * again are one work item each (their key names the tracking number and the statement).
 */
final class CarrierSync {
    static final String SHIPMENT = "shipment";
    static final String ORDER = "order";
    static final String TRACKING = "tracking";
    static final String SINCE = "since";
    static final String STATUS = "status";
    static final String RAW_STATUS = "rawStatus";
    static final String OCCURRED_AT = "occurredAt";
    static final String DESCRIPTION = "description";
    static final String FAILURE_REASON = "failureReason";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String REFERENCE = "reference";
    static final String REMITTED_AT = "remittedAt";
    static final String OUTCOME = "outcome";

    /** Shipment states after which the carrier reports nothing more. */
    static final Set<State> FINAL =
            Set.of(ShipmentLifecycle.DELIVERED, ShipmentLifecycle.RETURNED_TO_SENDER, ShipmentLifecycle.CANCELLED);

    private final SyncEngine engine;
    private final Map<String, Instant> nextPoll = new ConcurrentHashMap<>();

    CarrierSync(SyncEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, SyncHandler> handlers) {
        handlers.put(SyncWorkType.BOOK_SHIPMENT, SyncHandler.each(this::book));
        handlers.put(SyncWorkType.TRACK_SHIPMENT, SyncHandler.each(this::track));
        handlers.put(SyncWorkType.RECORD_REMITTANCE, SyncHandler.each(this::recordRemittance));
        handlers.put(SyncWorkType.APPLY_TRACKING, SyncHandler.batched(50, this::applyTracking));
    }

    static boolean isFinal(Shipment s) {
        return FINAL.contains(s.state());
    }

    // ------------------------------------------------------------------------------------------ fan-out

    void fanOut(Order order, Instant now) {
        TenantId tenant = order.tenant();
        for (Shipment s : engine.oms().shipping().shipments(tenant, order.id())) {
            Optional<CarrierBinding> found = engine.carrier(tenant, s.carrier());
            if (found.isEmpty()) {
                continue;
            }
            CarrierBinding b = found.get();
            Carrier carrier = b.carrier();
            if (ShipmentLifecycle.CREATED.equals(s.state())
                    && s.trackingNumber().isEmpty()
                    && carrier.can(Carrier.CREATE_SHIPMENT)) {
                engine.enqueueOnce(
                        tenant,
                        "book/" + b.connectorId() + "/" + s.id(),
                        b.connectorId(),
                        SyncWorkType.BOOK_SHIPMENT,
                        Map.of(SHIPMENT, s.id(), ORDER, order.id().value()));
            }
            if (s.trackingNumber().isPresent() && !isFinal(s) && carrier.can(Carrier.TRACKING_POLL)) {
                engine.enqueueOnce(
                        tenant,
                        "track/" + b.connectorId() + "/" + s.id(),
                        b.connectorId(),
                        SyncWorkType.TRACK_SHIPMENT,
                        Map.of(
                                SHIPMENT,
                                s.id(),
                                ORDER,
                                order.id().value(),
                                TRACKING,
                                s.trackingNumber().get()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ inputs

    CarrierBinding binding(TenantId tenant, String carrier) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("carrier", carrier);
        return engine.carrier(tenant, carrier)
                .orElseThrow(() -> InvalidArgumentException.of(
                        "carrier", "UNKNOWN_CARRIER", "no carrier '" + carrier + "' is bound for tenant " + tenant));
    }

    /** Verifies, then parses a tracking webhook; each event becomes one {@code APPLY_TRACKING} item. */
    int webhook(CarrierBinding b, WebhookRequest request) {
        List<CarrierTrackingEvent> events = b.carrier().webhookHandler().accept(request);
        for (CarrierTrackingEvent e : events) {
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put(TRACKING, e.trackingNumber());
            payload.put(STATUS, e.status().name());
            payload.put(RAW_STATUS, e.rawStatus());
            payload.put(OCCURRED_AT, e.occurredAt().toString());
            payload.put(DESCRIPTION, e.description());
            e.failureReason().ifPresent(r -> payload.put(FAILURE_REASON, r));
            engine.enqueueOnce(
                    b.tenant(),
                    "tracking/" + b.connectorId() + "/" + e.trackingNumber() + "/"
                            + e.status().name() + "/" + e.occurredAt().toEpochMilli(),
                    b.connectorId(),
                    SyncWorkType.APPLY_TRACKING,
                    payload);
        }
        return events.size();
    }

    /**
     * Reads the carrier's COD remittances since the cursor (the newest line taken, inclusive); each line
     * becomes a {@code RECORD_REMITTANCE} item, and the cursor moves only once all are stored.
     *
     * @return the lines new to the engine (a line read again is not counted)
     */
    int pollRemittances(CarrierBinding b) {
        TenantId tenant = b.tenant();
        String connector = b.connectorId();
        String feed = "remittances:" + b.account();
        Optional<String> stored = engine.cursors().cursor(tenant, connector, feed);
        Instant since = stored.map(Instant::parse).orElse(Instant.EPOCH);
        List<CodRemittanceLine> lines = engine.caller()
                .call(connector, b.account(), "remittances", () -> b.carrier().remittances(since));
        int taken = 0;
        Instant newest = since;
        for (CodRemittanceLine line : lines) {
            String key = "cod/" + connector + "/" + line.trackingNumber() + "/" + line.statementReference();
            Optional<SyncWork> existing = engine.work().find(tenant, key);
            if (existing.isEmpty() || existing.get().state() == SyncState.DISCARDED) {
                taken++;
            }
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put(TRACKING, line.trackingNumber());
            payload.put(AMOUNT, line.amount().amount().toPlainString());
            payload.put(CURRENCY, line.amount().currency().getCurrencyCode());
            payload.put(REFERENCE, line.statementReference());
            payload.put(REMITTED_AT, line.remittedAt().toString());
            engine.enqueueOnce(tenant, key, connector, SyncWorkType.RECORD_REMITTANCE, payload);
            if (line.remittedAt().isAfter(newest)) {
                newest = line.remittedAt();
            }
        }
        if (!lines.isEmpty() && (stored.isEmpty() || newest.isAfter(since))) {
            // false: another engine read the same lines and moved the cursor; the work items are the same keys
            engine.cursors().advance(tenant, connector, feed, stored, newest.toString());
        }
        return taken;
    }

    /**
     * Polls the remittances of every carrier that remits COD whose interval ({@link
     * CarrierBinding#trackEvery()}) has passed; a failed poll is reported and tried at the next interval.
     *
     * @return the polls made
     */
    int pollDue(Instant now, List<String> failures) {
        int polled = 0;
        for (TenantId tenant : engine.tenants()) {
            for (CarrierBinding b : engine.carriers(tenant)) {
                if (!b.carrier().can(Carrier.COD_REMITTANCE)) {
                    continue;
                }
                String pollKey = tenant.value() + "/" + b.connectorId();
                if (nextPoll.getOrDefault(pollKey, Instant.MIN).isAfter(now)) {
                    continue;
                }
                nextPoll.put(pollKey, now.plus(b.trackEvery()));
                try {
                    pollRemittances(b);
                    polled++;
                } catch (ConnectorException e) {
                    failures.add(tenant + "/" + b.connectorId() + ": " + e.getMessage());
                    engine.count(
                            "omskit.sync.poll.failures",
                            b.connectorId(),
                            "remittances",
                            e.kind().name());
                }
            }
        }
        return polled;
    }

    // ----------------------------------------------------------------------------------------- handlers

    private SyncOutcome book(SyncWork w) {
        CarrierBinding b = bound(w);
        Shipment s = shipment(w);
        if (!ShipmentLifecycle.CREATED.equals(s.state()) || s.trackingNumber().isPresent()) {
            return SyncOutcome.done(result(s)); // booked meanwhile (by another engine, or by hand), or cancelled
        }
        if (!b.carrier().can(Carrier.CREATE_SHIPMENT)) {
            throw new ParkException("carrier '" + b.connectorId() + "' does not book shipments (no CREATE_SHIPMENT)");
        }
        ShipmentBookingRequest request = request(w.tenant(), s);
        CarrierBooking booking = engine.caller().call(b.connectorId(), b.account(), "createShipment", () -> b.carrier()
                .createShipment(request));
        if (!booking.shipmentId().equals(s.id())) {
            throw new ParkException("carrier '" + b.connectorId() + "' answered the booking of shipment " + s.id()
                    + " with a booking of shipment " + booking.shipmentId());
        }
        Shipment labelled;
        try {
            labelled = engine.oms()
                    .shipping()
                    .label(LabelShipment.builder()
                            .tenant(w.tenant())
                            .orderId(s.orderId())
                            .actor(engine.actor())
                            .shipmentId(s.id())
                            .trackingNumber(booking.trackingNumber())
                            .label(booking.label())
                            .idempotencyKey(IdempotencyKey.of("carrier-label-" + s.id()))
                            .build());
        } catch (OrderRejectedException e) {
            Shipment now = shipment(w);
            if (now.trackingNumber().equals(Optional.of(booking.trackingNumber()))) {
                return SyncOutcome.done(result(now));
            }
            throw new ParkException("shipment " + s.id() + " was booked at carrier '" + b.connectorId()
                    + "' with tracking number " + booking.trackingNumber() + ", but it is " + now.state()
                    + " in omskit now (" + e.getMessage() + "); cancel the booking at the carrier or label by hand");
        }
        return SyncOutcome.done(result(labelled));
    }

    private ShipmentBookingRequest request(TenantId tenant, Shipment s) {
        Order order = engine.oms().get(tenant, s.orderId());
        Location origin = engine.oms()
                .inventory()
                .flatMap(i -> i.location(tenant, s.origin()))
                .orElseThrow(() -> new ParkException("shipment " + s.id() + " leaves from " + s.origin()
                        + ", but the Oms has no inventory location of that id to take the pick-up address from"));
        if (s.parcels().isEmpty()) {
            throw new ParkException(
                    "shipment " + s.id() + " has no parcels; the carrier needs at least one to book it");
        }
        Optional<Money> cod = s.codAmount().isPositive() ? Optional.of(s.codAmount()) : Optional.empty();
        return new ShipmentBookingRequest(
                s.id(),
                origin.address(),
                order.shippingAddress(),
                s.parcels(),
                s.service(),
                s.payer(),
                cod,
                goodsValue(order, s));
    }

    /**
     * The value of the goods in the shipment: its units at their order lines' unit prices (it does not
     * change between a booking and its repeat, as the carrier's idempotency asks); empty when zero.
     */
    private static Optional<Money> goodsValue(Order order, Shipment s) {
        Money sum = Money.zero(order.currency());
        for (Map.Entry<LineId, Integer> e : s.lines().entrySet()) {
            Optional<OrderLine> line = order.line(e.getKey());
            if (line.isPresent()) {
                sum = sum.plus(line.get().unitPrice().times(e.getValue()));
            }
        }
        return sum.isPositive() ? Optional.of(sum) : Optional.empty();
    }

    private SyncOutcome track(SyncWork w) {
        CarrierBinding b = bound(w);
        Shipment s = shipment(w);
        Map<String, String> payload = new LinkedHashMap<>(w.payload());
        if (isFinal(s) || !b.carrier().can(Carrier.TRACKING_POLL)) {
            return SyncOutcome.done(payload);
        }
        String trackingNumber = s.trackingNumber()
                .orElseThrow(() -> new ParkException("shipment " + s.id() + " has no tracking number to track"));
        Instant since =
                Optional.ofNullable(w.payload().get(SINCE)).map(Instant::parse).orElse(Instant.EPOCH);
        List<CarrierTrackingEvent> events = engine.caller()
                .call(b.connectorId(), b.account(), "trackingEvents", () -> b.carrier()
                        .trackingEvents(trackingNumber, since));
        List<CarrierTrackingEvent> ordered = events.stream()
                .filter(e -> e.trackingNumber().equals(trackingNumber))
                .sorted(Comparator.comparing(CarrierTrackingEvent::occurredAt))
                .toList();
        Instant newest = since;
        for (CarrierTrackingEvent e : ordered) {
            engine.oms().shipping().applyTracking(e.toUpdate(w.tenant(), s.carrier(), engine.actor()));
            if (e.occurredAt().isAfter(newest)) {
                newest = e.occurredAt();
            }
        }
        payload.put(TRACKING, trackingNumber);
        payload.put(SINCE, newest.toString());
        if (isFinal(shipment(w))) {
            return SyncOutcome.done(payload);
        }
        return new SyncOutcome.Again(engine.clock().instant().plus(b.trackEvery()), payload);
    }

    /** Applies webhook events in the order they occurred (within the batch), each with its own outcome. */
    private Map<String, SyncOutcome> applyTracking(List<SyncWork> leased) {
        List<SyncWork> ordered = new ArrayList<>(leased);
        ordered.sort(Comparator.comparing((SyncWork w) -> occurredAt(w)).thenComparing(SyncWork::key));
        Map<String, SyncOutcome> out = new LinkedHashMap<>();
        for (SyncWork w : ordered) {
            SyncOutcome outcome;
            try {
                outcome = applyOne(w);
            } catch (RuntimeException e) {
                outcome = SyncOutcome.of(e);
            }
            out.put(w.key(), outcome);
        }
        return out;
    }

    private static Instant occurredAt(SyncWork w) {
        try {
            return Instant.parse(w.payload().getOrDefault(OCCURRED_AT, Instant.EPOCH.toString()));
        } catch (RuntimeException e) {
            return Instant.EPOCH; // applyOne parks it with the reason
        }
    }

    private SyncOutcome applyOne(SyncWork w) {
        CarrierTrackingEvent event;
        try {
            Map<String, String> p = w.payload();
            event = new CarrierTrackingEvent(
                    p.get(TRACKING),
                    TrackingStatus.valueOf(p.get(STATUS)),
                    p.get(RAW_STATUS),
                    Instant.parse(p.get(OCCURRED_AT)),
                    p.getOrDefault(DESCRIPTION, ""),
                    Optional.ofNullable(p.get(FAILURE_REASON)));
        } catch (RuntimeException e) {
            throw new ParkException("the stored tracking event cannot be read: " + e.getMessage());
        }
        String carrier = w.connector();
        if (engine.oms()
                .shipping()
                .findByTracking(w.tenant(), carrier, event.trackingNumber())
                .isEmpty()) {
            throw new ParkException("no shipment of carrier '" + carrier + "' has tracking number "
                    + event.trackingNumber() + " (an unknown parcel, or one not labelled in omskit yet)");
        }
        TrackingResult result =
                engine.oms().shipping().applyTracking(event.toUpdate(w.tenant(), carrier, engine.actor()));
        Map<String, String> done = new LinkedHashMap<>(w.payload());
        done.put(SHIPMENT, result.shipment().id());
        done.put(OUTCOME, result.outcome().name());
        return SyncOutcome.done(done);
    }

    private SyncOutcome recordRemittance(SyncWork w) {
        Map<String, String> p = w.payload();
        CodRemittanceLine line;
        try {
            line = new CodRemittanceLine(
                    p.get(TRACKING),
                    Money.of(new BigDecimal(p.get(AMOUNT)), Money.currency(p.get(CURRENCY))),
                    p.get(REFERENCE),
                    Instant.parse(p.get(REMITTED_AT)));
        } catch (RuntimeException e) {
            throw new ParkException("the stored remittance line cannot be read: " + e.getMessage());
        }
        Shipment s = engine.oms()
                .shipping()
                .findByTracking(w.tenant(), w.connector(), line.trackingNumber())
                .orElseThrow(() -> new ParkException("carrier '" + w.connector() + "' remitted COD for tracking number "
                        + line.trackingNumber() + ", which no shipment has"));
        try {
            // a line recorded already with the same amount changes nothing in core: done
            engine.oms().shipping().recordRemittance(line.toCommand(w.tenant(), s.orderId(), s.id(), engine.actor()));
        } catch (OrderRejectedException e) {
            if ("NOT_DELIVERED".equals(e.rejection().code())) {
                // the remittance overtook the delivery's tracking event, which is on its way
                return new SyncOutcome.Later(
                        FailureKind.RETRYABLE,
                        "shipment " + s.id() + " is not delivered yet: " + e.getMessage(),
                        Optional.empty(),
                        true);
            }
            throw e;
        } catch (InvalidArgumentException e) {
            if (e.violations().stream().anyMatch(v -> "DUPLICATE_REFERENCE".equals(v.code()))) {
                throw new ParkException("carrier '" + w.connector() + "' remitted " + line.amount() + " for shipment "
                        + s.id() + " under statement " + line.statementReference()
                        + ", which omskit recorded with another amount (DUPLICATE_REFERENCE): " + e.getMessage());
            }
            throw e;
        }
        Map<String, String> done = new LinkedHashMap<>(p);
        done.put(SHIPMENT, s.id());
        return SyncOutcome.done(done);
    }

    // ---------------------------------------------------------------------------------------- helpers

    private CarrierBinding bound(SyncWork w) {
        return engine.carrier(w.tenant(), w.connector()).orElseThrow(() -> SyncEngine.notServed(w));
    }

    private Shipment shipment(SyncWork w) {
        String id = w.payload().get(SHIPMENT);
        return engine.oms()
                .shipping()
                .find(w.tenant(), id)
                .orElseThrow(() -> new ParkException("shipment '" + id + "' is gone"));
    }

    /** What a done booking keeps: ids and the tracking number, not the addresses. */
    private static Map<String, String> result(Shipment s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SHIPMENT, s.id());
        out.put(ORDER, s.orderId().value());
        s.trackingNumber().ifPresent(t -> out.put(TRACKING, t));
        return out;
    }
}
