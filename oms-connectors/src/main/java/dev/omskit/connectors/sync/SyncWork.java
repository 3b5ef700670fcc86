package dev.omskit.connectors.sync;

import dev.omskit.connectors.FailureKind;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One thing the sync engine must get done at a remote system, persisted before the call so that it is
 * never lost: push the stock of SKU x to channel c, push shipment s, issue invoice i, ingest channel
 * order o. The key is deterministic ({@code stock:shopee-vn:SKU-1}), so the same work asked for twice is
 * one item; newer data for pending work replaces the older (stock pushes coalesce).
 *
 * @param tenant the tenant
 * @param key unique per tenant; names the work
 * @param connector the connector that does it
 * @param type what to do, e.g. {@code PUSH_STOCK}
 * @param payload what the engine needs to do it (plain strings, so any store can keep them)
 * @param state where it is
 * @param attempts attempts made since it last became pending
 * @param notBefore when it may be attempted (backoff after a failure that may pass later)
 * @param lastFailure the last failure's message, if any
 * @param lastFailureKind the last failure's kind, if any
 * @param version 1 when first stored; every change adds 1
 * @param createdAt when first stored
 * @param updatedAt when last changed
 */
public record SyncWork(
        TenantId tenant,
        String key,
        String connector,
        String type,
        Map<String, String> payload,
        SyncState state,
        int attempts,
        Instant notBefore,
        Optional<String> lastFailure,
        Optional<FailureKind> lastFailureKind,
        long version,
        Instant createdAt,
        Instant updatedAt) {
    public SyncWork {
        Checks.notNull("tenant", tenant);
        Checks.id("key", key);
        Checks.id("connector", connector);
        Checks.id("type", type);
        payload = java.util.Collections.unmodifiableMap(new TreeMap<>(Checks.notNull("payload", payload)));
        Checks.notNull("state", state);
        Checks.notNull("notBefore", notBefore);
        Checks.notNull("lastFailure", lastFailure);
        Checks.notNull("lastFailureKind", lastFailureKind);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("updatedAt", updatedAt);
        if (attempts < 0 || version < 1) {
            throw new InvalidArgumentException(
                    "attempts must not be negative and version must be positive; were " + attempts + ", " + version);
        }
    }

    /** New pending work, due now. */
    public static SyncWork pending(
            TenantId tenant, String key, String connector, String type, Map<String, String> payload, Instant now) {
        return new SyncWork(
                tenant,
                key,
                connector,
                type,
                payload,
                SyncState.PENDING,
                0,
                now,
                Optional.empty(),
                Optional.empty(),
                1,
                now,
                now);
    }

    /** Done, after an attempt. */
    public SyncWork done(Instant now) {
        return next(SyncState.DONE, attempts + 1, notBefore, lastFailure, lastFailureKind, payload, now);
    }

    /**
     * Done, after an attempt, keeping {@code result} as the payload: what the remote system now holds (the
     * units pushed, the channel's product version), read back when the same work is asked for again.
     */
    public SyncWork doneWith(Map<String, String> result, Instant now) {
        return next(
                SyncState.DONE,
                attempts + 1,
                notBefore,
                lastFailure,
                lastFailureKind,
                Checks.notNull("result", result),
                now);
    }

    /**
     * The same work in the same state, not to be attempted before {@code at}: a worker leases pending work
     * by moving it past the lease's end (the compare-and-set makes it the only worker), and a poll that
     * repeats reschedules itself. Attempts are not counted.
     */
    public SyncWork dueAt(Instant at, Instant now) {
        return next(state, attempts, Checks.notNull("at", at), lastFailure, lastFailureKind, payload, now);
    }

    /**
     * A repeating poll that did its round: pending again from {@code at} with {@code newer} data (how far
     * it read), attempts counted afresh since the attempt succeeded; the last failure is kept for people.
     */
    public SyncWork again(Map<String, String> newer, Instant at, Instant now) {
        return next(SyncState.PENDING, 0, Checks.notNull("at", at), lastFailure, lastFailureKind, newer, now);
    }

    /** Failed in a way that may pass later: pending again from {@code retryAt}. */
    public SyncWork retryLater(FailureKind kind, String failure, Instant retryAt, Instant now) {
        return next(SyncState.PENDING, attempts + 1, retryAt, Optional.of(failure), Optional.of(kind), payload, now);
    }

    /** Failed for good: parked with its reason, for a person. */
    public SyncWork park(FailureKind kind, String failure, Instant now) {
        return next(SyncState.PARKED, attempts + 1, notBefore, Optional.of(failure), Optional.of(kind), payload, now);
    }

    /** Pending again, now, with the attempts counted afresh (a person retries parked work). */
    public SyncWork retryNow(Instant now) {
        return next(SyncState.PENDING, 0, now, lastFailure, lastFailureKind, payload, now);
    }

    /** Given up on. */
    public SyncWork discard(Instant now) {
        return next(SyncState.DISCARDED, attempts, notBefore, lastFailure, lastFailureKind, payload, now);
    }

    /** The same work with newer data: pending work stays pending and keeps its schedule. */
    public SyncWork withPayload(Map<String, String> newer, Instant now) {
        return next(state, attempts, notBefore, lastFailure, lastFailureKind, newer, now);
    }

    private SyncWork next(
            SyncState s,
            int a,
            Instant nb,
            Optional<String> failure,
            Optional<FailureKind> kind,
            Map<String, String> p,
            Instant now) {
        return new SyncWork(tenant, key, connector, type, p, s, a, nb, failure, kind, version + 1, createdAt, now);
    }

    /** The payload's keys only: payloads may hold buyers' details, which never reach logs. */
    @Override
    public String toString() {
        return "SyncWork[" + tenant + "/" + key + ", " + type + " via " + connector + ", " + state + ", attempts "
                + attempts + ", v" + version + ", payload keys " + payload.keySet()
                + lastFailureKind.map(k -> ", last failure " + k).orElse("") + "]";
    }
}
