package dev.omskit.connectors.channel;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * The units of one SKU a channel may sell, optionally for one location (channels with multi-warehouse
 * stock), stamped with a version that grows with every change the engine computes for that SKU and
 * scope.
 *
 * @param sku our SKU; the connector maps it to the channel's listing
 * @param location the location the quantity is for, or empty for the channel's single stock figure
 * @param available units available to sell, never negative
 * @param version grows strictly with each newer figure for the same SKU and location (for example the
 *     inventory's change sequence or the as-of instant in epoch milliseconds)
 */
public record StockUpdate(Sku sku, Optional<LocationId> location, long available, long version) {
    public StockUpdate {
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
        if (available < 0) {
            throw InvalidArgumentException.of(
                    "available", "NEGATIVE", "available units must not be negative; was " + available + " for " + sku);
        }
        if (version < 0) {
            throw InvalidArgumentException.of(
                    "version", "NEGATIVE", "a stock version must not be negative; was " + version + " for " + sku);
        }
    }

    /** {@code available} units of {@code sku} as of {@code version}, for the whole channel. */
    public static StockUpdate of(Sku sku, long available, long version) {
        return new StockUpdate(sku, Optional.empty(), available, version);
    }

    /** The SKU and location this update is for: versions are compared per key. */
    public Key key() {
        return new Key(sku, location);
    }

    /**
     * What stock versions are compared by.
     *
     * @param sku the SKU
     * @param location the location, or empty for the channel-wide figure
     */
    public record Key(Sku sku, Optional<LocationId> location) {
        public Key {
            Checks.notNull("sku", sku);
            Checks.notNull("location", location);
        }

        @Override
        public String toString() {
            return sku + location.map(l -> "@" + l).orElse("");
        }
    }
}
