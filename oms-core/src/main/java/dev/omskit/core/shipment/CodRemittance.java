package dev.omskit.core.shipment;

import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import java.time.Instant;

/**
 * Cash a carrier remitted for one shipment.
 *
 * @param amount the money remitted
 * @param reference the carrier's remittance reference
 * @param remittedAt when the carrier remitted it
 */
public record CodRemittance(Money amount, String reference, Instant remittedAt) {
    public CodRemittance {
        Checks.notNull("amount", amount);
        Checks.id("remittance reference", reference);
        Checks.notNull("remittedAt", remittedAt);
    }
}
