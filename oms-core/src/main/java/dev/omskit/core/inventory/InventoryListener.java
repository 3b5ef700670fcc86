package dev.omskit.core.inventory;

import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.util.Set;

/**
 * Told when sellable units become available for SKUs (goods received, a transfer arrived, units back
 * from quarantine, a positive adjustment or count, a reservation released) and, through {@link #onChange},
 * when any stock changed. An {@code Oms} fills backorders
 * with it; a sync engine can push stock to channels.
 *
 * @implSpec Called on the thread that made the change, after it committed; it must be quick and must not
 *     throw (an exception is logged and ignored: the change stays committed). It may call back into the
 *     inventory.
 */
@FunctionalInterface
public interface InventoryListener {
    /** Units of {@code skus} became available in {@code tenant}. */
    void onSupply(TenantId tenant, Set<Sku> skus);

    /**
     * The stock of {@code skus} changed in {@code tenant}, in any way: reserved, released, consumed,
     * received, adjusted, counted, moved or transferred. Called after every commit that changed stock
     * counters (so also after the changes {@link #onSupply} reports); a sync engine pushes the channels'
     * ATP from it. The default does nothing.
     */
    default void onChange(TenantId tenant, Set<Sku> skus) {}
}
