package dev.omskit.core.spi;

import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.util.UUID;

/**
 * Makes order ids.
 *
 * @implSpec Thread-safe; never returns the same id twice for a tenant (across processes too, for shared
 *     storage). The testkit's sequential generator is for tests only.
 */
@FunctionalInterface
public interface IdGenerator {
    OrderId nextOrderId(TenantId tenant);

    /** Random UUIDs: unique across processes. */
    static IdGenerator uuids() {
        return tenant -> OrderId.of(UUID.randomUUID().toString());
    }
}
