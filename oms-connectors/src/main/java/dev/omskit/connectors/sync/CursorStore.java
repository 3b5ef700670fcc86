package dev.omskit.connectors.sync;

import dev.omskit.core.model.TenantId;
import java.util.Optional;

/**
 * Where the sync engine keeps how far it has read each poll (orders of a channel account, tracking
 * events of a carrier, confirmations of a warehouse), so that a restart resumes where it stopped and
 * never skips anything. The engine moves a cursor only after the page it read is safely taken.
 *
 * @implSpec Thread-safe and safe with many engine instances on one store. A cursor is named by tenant,
 *     connector and feed (an account or stream name). {@link #advance} is a compare-and-set: it stores
 *     {@code next} only when the stored cursor is still {@code expected} (empty: none stored yet) and
 *     returns whether it did; so of two engines reading the same page, one moves the cursor and the other
 *     learns it lost. Tenants are isolated. {@code CursorStoreCompatibilityKit} in oms-testkit checks
 *     this.
 */
public interface CursorStore {
    /** The stored cursor of the feed; empty before the first page was taken. */
    Optional<String> cursor(TenantId tenant, String connector, String feed);

    /** Moves the cursor from {@code expected} to {@code next}; false when another engine moved it first. */
    boolean advance(TenantId tenant, String connector, String feed, Optional<String> expected, String next);
}
