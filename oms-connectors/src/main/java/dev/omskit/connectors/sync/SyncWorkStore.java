package dev.omskit.connectors.sync;

import dev.omskit.core.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the sync engine keeps the work it must get done at remote systems, so that nothing is lost when a
 * call fails or the process dies.
 *
 * @implSpec Thread-safe, and safe with many engine instances on one store: every change is a compare-and-
 *     set on {@link SyncWork#version()}. Keys are unique per tenant; a tenant never sees another's work.
 *     {@link #enqueue}:
 *     <ul>
 *       <li>no item with the key, or one that is {@code DONE} or {@code DISCARDED}: stores new {@code
 *           PENDING} work due at {@code now} (a finished item is replaced, its version continuing);
 *       <li>a {@code PENDING} or {@code PARKED} item: replaces its payload with the newer one and keeps its
 *           state, attempts and schedule (pending stock pushes coalesce; parked work retried later pushes
 *           the newest data).
 *     </ul>
 *     {@link #due} returns {@code PENDING} work whose {@code notBefore} is at or before {@code now},
 *     earliest first (ties by key), across all tenants. {@link #replace} writes {@code next} only if the
 *     stored item is still exactly {@code expected} (same key and version) and {@code next.version()} is
 *     one more; otherwise it writes nothing and returns false. {@code SyncWorkStoreCompatibilityKit} in
 *     oms-testkit checks all of this, with racing threads.
 */
public interface SyncWorkStore {
    /** Asks for work to be done (or updates pending work with newer data); returns the stored item. */
    SyncWork enqueue(
            TenantId tenant, String key, String connector, String type, Map<String, String> payload, Instant now);

    /** Pending work due at {@code now}, earliest first, at most {@code limit}. */
    List<SyncWork> due(Instant now, int limit);

    /** Compare-and-set: {@code next} replaces {@code expected} if nothing changed it meanwhile. */
    boolean replace(SyncWork expected, SyncWork next);

    /** The item with this key. */
    Optional<SyncWork> find(TenantId tenant, String key);

    /** The tenant's items in {@code state}, oldest first, paged (the parked-work list). */
    List<SyncWork> inState(TenantId tenant, SyncState state, int offset, int limit);

    /**
     * How many of the tenant's items are in {@code state} (the engine's parked-work gauge asks every round).
     *
     * @implSpec The default pages through {@link #inState}; a store that can count directly (an index, a
     *     {@code count(*)}) should override it. It must equal the number of items {@code inState} would list.
     */
    default int countInState(TenantId tenant, SyncState state) {
        int n = 0;
        while (true) {
            int got = inState(tenant, state, n, 500).size();
            n += got;
            if (got < 500) {
                return n;
            }
        }
    }
}
