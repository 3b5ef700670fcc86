package dev.omskit.connectors.channel;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * A product as we want the channel to list it, with the channel version we last read of it.
 *
 * @param sku our SKU
 * @param title the title
 * @param price the selling price
 * @param expectedVersion the channel version our copy is based on; empty to create a product the channel
 *     does not list yet
 * @param attributes further fields
 */
public record ProductPush(
        Sku sku, String title, Money price, Optional<String> expectedVersion, Map<String, String> attributes) {
    public ProductPush {
        Checks.notNull("sku", sku);
        Checks.notNull("title", title);
        Checks.notNull("price", price);
        Checks.notNull("expectedVersion", expectedVersion);
        attributes = Map.copyOf(Checks.notNull("attributes", attributes));
    }

    /** An edit of {@code product} as read: the same attributes, a new title and price. */
    public static ProductPush editOf(ChannelProduct product, String title, Money price) {
        return new ProductPush(product.sku(), title, price, Optional.of(product.version()), product.attributes());
    }

    /** Whether the channel's {@code current} product already has this content (title, price, attributes). */
    public boolean sameContentAs(ChannelProduct current) {
        return current.sku().equals(sku)
                && current.title().equals(title)
                && current.price().equals(price)
                && current.attributes().equals(attributes);
    }
}
