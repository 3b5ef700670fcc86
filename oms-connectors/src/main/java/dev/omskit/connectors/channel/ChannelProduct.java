package dev.omskit.connectors.channel;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * A product as a channel lists it, with the channel's version of it: the version moves whenever the
 * product changes in the channel (a merchant's edit there, or a push from us), which is how a push
 * detects that it would overwrite an edit it has not seen.
 *
 * @param sku our SKU
 * @param title the title shown to buyers
 * @param price the selling price
 * @param version the channel's version (an ETag, a revision, an {@code updated_at} rendered as text)
 * @param updatedAt when the channel last changed it
 * @param attributes further channel fields the connector maps (category, brand ...)
 */
public record ChannelProduct(
        Sku sku, String title, Money price, String version, Instant updatedAt, Map<String, String> attributes) {
    public ChannelProduct {
        Checks.notNull("sku", sku);
        Checks.notNull("title", title);
        Checks.notNull("price", price);
        Checks.id("product version", version);
        Checks.notNull("updatedAt", updatedAt);
        attributes = Map.copyOf(Checks.notNull("attributes", attributes));
    }
}
