package dev.omskit.testkit.store;

import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.connectors.sync.SyncWorkStore;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sync work in memory: each item swapped atomically per key, so concurrent enqueues and completions never
 * lose an update. Thread-safe; passes {@code SyncWorkStoreCompatibilityKit}. <b>Not durable</b>: tests and
 * demos only.
 */
public final class InMemorySyncWorkStore implements SyncWorkStore {
    private record Key(TenantId tenant, String key) {}

    private final Map<Key, SyncWork> items = new ConcurrentHashMap<>();

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
        return items.compute(new Key(tenant, key), (k, existing) -> {
            if (existing == null) {
                return fresh;
            }
            if (existing.state() == SyncState.PENDING || existing.state() == SyncState.PARKED) {
                return existing.withPayload(payload, now);
            }
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
                    existing.version() + 1,
                    now,
                    now);
        });
    }

    @Override
    public List<SyncWork> due(Instant now, int limit) {
        Checks.notNull("now", now);
        positive(limit);
        return items.values().stream()
                .filter(w -> w.state() == SyncState.PENDING && !w.notBefore().isAfter(now))
                .sorted(Comparator.comparing(SyncWork::notBefore).thenComparing(SyncWork::key))
                .limit(limit)
                .toList();
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
        return items.replace(new Key(expected.tenant(), expected.key()), expected, next);
    }

    @Override
    public Optional<SyncWork> find(TenantId tenant, String key) {
        return Optional.ofNullable(items.get(new Key(Checks.notNull("tenant", tenant), Checks.notNull("key", key))));
    }

    @Override
    public List<SyncWork> inState(TenantId tenant, SyncState state, int offset, int limit) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("state", state);
        positive(limit);
        if (offset < 0) {
            throw new InvalidArgumentException("offset must not be negative; was " + offset);
        }
        return items.values().stream()
                .filter(w -> w.tenant().equals(tenant) && w.state() == state)
                .sorted(Comparator.comparing(SyncWork::createdAt).thenComparing(SyncWork::key))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    private static void positive(int limit) {
        if (limit < 1) {
            throw new InvalidArgumentException("limit must be positive; was " + limit);
        }
    }
}
