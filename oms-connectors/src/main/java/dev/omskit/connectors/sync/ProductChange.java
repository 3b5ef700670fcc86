package dev.omskit.connectors.sync;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.Map;

/**
 * A product as a channel lists it, at a version the sync engine had not known before: what {@link
 * SyncEngine#pullProducts} reports so that the host can adopt a merchant's edit made in the channel, and
 * what {@link SyncEngine#resolveProductConflict} with {@link ConflictResolution#TAKE_THEIRS} hands back.
 * Versions the engine knows already (the ones its own pushes produced, the ones pulled before) are not
 * reported again.
 *
 * @param sku our SKU
 * @param channelVersion the channel's version of the product
 * @param title the title the channel lists
 * @param price the price the channel lists
 * @param attributes the further fields the connector maps
 * @param conflict whether content of omskit for this SKU waits, parked, because it is based on an older
 *     channel version than this one: decide with {@link SyncEngine#resolveProductConflict}
 */
public record ProductChange(
        Sku sku, String channelVersion, String title, Money price, Map<String, String> attributes, boolean conflict) {
    public ProductChange {
        Checks.notNull("sku", sku);
        Checks.id("channel version", channelVersion);
        Checks.notNull("title", title);
        Checks.notNull("price", price);
        attributes = Map.copyOf(Checks.notNull("attributes", attributes));
    }
}
