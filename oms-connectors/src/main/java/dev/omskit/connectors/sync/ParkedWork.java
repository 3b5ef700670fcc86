package dev.omskit.connectors.sync;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * The work a person must look at: items that failed in a way that will not pass by itself (a malformed
 * order, a refused token, a product conflict) or that kept failing past {@link SyncConfig#maxAttempts()}.
 * Each shows its type, key, connector, attempts and last failure. Retrying makes it pending now with the
 * newest data it was given; discarding gives it up (newer work with the same key starts afresh).
 */
public final class ParkedWork {

    private final SyncEngine engine;

    ParkedWork(SyncEngine engine) {
        this.engine = engine;
    }

    /** The tenant's parked items, oldest first. */
    public List<SyncWork> list(TenantId tenant, int offset, int limit) {
        Checks.notNull("tenant", tenant);
        if (offset < 0 || limit < 1) {
            throw InvalidArgumentException.of(
                    "limit", "OUT_OF_RANGE", "offset must be >= 0 and limit >= 1; were " + offset + ", " + limit);
        }
        return engine.work().inState(tenant, SyncState.PARKED, offset, limit);
    }

    /** How many items of the tenant are parked. */
    public int count(TenantId tenant) {
        return engine.work().countInState(Checks.notNull("tenant", tenant), SyncState.PARKED);
    }

    /**
     * Makes a parked item pending now, attempts counted afresh; returns it.
     *
     * @throws NotFoundException no item has the key
     * @throws ConflictException the item is not parked (it was retried or discarded meanwhile)
     */
    public SyncWork retry(TenantId tenant, String key) {
        return change(tenant, key, w -> w.retryNow(engine.clock().instant()));
    }

    /**
     * Gives a parked item up; returns it.
     *
     * @throws NotFoundException no item has the key
     * @throws ConflictException the item is not parked
     */
    public SyncWork discard(TenantId tenant, String key) {
        return change(tenant, key, w -> w.discard(engine.clock().instant()));
    }

    private SyncWork change(TenantId tenant, String key, java.util.function.UnaryOperator<SyncWork> how) {
        SyncWork w = parkedItem(tenant, key);
        SyncWork next = how.apply(w);
        if (!engine.work().replace(w, next)) {
            throw new ConflictException("sync work '" + key + "' changed meanwhile; look again");
        }
        return next;
    }

    private SyncWork parkedItem(TenantId tenant, String key) {
        Checks.notNull("tenant", tenant);
        Checks.id("key", key);
        SyncWork w = engine.work()
                .find(tenant, key)
                .orElseThrow(() -> new NotFoundException("no sync work '" + key + "' in tenant " + tenant));
        if (w.state() != SyncState.PARKED) {
            throw new ConflictException("sync work '" + key + "' is " + w.state() + ", not PARKED");
        }
        return w;
    }
}
