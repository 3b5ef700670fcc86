package dev.omskit.core.inventory;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;

/**
 * One line of a {@link ReserveStock}: {@code quantity} units of a SKU from a location, under the holder's
 * line {@code ref}. Validated by the facade, which lists every problem at once.
 *
 * @param ref the holder's name for the line (an order line id), unique in the request
 * @param sku the SKU (a kit reserves its components)
 * @param location where to take the units from
 * @param quantity units, positive
 */
public record StockLine(String ref, Sku sku, LocationId location, int quantity) {
    public static StockLine of(String ref, Sku sku, LocationId location, int quantity) {
        return new StockLine(ref, sku, location, quantity);
    }
}
