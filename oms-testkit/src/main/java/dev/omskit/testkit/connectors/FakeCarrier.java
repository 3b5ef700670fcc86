package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.carrier.CancelShipmentRequest;
import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.connectors.carrier.CarrierBooking;
import dev.omskit.connectors.carrier.CarrierTrackingEvent;
import dev.omskit.connectors.carrier.CodRemittanceLine;
import dev.omskit.connectors.carrier.RateQuote;
import dev.omskit.connectors.carrier.RateRequest;
import dev.omskit.connectors.carrier.ShipmentBookingRequest;
import dev.omskit.connectors.webhook.WebhookHandler;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRejectedException.Reason;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.Money;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.support.Checks;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-memory carrier that keeps the {@link Carrier} contract: it books shipments once per shipment id
 * with deterministic tracking numbers ({@code <ID>000001}, {@code <ID>000002} ...), keeps each shipment's
 * state and events, refuses cancelling after pick-up, answers tracking polls and remittance reads, and
 * signs its webhooks with HMAC-SHA256 over a shared secret.
 *
 * <p>Tests drive the carrier's side: {@link #emitTracking} records a tracking event (answered by later
 * polls; {@link #webhook} turns events into a signed request in any order or repetition), {@link
 * #remitCod} adds a line to the remittance statement, {@link #malformedWebhook} signs a body that does not
 * parse, {@link #dropNextAnswers} books or cancels but loses the answer (the caller sees {@code
 * RETRYABLE}), and {@link #script()} fails, rate-limits or delays the next calls and records them.
 *
 * <p>Fees are deterministic: {@code ECONOMY} costs 15,000 plus 5,000 per started 500 g of chargeable
 * weight (divisor {@link Parcel#DEFAULT_DIVISOR}), in four days; {@code EXPRESS} costs twice that, in one
 * day; prices are in the fake's currency. Thread-safe; {@code toString} never shows the secret.
 */
public final class FakeCarrier implements Carrier {
    /** The header carrying the hex HMAC-SHA256 of {@code timestamp + "\n" + body}. */
    public static final String SIGNATURE_HEADER = "X-Fake-Carrier-Signature";
    /** The header carrying the signing time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "X-Fake-Carrier-Timestamp";
    /** How far a webhook's timestamp may be from its arrival before it is {@code STALE}. */
    public static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

    private static final Map<TrackingStatus, String> RAW = new EnumMap<>(Map.of(
            TrackingStatus.PICKED_UP, "picked",
            TrackingStatus.IN_TRANSIT, "transporting",
            TrackingStatus.OUT_FOR_DELIVERY, "delivering",
            TrackingStatus.DELIVERED, "delivered",
            TrackingStatus.DELIVERY_FAILED, "delivery_fail",
            TrackingStatus.RETURNING, "return",
            TrackingStatus.RETURNED_TO_SENDER, "returned"));

    /**
     * A shipment as the fake carrier holds it.
     *
     * @param request what it was booked with
     * @param booking what the booking answered
     * @param cancelled whether it was cancelled
     * @param events its tracking events in the order emitted
     */
    public record FakeShipment(
            ShipmentBookingRequest request,
            CarrierBooking booking,
            boolean cancelled,
            List<CarrierTrackingEvent> events) {
        public FakeShipment {
            events = List.copyOf(events);
        }

        /** The latest status emitted, if any. */
        public Optional<TrackingStatus> status() {
            return events.isEmpty()
                    ? Optional.empty()
                    : Optional.of(events.get(events.size() - 1).status());
        }

        /** Whether the carrier collected it (any tracking event means it did). */
        public boolean pickedUp() {
            return !events.isEmpty();
        }
    }

    private final String id;
    private final Set<Capability> capabilities;
    private final byte[] secret;
    private final InstantSource clock;
    private final Currency currency;
    private final FakeScript script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, FakeShipment> byShipmentId = new LinkedHashMap<>();
    private final Map<String, String> shipmentIdByTracking = new HashMap<>();
    private final List<CodRemittanceLine> remittances = new ArrayList<>();
    private int dropAnswers;
    private int trackingSequence;
    private int statementSequence;

    private FakeCarrier(
            String id, Set<Capability> capabilities, String webhookSecret, InstantSource clock, Currency currency) {
        this.id = Checks.id("carrier id", id);
        this.capabilities = Set.copyOf(capabilities);
        this.secret = Checks.notNull("webhookSecret", webhookSecret).getBytes(StandardCharsets.UTF_8);
        this.clock = Checks.notNull("clock", clock);
        this.currency = Checks.notNull("currency", currency);
        this.script = new FakeScript(id);
        if (secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        if (!Carrier.ALL.containsAll(this.capabilities)) {
            throw new IllegalArgumentException("not carrier capabilities: " + this.capabilities);
        }
    }

    /** A fake carrier with every capability, quoting in VND. */
    public static FakeCarrier of(String id, String webhookSecret, InstantSource clock) {
        return new FakeCarrier(id, Carrier.ALL, webhookSecret, clock, Money.currency("VND"));
    }

    /** A fake carrier declaring only {@code capabilities}, quoting in {@code currency}. */
    public static FakeCarrier of(
            String id, String webhookSecret, InstantSource clock, Currency currency, Set<Capability> capabilities) {
        return new FakeCarrier(id, capabilities, webhookSecret, clock, currency);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** What the next calls do, and the calls so far. */
    public FakeScript script() {
        return script;
    }

    /**
     * The next {@code times} bookings or cancellations take effect but their answer is lost: the caller
     * gets a {@code RETRYABLE} failure and must repeat the call to learn the result.
     */
    public FakeCarrier dropNextAnswers(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        lock.lock();
        try {
            dropAnswers += times;
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    public List<RateQuote> rates(RateRequest request) {
        script.enter("rates", request);
        require(RATES, "rates");
        Money economy = economyFee(request.parcels());
        return List.of(
                RateQuote.inDays(ServiceLevel.ECONOMY, economy, 4),
                RateQuote.inDays(ServiceLevel.EXPRESS, economy.times(2), 1));
    }

    @Override
    public CarrierBooking createShipment(ShipmentBookingRequest request) {
        script.enter("createShipment", request);
        require(CREATE_SHIPMENT, "createShipment");
        lock.lock();
        try {
            FakeShipment known = byShipmentId.get(request.shipmentId());
            if (known != null) {
                if (!known.request().equals(request)) {
                    throw ConnectorException.notRetryable(
                            id,
                            "createShipment",
                            "shipment '" + request.shipmentId() + "' was booked already with another request (tracking "
                                    + known.booking().trackingNumber() + ")");
                }
                return answer("createShipment", known.booking());
            }
            if (!request.service().equals(ServiceLevel.ECONOMY)
                    && !request.service().equals(ServiceLevel.EXPRESS)) {
                throw ConnectorException.notRetryable(
                        id,
                        "createShipment",
                        "service '" + request.service() + "' is not offered; use ECONOMY or EXPRESS");
            }
            String tracking = id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "")
                    + String.format(Locale.ROOT, "%06d", ++trackingSequence);
            Money fee = economyFee(request.parcels());
            if (request.service().equals(ServiceLevel.EXPRESS)) {
                fee = fee.times(2);
            }
            CarrierBooking booking = new CarrierBooking(
                    request.shipmentId(),
                    tracking,
                    Optional.of("https://labels.fake/" + id + "/" + tracking + ".pdf"),
                    fee);
            byShipmentId.put(request.shipmentId(), new FakeShipment(request, booking, false, List.of()));
            shipmentIdByTracking.put(tracking, request.shipmentId());
            return answer("createShipment", booking);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancelShipment(CancelShipmentRequest request) {
        script.enter("cancelShipment", request);
        require(CANCEL_SHIPMENT, "cancelShipment");
        lock.lock();
        try {
            FakeShipment shipment = known("cancelShipment", request.trackingNumber());
            if (!shipment.request().shipmentId().equals(request.shipmentId())) {
                throw ConnectorException.notRetryable(
                        id,
                        "cancelShipment",
                        "tracking number '" + request.trackingNumber() + "' belongs to shipment '"
                                + shipment.request().shipmentId() + "', not '" + request.shipmentId() + "'");
            }
            if (shipment.cancelled()) {
                answer("cancelShipment", null);
                return;
            }
            if (shipment.pickedUp()) {
                throw ConnectorException.notRetryable(
                        id,
                        "cancelShipment",
                        "shipment '" + request.trackingNumber() + "' was picked up already (status "
                                + shipment.status().orElseThrow() + "); it cannot be cancelled");
            }
            byShipmentId.put(
                    shipment.request().shipmentId(),
                    new FakeShipment(shipment.request(), shipment.booking(), true, shipment.events()));
            answer("cancelShipment", null);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<CarrierTrackingEvent> trackingEvents(String trackingNumber, Instant since) {
        script.enter("trackingEvents", trackingNumber + " since " + since);
        require(TRACKING_POLL, "trackingEvents");
        Checks.notNull("since", since);
        lock.lock();
        try {
            return known("trackingEvents", Checks.notNull("trackingNumber", trackingNumber)).events().stream()
                    .filter(e -> !e.occurredAt().isBefore(since))
                    .sorted(Comparator.comparing(CarrierTrackingEvent::occurredAt))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WebhookHandler<List<CarrierTrackingEvent>> webhookHandler() {
        require(TRACKING_WEBHOOK, "webhookHandler");
        return new Handler();
    }

    @Override
    public List<CodRemittanceLine> remittances(Instant since) {
        script.enter("remittances", since);
        require(COD_REMITTANCE, "remittances");
        Checks.notNull("since", since);
        lock.lock();
        try {
            return remittances.stream()
                    .filter(r -> !r.remittedAt().isBefore(since))
                    .sorted(Comparator.comparing(CodRemittanceLine::remittedAt))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The carrier reports a tracking event now; see {@link #emitTracking(String, TrackingStatus, Instant,
     * String, Optional)}.
     */
    public CarrierTrackingEvent emitTracking(String trackingNumber, TrackingStatus status) {
        return emitTracking(trackingNumber, status, clock.instant(), describe(status), Optional.empty());
    }

    /**
     * The carrier reports a tracking event: later polls answer it (and {@link #webhook} can deliver it).
     * Any event means the carrier picked the parcel up, so the shipment cannot be cancelled any more.
     *
     * @throws IllegalArgumentException for an unknown tracking number
     * @throws IllegalStateException for a cancelled shipment
     */
    public CarrierTrackingEvent emitTracking(
            String trackingNumber,
            TrackingStatus status,
            Instant occurredAt,
            String description,
            Optional<String> failureReason) {
        CarrierTrackingEvent event = new CarrierTrackingEvent(
                trackingNumber, status, RAW.get(status), occurredAt, description, failureReason);
        lock.lock();
        try {
            FakeShipment shipment = shipment(trackingNumber)
                    .orElseThrow(
                            () -> new IllegalArgumentException("no shipment with tracking number " + trackingNumber));
            if (shipment.cancelled()) {
                throw new IllegalStateException("shipment " + trackingNumber + " was cancelled");
            }
            List<CarrierTrackingEvent> events = new ArrayList<>(shipment.events());
            events.add(event);
            byShipmentId.put(
                    shipment.request().shipmentId(),
                    new FakeShipment(shipment.request(), shipment.booking(), false, events));
            return event;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The carrier remits {@code amount} of cash on delivery for a tracking number now, on a statement of its
     * own ({@code <ID>-ST-0001}, {@code <ID>-ST-0002} ...): later {@link #remittances} reads answer it.
     *
     * @throws IllegalArgumentException for an unknown tracking number
     */
    public CodRemittanceLine remitCod(String trackingNumber, Money amount) {
        lock.lock();
        try {
            if (shipment(trackingNumber).isEmpty()) {
                throw new IllegalArgumentException("no shipment with tracking number " + trackingNumber);
            }
            CodRemittanceLine line = new CodRemittanceLine(
                    trackingNumber,
                    amount,
                    id.toUpperCase(Locale.ROOT) + "-ST-" + String.format(Locale.ROOT, "%04d", ++statementSequence),
                    clock.instant());
            remittances.add(line);
            return line;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A webhook request delivering {@code events} in the order given (repeat or reorder them to test
     * duplicates and reordering), signed now with the shared secret.
     */
    public WebhookRequest webhook(List<CarrierTrackingEvent> events) {
        StringBuilder body = new StringBuilder();
        for (CarrierTrackingEvent e : events) {
            body.append("tn=")
                    .append(encode(e.trackingNumber()))
                    .append("&status=")
                    .append(encode(e.rawStatus()))
                    .append("&at=")
                    .append(encode(e.occurredAt().toString()))
                    .append("&desc=")
                    .append(encode(e.description()));
            e.failureReason().ifPresent(r -> body.append("&reason=").append(encode(r)));
            body.append('\n');
        }
        return signed(body.toString().getBytes(StandardCharsets.UTF_8), clock.instant());
    }

    /** A correctly signed webhook whose body the carrier's format does not allow: parsing it is {@code MALFORMED}. */
    public WebhookRequest malformedWebhook() {
        return signed("tn=&status=teleported&at=yesterday\n".getBytes(StandardCharsets.UTF_8), clock.instant());
    }

    /** A webhook delivering {@code events}, signed at {@code signedAt} (for staleness tests). */
    public WebhookRequest webhookSignedAt(List<CarrierTrackingEvent> events, Instant signedAt) {
        WebhookRequest fresh = webhook(events);
        return signed(fresh.body(), signedAt, fresh.receivedAt());
    }

    /** The shipment booked for our shipment id, as the carrier holds it. */
    public Optional<FakeShipment> shipmentFor(String shipmentId) {
        lock.lock();
        try {
            return Optional.ofNullable(byShipmentId.get(shipmentId));
        } finally {
            lock.unlock();
        }
    }

    /** The shipment with this tracking number, as the carrier holds it. */
    public Optional<FakeShipment> shipment(String trackingNumber) {
        lock.lock();
        try {
            String shipmentId = shipmentIdByTracking.get(trackingNumber);
            return shipmentId == null ? Optional.empty() : Optional.of(byShipmentId.get(shipmentId));
        } finally {
            lock.unlock();
        }
    }

    /** Every shipment the carrier holds, in booking order (cancelled ones included). */
    public List<FakeShipment> shipments() {
        lock.lock();
        try {
            return List.copyOf(byShipmentId.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "FakeCarrier[" + id + ", " + shipments().size() + " shipments]";
    }

    private <T> T answer(String operation, T result) {
        if (dropAnswers > 0) {
            dropAnswers--;
            throw ConnectorException.retryable(id, operation, "the answer was lost (scripted)");
        }
        return result;
    }

    private FakeShipment known(String operation, String trackingNumber) {
        String shipmentId = shipmentIdByTracking.get(trackingNumber);
        if (shipmentId == null) {
            throw ConnectorException.notRetryable(id, operation, "unknown tracking number '" + trackingNumber + "'");
        }
        return byShipmentId.get(shipmentId);
    }

    private Money economyFee(List<Parcel> parcels) {
        long grams = parcels.stream()
                .mapToLong(p -> p.chargeableWeightGrams(Parcel.DEFAULT_DIVISOR))
                .sum();
        long steps = (grams + 499) / 500;
        return Money.of(BigDecimal.valueOf(15_000 + 5_000 * steps), currency);
    }

    private static String describe(TrackingStatus status) {
        return switch (status) {
            case PICKED_UP -> "Picked up from the sender";
            case IN_TRANSIT -> "In transit";
            case OUT_FOR_DELIVERY -> "Out for delivery";
            case DELIVERED -> "Delivered to the recipient";
            case DELIVERY_FAILED -> "Delivery attempt failed";
            case RETURNING -> "Returning to the sender";
            case RETURNED_TO_SENDER -> "Returned to the sender";
        };
    }

    private WebhookRequest signed(byte[] body, Instant signedAt) {
        return signed(body, signedAt, clock.instant());
    }

    private WebhookRequest signed(byte[] body, Instant signedAt, Instant receivedAt) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return new WebhookRequest(
                Map.of(
                        SIGNATURE_HEADER,
                        HexFormat.of().formatHex(mac(timestamp, body)),
                        TIMESTAMP_HEADER,
                        timestamp,
                        "Content-Type",
                        "application/x-www-form-urlencoded"),
                body,
                receivedAt);
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Verify-then-parse of the fake carrier's webhooks. */
    private final class Handler implements WebhookHandler<List<CarrierTrackingEvent>> {
        @Override
        public void verify(WebhookRequest request) {
            String signature = request.header(SIGNATURE_HEADER)
                    .orElseThrow(() -> rejected(Reason.BAD_SIGNATURE, "no " + SIGNATURE_HEADER + " header"));
            String timestamp = request.header(TIMESTAMP_HEADER)
                    .orElseThrow(() -> rejected(Reason.BAD_SIGNATURE, "no " + TIMESTAMP_HEADER + " header"));
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException e) {
                throw rejected(Reason.BAD_SIGNATURE, "the signature is not hexadecimal");
            }
            if (!MessageDigest.isEqual(given, mac(timestamp, request.body()))) {
                throw rejected(Reason.BAD_SIGNATURE, "the signature does not match the body");
            }
            Instant signedAt;
            try {
                signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
            } catch (NumberFormatException e) {
                throw rejected(Reason.BAD_SIGNATURE, "the timestamp is not a number of seconds");
            }
            if (Duration.between(signedAt, request.receivedAt()).abs().compareTo(WEBHOOK_TOLERANCE) > 0) {
                throw rejected(
                        Reason.STALE,
                        "signed at " + signedAt + ", received at " + request.receivedAt() + ", more than "
                                + WEBHOOK_TOLERANCE + " apart");
            }
        }

        @Override
        public List<CarrierTrackingEvent> parse(WebhookRequest request) {
            List<CarrierTrackingEvent> events = new ArrayList<>();
            String[] lines = request.bodyText().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                events.add(event(i + 1, lines[i]));
            }
            if (events.isEmpty()) {
                throw rejected(Reason.MALFORMED, "the webhook carries no event");
            }
            return List.copyOf(events);
        }

        private CarrierTrackingEvent event(int line, String text) {
            Map<String, String> fields = new HashMap<>();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw rejected(Reason.MALFORMED, "line " + line + ": field without '=': " + pair);
                }
                fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            String raw = fields.getOrDefault("status", "");
            TrackingStatus status = RAW.entrySet().stream()
                    .filter(e -> e.getValue().equals(raw))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> rejected(Reason.MALFORMED, "line " + line + ": unknown status '" + raw + "'"));
            Instant at;
            try {
                at = Instant.parse(fields.getOrDefault("at", ""));
            } catch (DateTimeParseException e) {
                throw rejected(Reason.MALFORMED, "line " + line + ": 'at' is not an instant");
            }
            String tracking = fields.getOrDefault("tn", "");
            if (Checks.idProblem("tracking number", tracking).isPresent()) {
                throw rejected(Reason.MALFORMED, "line " + line + ": no valid tracking number");
            }
            return new CarrierTrackingEvent(
                    tracking,
                    status,
                    raw,
                    at,
                    fields.getOrDefault("desc", ""),
                    Optional.ofNullable(fields.get("reason")));
        }

        private WebhookRejectedException rejected(Reason reason, String message) {
            return new WebhookRejectedException(id, reason, message);
        }
    }
}
