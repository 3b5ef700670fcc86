package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/**
 * A refund an agent decides without a return (goodwill, a price adjustment): an amount and a reason,
 * never above what was paid and not refunded or already owed.
 */
@Value.Immutable
@OmsStyle
public abstract class GoodwillRefund implements ExistingOrderCommand {
    public abstract Money amount();

    public abstract String reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GoodwillRefund}. */
    public static class Builder extends ImmutableGoodwillRefund.Builder {}
}
