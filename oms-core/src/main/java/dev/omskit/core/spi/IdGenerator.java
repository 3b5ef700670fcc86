package dev.omskit.core.spi;

import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.util.UUID;

/**
 * Makes ids: order ids, and ids of other records (reservations, transfers) named by a kind.
 *
 * @implSpec Thread-safe; never returns the same id twice for a tenant (across processes too, for shared
 *     storage). The testkit's sequential generator is for tests only.
 */
@FunctionalInterface
public interface IdGenerator {
    OrderId nextOrderId(TenantId tenant);

    /**
     * A new id for a record of {@code kind} (for example {@code res} for reservations, {@code trf} for
     * transfers). The default is the kind, a dash and a random UUID.
     */
    default String nextId(TenantId tenant, String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    /** Random UUIDs: unique across processes. */
    static IdGenerator uuids() {
        return tenant -> OrderId.of(UUID.randomUUID().toString());
    }
}
