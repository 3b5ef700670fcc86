package dev.omskit.connectors.channel;

import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * What a channel did with a batch of stock updates: the ones it holds now (applied by this call or
 * already applied before with the same version) and the stale ones it refused because it holds a newer
 * version for the same SKU and location.
 *
 * @param applied the updates the channel holds after the call
 * @param stale the updates refused as older than what the channel holds
 */
public record StockPushResult(List<StockUpdate> applied, List<Stale> stale) {
    public StockPushResult {
        applied = List.copyOf(Checks.notNull("applied", applied));
        stale = List.copyOf(Checks.notNull("stale", stale));
    }

    /**
     * An update refused because the channel holds a newer one.
     *
     * @param update the refused update
     * @param heldVersion the version the channel holds for its SKU and location
     */
    public record Stale(StockUpdate update, long heldVersion) {
        public Stale {
            Checks.notNull("update", update);
        }
    }
}
