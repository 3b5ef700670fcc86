package dev.omskit.core.returns;

import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import java.time.Instant;

/**
 * One use of a store credit.
 *
 * @param amount what was taken off the balance
 * @param against what it paid for, e.g. an order reference
 * @param at when
 */
public record Redemption(Money amount, String against, Instant at) {
    public Redemption {
        Checks.notNull("amount", amount);
        Checks.id("against", against);
        Checks.notNull("at", at);
    }
}
