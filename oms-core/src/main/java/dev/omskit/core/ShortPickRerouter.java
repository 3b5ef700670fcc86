package dev.omskit.core;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;

/**
 * Places units of an order again after a location could not fulfil them: a short pick or a rejected
 * fulfilment request. {@link Fulfilment} calls it after the commit that moved the missing units back to
 * {@code CREATED} (and, with an inventory, after recording the stock discrepancy at {@code failedAt}).
 * Configured with {@link Oms.Builder#shortPickRerouter}; the default is {@link #allocateAgain()}.
 *
 * @implSpec Called outside any order commit, possibly from several threads at once for different orders;
 *     implementations must be thread-safe. It acts through the public {@link Oms} API only (for example
 *     {@link Oms#allocate}); it must not move units that are {@code RELEASED} to other locations (they
 *     belong to live fulfilment requests). A failure is logged by the caller and reported in the
 *     command's result; the units then wait in {@code CREATED} for a later allocation, nothing is lost.
 */
@FunctionalInterface
public interface ShortPickRerouter {
    /**
     * Places the order's waiting units again.
     *
     * @param oms the facade to act through
     * @param tenant the order's tenant
     * @param order the order
     * @param failedAt the location that short-picked or rejected
     * @param reason why, as the location said
     * @param actor who confirmed the short pick or rejection
     * @return the order after the new placement
     */
    Order reroute(Oms oms, TenantId tenant, OrderId order, LocationId failedAt, String reason, Actor actor);

    /**
     * The default: {@link Oms#allocate} the waiting units with the facade's sourcing. That sourcing may
     * choose {@code failedAt} again; {@link Fulfilment} records the short units as a stock adjustment at
     * that location first, so it is not offered the phantom stock again.
     */
    static ShortPickRerouter allocateAgain() {
        return (oms, tenant, order, failedAt, reason, actor) -> oms.allocate(tenant, order, actor);
    }
}
