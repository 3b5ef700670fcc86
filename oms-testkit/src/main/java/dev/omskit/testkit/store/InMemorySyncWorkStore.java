package dev.omskit.testkit.store;

import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sync work in memory. Every change is one step under one lock, so concurrent enqueues and completions never
 * lose an update. Pending work is indexed by due time and every item by tenant and state, so {@link #due}
 * and {@link #inState} cost the items they return (plus a logarithm), not the size of the store: done work
 * piling up over a trading day does not slow the engine. Thread-safe; passes {@code
 * SyncWorkStoreCompatibilityKit}. <b>Not durable</b>: tests, demos and single-process hosts that accept
 * losing pending work with the process.
 */
public final class InMemorySyncWorkStore implements SyncWorkStore {
    private record Key(TenantId tenant, String key) {}

    private static final Comparator<SyncWork> DUE_ORDER = Comparator.comparing(SyncWork::notBefore)
            .thenComparing(SyncWork::key)
            .thenComparing(w -> w.tenant().value());

    private static final Comparator<SyncWork> AGE_ORDER =
            Comparator.comparing(SyncWork::createdAt).thenComparing(SyncWork::key);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, SyncWork> items = new HashMap<>();
    private final NavigableSet<SyncWork> pending = new TreeSet<>(DUE_ORDER);
    private final Map<TenantId, EnumMap<SyncState, NavigableSet<SyncWork>>> byState = new HashMap<>();

    private InMemorySyncWorkStore() {}

    /** A new, empty store. */
    public static InMemorySyncWorkStore create() {
        return new InMemorySyncWorkStore();
    }

    @Override
    public SyncWork enqueue(
            TenantId tenant, String key, String connector, String type, Map<String, String> payload, Instant now) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("now", now);
        SyncWork fresh = SyncWork.pending(tenant, key, connector, type, payload, now);
        lock.lock();
        try {
            SyncWork existing = items.get(new Key(tenant, key));
            SyncWork next;
            if (existing == null) {
                next = fresh;
            } else if (existing.state() == SyncState.PENDING || existing.state() == SyncState.PARKED) {
                next = existing.withPayload(payload, now);
            } else {
                next = new SyncWork(
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
                        existing.version() + 1,
                        now,
                        now);
            }
            put(existing, next);
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SyncWork> due(Instant now, int limit) {
        Checks.notNull("now", now);
        positive(limit);
        lock.lock();
        try {
            List<SyncWork> out = new ArrayList<>(Math.min(limit, pending.size()));
            Iterator<SyncWork> it = pending.iterator();
            while (it.hasNext() && out.size() < limit) {
                SyncWork w = it.next();
                if (w.notBefore().isAfter(now)) {
                    break;
                }
                out.add(w);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean replace(SyncWork expected, SyncWork next) {
        Checks.notNull("expected", expected);
        Checks.notNull("next", next);
        if (!expected.key().equals(next.key())
                || !expected.tenant().equals(next.tenant())
                || next.version() != expected.version() + 1) {
            throw new InvalidArgumentException("a replacement of sync work " + expected.key()
                    + " must keep its tenant and key and be one version on");
        }
        lock.lock();
        try {
            SyncWork stored = items.get(new Key(expected.tenant(), expected.key()));
            if (stored == null || !stored.equals(expected)) {
                return false;
            }
            put(stored, next);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<SyncWork> find(TenantId tenant, String key) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("key", key);
        lock.lock();
        try {
            return Optional.ofNullable(items.get(new Key(tenant, key)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SyncWork> inState(TenantId tenant, SyncState state, int offset, int limit) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("state", state);
        positive(limit);
        if (offset < 0) {
            throw new InvalidArgumentException("offset must not be negative; was " + offset);
        }
        lock.lock();
        try {
            NavigableSet<SyncWork> of =
                    byState.getOrDefault(tenant, new EnumMap<>(SyncState.class)).get(state);
            if (of == null) {
                return List.of();
            }
            return of.stream().skip(offset).limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int countInState(TenantId tenant, SyncState state) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("state", state);
        lock.lock();
        try {
            NavigableSet<SyncWork> of =
                    byState.getOrDefault(tenant, new EnumMap<>(SyncState.class)).get(state);
            return of == null ? 0 : of.size();
        } finally {
            lock.unlock();
        }
    }

    /** Replaces {@code old} (null: none) by {@code next} in the items and both indexes; under the lock. */
    private void put(SyncWork old, SyncWork next) {
        if (old != null) {
            pending.remove(old);
            byState.get(old.tenant()).get(old.state()).remove(old);
        }
        items.put(new Key(next.tenant(), next.key()), next);
        if (next.state() == SyncState.PENDING) {
            pending.add(next);
        }
        byState.computeIfAbsent(next.tenant(), t -> new EnumMap<>(SyncState.class))
                .computeIfAbsent(next.state(), s -> new TreeSet<>(AGE_ORDER))
                .add(next);
    }

    private static void positive(int limit) {
        if (limit < 1) {
            throw new InvalidArgumentException("limit must be positive; was " + limit);
        }
    }
}
