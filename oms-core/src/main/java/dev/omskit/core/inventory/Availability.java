package dev.omskit.core.inventory;

import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.Map;

/**
 * What a channel may sell of a SKU now (available to promise): per location the units on hand minus
 * reserved minus safety stock, added up, then the channel's buffer and cap applied. For a kit, how many
 * whole kits the components make.
 *
 * @param sku the SKU
 * @param channel the channel
 * @param atp units the channel may sell
 * @param byLocation sellable units per location before the channel's buffer and cap
 * @param lowStock whether {@code atp} is at or below the channel's low-stock threshold
 */
public record Availability(Sku sku, ChannelId channel, int atp, Map<LocationId, Integer> byLocation, boolean lowStock) {
    public Availability {
        byLocation = Checks.orderedCopy("byLocation", byLocation);
    }
}
