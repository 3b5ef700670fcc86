package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/**
 * Use part or all of a store credit, found by its code; {@link #orderId()} is the order the credit was
 * issued for (the facade's {@code redeemStoreCredit(tenant, code, ...)} finds it). The balance never goes
 * below zero and an expired credit cannot be used.
 */
@Value.Immutable
@OmsStyle
public abstract class RedeemStoreCredit implements ExistingOrderCommand {
    public abstract String code();

    public abstract Money amount();

    /** What it pays for, e.g. the reference of the new order. */
    public abstract String against();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RedeemStoreCredit}. */
    public static class Builder extends ImmutableRedeemStoreCredit.Builder {}
}
