package dev.omskit.connectors.sync;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.Map;

/**
 * A product as omskit wants a channel to list it, given to {@link SyncEngine#pushProducts}. It carries no
 * channel version: the engine keeps the version it last knew for the SKU and bases the push on it, so
 * that an edit made in the channel meanwhile is detected as a conflict instead of being overwritten.
 *
 * @param sku our SKU
 * @param title the title shown to buyers; not blank
 * @param price the selling price; not negative
 * @param attributes further fields the connector maps (category, brand ...); names are identifiers (not
 *     blank, no control characters, at most {@value Checks#MAX_ID_LENGTH} characters), values are not null
 */
public record ProductContent(Sku sku, String title, Money price, Map<String, String> attributes) {
    public ProductContent {
        Checks.notNull("sku", sku);
        Checks.notNull("title", title);
        if (title.isBlank()) {
            throw InvalidArgumentException.of("title", "BLANK", "the title of product " + sku + " must not be blank");
        }
        Checks.notNull("price", price);
        if (price.isNegative()) {
            throw InvalidArgumentException.of(
                    "price", "NEGATIVE", "the price of product " + sku + " must not be negative; was " + price);
        }
        Checks.notNull("attributes", attributes);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            Checks.id("attribute name", e.getKey());
            Checks.notNull("attribute '" + e.getKey() + "' of product " + sku, e.getValue());
        }
        attributes = Map.copyOf(attributes);
    }

    /** A product without further attributes. */
    public static ProductContent of(Sku sku, String title, Money price) {
        return new ProductContent(sku, title, price, Map.of());
    }
}
