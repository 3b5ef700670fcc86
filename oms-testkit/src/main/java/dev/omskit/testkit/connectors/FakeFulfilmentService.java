package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.fulfilment.CancelAnswer;
import dev.omskit.connectors.fulfilment.ConfirmationPage;
import dev.omskit.connectors.fulfilment.ConfirmationsQuery;
import dev.omskit.connectors.fulfilment.FulfilmentCancellation;
import dev.omskit.connectors.fulfilment.FulfilmentConfirmation;
import dev.omskit.connectors.fulfilment.FulfilmentRelease;
import dev.omskit.connectors.fulfilment.FulfilmentService;
import dev.omskit.connectors.fulfilment.ReleaseAnswer;
import dev.omskit.connectors.webhook.WebhookHandler;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRejectedException.Reason;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.support.Checks;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-memory warehouse (WMS / 3PL / dropship vendor) that keeps the requests released to it and follows
 * each through {@code ACCEPTED -> PICKED -> PACKED -> SHIPPED}. A test plays the location's work with
 * {@link #confirmPick}, {@link #confirmPack}, {@link #confirmShipped} and {@link #reject}; each step
 * becomes a confirmation that is then {@linkplain #confirmations polled} or {@linkplain #drainWebhooks()
 * sent as signed webhooks}. Releases are idempotent by our request id; a cancellation is refused once the
 * request is packed.
 *
 * <p>Webhooks are HMAC-SHA256 signed with the secret given at construction: header {@value
 * #TIMESTAMP_HEADER} holds the epoch second it was signed at and {@value #SIGNATURE_HEADER} {@code
 * sha256=<hex>} of {@code <timestamp>.<body>}. {@link #confirmationsWebhook()} rejects a missing or wrong
 * signature ({@code BAD_SIGNATURE}), a timestamp more than {@link #TOLERANCE} away from the receipt
 * ({@code STALE}) and a body it cannot parse ({@code MALFORMED}). The body is the fake's own line format
 * (one confirmation per line, fields separated by {@code |}, values URL-encoded).
 *
 * <p>Scripting beyond {@link #script()}: {@link #rejectNextRelease(String)}, {@link
 * #loseNextResponses(int)} (a release takes effect but its answer is lost, {@code RETRYABLE}), {@link
 * #duplicateWebhooks(boolean)} and {@link #reverseWebhooks(boolean)} (each webhook sent twice, or newest
 * first), {@link #malformNextWebhook()} (a correctly signed body that does not parse). Thread-safe.
 */
public final class FakeFulfilmentService implements FulfilmentService {
    /** Every capability of the SPI. */
    public static final Set<Capability> ALL = Set.of(RELEASE, CANCEL, CONFIRMATIONS_POLL, CONFIRMATIONS_WEBHOOK);
    /** The header carrying the signature. */
    public static final String SIGNATURE_HEADER = "X-Fake-Fulfilment-Signature";
    /** The header carrying the signing time (epoch seconds). */
    public static final String TIMESTAMP_HEADER = "X-Fake-Fulfilment-Timestamp";
    /** How far a webhook's timestamp may be from its receipt. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Where a request is at the location. */
    public enum JobState {
        ACCEPTED,
        REJECTED,
        PICKED,
        PACKED,
        SHIPPED,
        CANCELLED
    }

    private static final class Job {
        final FulfilmentRelease release;
        final ReleaseAnswer answer;
        JobState state;
        Map<LineId, Integer> picked = Map.of();
        List<Parcel> parcels = List.of();

        Job(FulfilmentRelease release, ReleaseAnswer answer) {
            this.release = release;
            this.answer = answer;
            this.state = answer.accepted() ? JobState.ACCEPTED : JobState.REJECTED;
        }
    }

    private final String id;
    private final Set<Capability> capabilities;
    private final InstantSource clock;
    private final byte[] secret;
    private final FakeScript script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<FulfilmentConfirmation> events = new ArrayList<>();
    private final List<FulfilmentConfirmation> unsent = new ArrayList<>();
    private final Deque<String> releaseRefusals = new ArrayDeque<>();
    private int lostResponses;
    private boolean duplicateWebhooks;
    private boolean reverseWebhooks;
    private boolean malformNextWebhook;

    /** A location with every capability, signing webhooks with {@code webhookSecret}. */
    public FakeFulfilmentService(String id, InstantSource clock, String webhookSecret) {
        this(id, clock, webhookSecret, ALL);
    }

    /** A location declaring only {@code capabilities}. */
    public FakeFulfilmentService(String id, InstantSource clock, String webhookSecret, Set<Capability> capabilities) {
        this.id = Checks.id("connector id", id);
        this.clock = Checks.notNull("clock", clock);
        this.secret = Checks.notNull("webhookSecret", webhookSecret).getBytes(StandardCharsets.UTF_8);
        if (secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.capabilities = Set.copyOf(Checks.notNull("capabilities", capabilities));
        this.script = new FakeScript(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The scripted failures and delays, and the record of calls. */
    public FakeScript script() {
        return script;
    }

    // ------------------------------------------------------------------------------------- the SPI

    @Override
    public ReleaseAnswer release(FulfilmentRelease release) {
        script.enter("release", release);
        require(RELEASE, "release");
        Checks.notNull("release", release);
        lock.lock();
        try {
            Job existing = jobs.get(release.requestId());
            if (existing != null) {
                return existing.answer;
            }
            String refusal = releaseRefusals.pollFirst();
            ReleaseAnswer answer = refusal != null
                    ? ReleaseAnswer.rejected(release.requestId(), refusal)
                    : ReleaseAnswer.accepted(release.requestId(), String.format("job-%06d", jobs.size() + 1));
            jobs.put(release.requestId(), new Job(release, answer));
            if (answer.accepted()) {
                emit(new FulfilmentConfirmation.Accepted(
                        nextEventId(), release.requestId(), release.orderId(), clock.instant()));
            }
            if (lostResponses > 0) {
                lostResponses--;
                throw ConnectorException.retryable(
                        id, "release", "the answer for request '" + release.requestId() + "' was lost");
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CancelAnswer cancel(FulfilmentCancellation cancellation) {
        script.enter("cancel", cancellation);
        require(CANCEL, "cancel");
        Checks.notNull("cancellation", cancellation);
        lock.lock();
        try {
            Job job = jobs.get(cancellation.requestId());
            if (job == null) {
                throw ConnectorException.notRetryable(
                        id, "cancel", "no request '" + cancellation.requestId() + "' was released here");
            }
            return switch (job.state) {
                case PACKED, SHIPPED -> CancelAnswer.refused(
                        cancellation.requestId(),
                        "request '" + cancellation.requestId() + "' is " + job.state + " at " + id);
                case CANCELLED, REJECTED -> CancelAnswer.cancelled(cancellation.requestId());
                case ACCEPTED, PICKED -> {
                    job.state = JobState.CANCELLED;
                    yield CancelAnswer.cancelled(cancellation.requestId());
                }
            };
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ConfirmationPage confirmations(ConfirmationsQuery query) {
        script.enter("confirmations", query);
        require(CONFIRMATIONS_POLL, "confirmations");
        Checks.notNull("query", query);
        lock.lock();
        try {
            int from = cursor(query.cursor());
            int to = Math.min(events.size(), from + query.limit());
            return new ConfirmationPage(
                    List.copyOf(events.subList(from, to)), Integer.toString(to), to < events.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WebhookHandler<List<FulfilmentConfirmation>> confirmationsWebhook() {
        require(CONFIRMATIONS_WEBHOOK, "confirmationsWebhook");
        return new Handler();
    }

    // ---------------------------------------------------------------------- the location's work

    /** The location picked every released unit of the request. */
    public FulfilmentConfirmation.Picked confirmPick(String requestId) {
        Map<LineId, Integer> all = new LinkedHashMap<>();
        lock.lock();
        try {
            job(requestId).release.lines().forEach(l -> all.put(l.line(), l.units()));
        } finally {
            lock.unlock();
        }
        return confirmPick(requestId, all, null);
    }

    /** The location picked {@code picked} units per line; fewer than released needs {@link #confirmPick(String, Map, String)}. */
    public FulfilmentConfirmation.Picked confirmPick(String requestId, Map<LineId, Integer> picked) {
        return confirmPick(requestId, picked, null);
    }

    /**
     * The location picked {@code picked} units per line of an accepted request; lines with fewer units than
     * released are short, for {@code shortReason}.
     */
    public FulfilmentConfirmation.Picked confirmPick(
            String requestId, Map<LineId, Integer> picked, String shortReason) {
        lock.lock();
        try {
            Job job = job(requestId);
            expect(job, JobState.ACCEPTED, "pick");
            Map<LineId, Integer> all = new LinkedHashMap<>();
            boolean isShort = false;
            for (FulfilmentRelease.Line l : job.release.lines()) {
                int p = picked.getOrDefault(l.line(), 0);
                if (p < 0 || p > l.units()) {
                    throw InvalidArgumentException.of(
                            "picked",
                            "OUT_OF_RANGE",
                            "line '" + l.line() + "' released " + l.units() + ", picked " + p);
                }
                isShort |= p < l.units();
                all.put(l.line(), p);
            }
            for (LineId line : picked.keySet()) {
                if (job.release.units(line) == 0) {
                    throw InvalidArgumentException.of(
                            "picked", "UNKNOWN_LINE", "request '" + requestId + "' has no line '" + line + "'");
                }
            }
            if (isShort && (shortReason == null || shortReason.isBlank())) {
                throw InvalidArgumentException.of("shortReason", "REQUIRED", "a short pick needs a reason");
            }
            job.state = JobState.PICKED;
            job.picked = Map.copyOf(all);
            return emit(new FulfilmentConfirmation.Picked(
                    nextEventId(),
                    requestId,
                    job.release.orderId(),
                    clock.instant(),
                    all,
                    isShort ? Optional.of(shortReason) : Optional.empty()));
        } finally {
            lock.unlock();
        }
    }

    /** The location packed the picked units into one parcel of 1 kg, 20 x 15 x 10 cm. */
    public FulfilmentConfirmation.Packed confirmPack(String requestId) {
        return confirmPack(requestId, List.of(Parcel.of(1000, 20, 15, 10)));
    }

    /** The location packed the picked units into {@code parcels}. */
    public FulfilmentConfirmation.Packed confirmPack(String requestId, List<Parcel> parcels) {
        lock.lock();
        try {
            Job job = job(requestId);
            expect(job, JobState.PICKED, "pack");
            job.state = JobState.PACKED;
            job.parcels = List.copyOf(parcels);
            return emit(new FulfilmentConfirmation.Packed(
                    nextEventId(), requestId, job.release.orderId(), clock.instant(), parcels));
        } finally {
            lock.unlock();
        }
    }

    /** The location handed the packed parcels to {@code carrier} under {@code trackingNumber}. */
    public FulfilmentConfirmation.Shipped confirmShipped(String requestId, String carrier, String trackingNumber) {
        lock.lock();
        try {
            Job job = job(requestId);
            expect(job, JobState.PACKED, "ship");
            job.state = JobState.SHIPPED;
            Map<LineId, Integer> lines = new LinkedHashMap<>();
            job.picked.forEach((line, units) -> {
                if (units > 0) {
                    lines.put(line, units);
                }
            });
            return emit(new FulfilmentConfirmation.Shipped(
                    nextEventId(),
                    requestId,
                    job.release.orderId(),
                    clock.instant(),
                    lines,
                    job.parcels,
                    carrier,
                    trackingNumber));
        } finally {
            lock.unlock();
        }
    }

    /** The location gives back an accepted request it has not picked, for {@code reason}. */
    public FulfilmentConfirmation.Rejected reject(String requestId, String reason) {
        lock.lock();
        try {
            Job job = job(requestId);
            expect(job, JobState.ACCEPTED, "reject");
            job.state = JobState.REJECTED;
            return emit(new FulfilmentConfirmation.Rejected(
                    nextEventId(), requestId, job.release.orderId(), clock.instant(), reason));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------- scripting

    /** The next release is refused with {@code reason} (the answer is kept: repeating it is refused again). */
    public FakeFulfilmentService rejectNextRelease(String reason) {
        return locked(() -> releaseRefusals.addLast(Checks.id("reason", reason)));
    }

    /** The next {@code times} new releases take effect but their answer is lost ({@code RETRYABLE}). */
    public FakeFulfilmentService loseNextResponses(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        return locked(() -> lostResponses += times);
    }

    /** Whether {@link #drainWebhooks()} sends every webhook twice. */
    public FakeFulfilmentService duplicateWebhooks(boolean on) {
        return locked(() -> duplicateWebhooks = on);
    }

    /** Whether {@link #drainWebhooks()} sends the newest webhook first. */
    public FakeFulfilmentService reverseWebhooks(boolean on) {
        return locked(() -> reverseWebhooks = on);
    }

    /** The next webhook {@link #drainWebhooks()} sends has a correctly signed body that does not parse. */
    public FakeFulfilmentService malformNextWebhook() {
        return locked(() -> malformNextWebhook = true);
    }

    // ---------------------------------------------------------------------------- observations

    /** The request as it was released, if it was. */
    public Optional<FulfilmentRelease> released(String requestId) {
        lock.lock();
        try {
            return Optional.ofNullable(jobs.get(requestId)).map(j -> j.release);
        } finally {
            lock.unlock();
        }
    }

    /** Where the request is at the location, if it was released. */
    public Optional<JobState> state(String requestId) {
        lock.lock();
        try {
            return Optional.ofNullable(jobs.get(requestId)).map(j -> j.state);
        } finally {
            lock.unlock();
        }
    }

    /** How many distinct requests were released (accepted or rejected). */
    public int releasedCount() {
        lock.lock();
        try {
            return jobs.size();
        } finally {
            lock.unlock();
        }
    }

    /** Every confirmation so far, oldest first (what polling from the start returns). */
    public List<FulfilmentConfirmation> confirmationsSoFar() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One signed webhook per confirmation not sent yet (each of them once), oldest first unless scripted
     * otherwise; they count as sent afterwards.
     */
    public List<WebhookRequest> drainWebhooks() {
        lock.lock();
        try {
            List<FulfilmentConfirmation> batch = new ArrayList<>(unsent);
            unsent.clear();
            if (reverseWebhooks) {
                Collections.reverse(batch);
            }
            List<WebhookRequest> out = new ArrayList<>();
            for (FulfilmentConfirmation c : batch) {
                byte[] body;
                if (malformNextWebhook) {
                    malformNextWebhook = false;
                    body = ("SHIPPED|" + c.eventId() + "|not enough fields").getBytes(StandardCharsets.UTF_8);
                } else {
                    body = encode(List.of(c));
                }
                WebhookRequest request = signed(body, clock.instant());
                out.add(request);
                if (duplicateWebhooks) {
                    out.add(request);
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** A webhook carrying {@code confirmations} in one body, signed at {@code signedAt}. */
    public WebhookRequest webhookOf(List<FulfilmentConfirmation> confirmations, Instant signedAt) {
        return signed(encode(confirmations), signedAt);
    }

    // ------------------------------------------------------------------------------- internals

    private final class Handler implements WebhookHandler<List<FulfilmentConfirmation>> {
        @Override
        public void verify(WebhookRequest request) {
            String ts = request.header(TIMESTAMP_HEADER)
                    .orElseThrow(() -> reject(Reason.BAD_SIGNATURE, "no " + TIMESTAMP_HEADER + " header"));
            String given = request.header(SIGNATURE_HEADER)
                    .orElseThrow(() -> reject(Reason.BAD_SIGNATURE, "no " + SIGNATURE_HEADER + " header"));
            byte[] expected = ("sha256=" + hmac(ts, request.body())).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                throw reject(Reason.BAD_SIGNATURE, "the signature does not match the body");
            }
            long seconds;
            try {
                seconds = Long.parseLong(ts);
            } catch (NumberFormatException e) {
                throw reject(Reason.BAD_SIGNATURE, "the timestamp is not a number");
            }
            Duration age = Duration.between(Instant.ofEpochSecond(seconds), request.receivedAt());
            if (age.abs().compareTo(TOLERANCE) > 0) {
                throw reject(Reason.STALE, "signed " + age.toSeconds() + " s before it was received");
            }
        }

        @Override
        public List<FulfilmentConfirmation> parse(WebhookRequest request) {
            return decode(request.bodyText());
        }

        private WebhookRejectedException reject(Reason reason, String message) {
            return new WebhookRejectedException(id, reason, message);
        }
    }

    private WebhookRequest signed(byte[] body, Instant signedAt) {
        String ts = Long.toString(signedAt.getEpochSecond());
        return new WebhookRequest(
                Map.of(TIMESTAMP_HEADER, ts, SIGNATURE_HEADER, "sha256=" + hmac(ts, body)), body, clock.instant());
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] encode(List<FulfilmentConfirmation> confirmations) {
        StringBuilder out = new StringBuilder();
        for (FulfilmentConfirmation c : confirmations) {
            List<String> f = new ArrayList<>();
            String type;
            if (c instanceof FulfilmentConfirmation.Rejected r) {
                f.add(enc(r.reason()));
                type = "REJECTED";
            } else if (c instanceof FulfilmentConfirmation.Picked p) {
                f.add(units(p.picked()));
                f.add(enc(p.shortReason().orElse("")));
                type = "PICKED";
            } else if (c instanceof FulfilmentConfirmation.Packed p) {
                f.add(parcels(p.parcels()));
                type = "PACKED";
            } else if (c instanceof FulfilmentConfirmation.Shipped s) {
                f.add(units(s.lines()));
                f.add(parcels(s.parcels()));
                f.add(enc(s.carrier()));
                f.add(enc(s.trackingNumber()));
                type = "SHIPPED";
            } else {
                type = "ACCEPTED";
            }
            out.append(type)
                    .append('|')
                    .append(enc(c.eventId()))
                    .append('|')
                    .append(enc(c.requestId()))
                    .append('|')
                    .append(enc(c.orderId().value()))
                    .append('|')
                    .append(c.at().toEpochMilli());
            f.forEach(v -> out.append('|').append(v));
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<FulfilmentConfirmation> decode(String body) {
        List<FulfilmentConfirmation> out = new ArrayList<>();
        int n = 0;
        for (String line : body.split("\n")) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            try {
                String type = f[0];
                String eventId = dec(f[1]);
                String requestId = dec(f[2]);
                OrderId order = OrderId.of(dec(f[3]));
                Instant at = Instant.ofEpochMilli(Long.parseLong(f[4]));
                FulfilmentConfirmation c =
                        switch (type) {
                            case "ACCEPTED" -> fields(
                                    f, 5, new FulfilmentConfirmation.Accepted(eventId, requestId, order, at));
                            case "REJECTED" -> fields(
                                    f,
                                    6,
                                    new FulfilmentConfirmation.Rejected(eventId, requestId, order, at, dec(f[5])));
                            case "PICKED" -> fields(
                                    f,
                                    7,
                                    new FulfilmentConfirmation.Picked(
                                            eventId,
                                            requestId,
                                            order,
                                            at,
                                            units(f[5]),
                                            Optional.of(dec(f[6])).filter(s -> !s.isEmpty())));
                            case "PACKED" -> fields(
                                    f,
                                    6,
                                    new FulfilmentConfirmation.Packed(eventId, requestId, order, at, parcels(f[5])));
                            case "SHIPPED" -> fields(
                                    f,
                                    9,
                                    new FulfilmentConfirmation.Shipped(
                                            eventId,
                                            requestId,
                                            order,
                                            at,
                                            units(f[5]),
                                            parcels(f[6]),
                                            dec(f[7]),
                                            dec(f[8])));
                            default -> throw new IllegalArgumentException("unknown type");
                        };
                out.add(c);
            } catch (RuntimeException e) {
                throw new WebhookRejectedException(
                        id, Reason.MALFORMED, "line " + n + " is not a confirmation of this format");
            }
        }
        if (out.isEmpty()) {
            throw new WebhookRejectedException(id, Reason.MALFORMED, "the body carries no confirmation");
        }
        return out;
    }

    private static FulfilmentConfirmation fields(String[] f, int expected, FulfilmentConfirmation c) {
        if (f.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " fields, got " + f.length);
        }
        return c;
    }

    private static String units(Map<LineId, Integer> units) {
        List<String> parts = new ArrayList<>();
        units.forEach((line, n) -> parts.add(enc(line.value()) + ":" + n));
        return String.join(",", parts);
    }

    private static Map<LineId, Integer> units(String field) {
        Map<LineId, Integer> out = new LinkedHashMap<>();
        if (field.isEmpty()) {
            return out;
        }
        for (String part : field.split(",")) {
            String[] kv = part.split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad units");
            }
            out.put(LineId.of(dec(kv[0])), Integer.parseInt(kv[1]));
        }
        return out;
    }

    private static String parcels(List<Parcel> parcels) {
        List<String> parts = new ArrayList<>();
        for (Parcel p : parcels) {
            Dimensions d = p.dimensions();
            parts.add(p.weightGrams() + ":" + d.lengthMm() + ":" + d.widthMm() + ":" + d.heightMm());
        }
        return String.join(",", parts);
    }

    private static List<Parcel> parcels(String field) {
        List<Parcel> out = new ArrayList<>();
        for (String part : field.split(",")) {
            String[] v = part.split(":");
            if (v.length != 4) {
                throw new IllegalArgumentException("bad parcel");
            }
            out.add(new Parcel(
                    Integer.parseInt(v[0]),
                    new Dimensions(Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]))));
        }
        return out;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String dec(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private int cursor(Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return 0;
        }
        try {
            int at = Integer.parseInt(cursor.get());
            if (at >= 0 && at <= events.size()) {
                return at;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ConnectorException.notRetryable(id, "confirmations", "cursor '" + cursor.get() + "' is not one of ours");
    }

    private Job job(String requestId) {
        Job job = jobs.get(requestId);
        if (job == null) {
            throw new IllegalStateException("no request '" + requestId + "' was released to " + id);
        }
        return job;
    }

    private static void expect(Job job, JobState state, String step) {
        if (job.state != state) {
            throw new IllegalStateException("request '" + job.release.requestId() + "' cannot " + step + " in state "
                    + job.state + "; it must be " + state);
        }
    }

    private String nextEventId() {
        return id + "-evt-" + (events.size() + 1);
    }

    private <C extends FulfilmentConfirmation> C emit(C confirmation) {
        events.add(confirmation);
        unsent.add(confirmation);
        return confirmation;
    }

    private FakeFulfilmentService locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    public String toString() {
        return "FakeFulfilmentService[" + id + "]";
    }
}
