package dev.omskit.core.spi;

import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.TenantId;
import java.util.Optional;

/**
 * Reads the idempotency records written by {@link OrderStore#commit}.
 *
 * @implSpec Thread-safe; scoped to the tenant; a record is visible as soon as its commit is.
 */
public interface IdempotencyStore {
    /** The record of this key in this tenant, if the key was used. */
    Optional<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key);
}
