package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/**
 * The payment provider executed a pending refund: it becomes {@code SUCCEEDED} and the order's payment
 * records {@code REFUND_PARTIAL} (or {@code REFUND} when nothing refundable is left) with its amount, in
 * the same commit.
 */
@Value.Immutable
@OmsStyle
public abstract class ConfirmRefund implements ExistingOrderCommand {
    public abstract String refundId();

    /** The provider's reference of the executed refund. */
    public abstract String providerReference();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ConfirmRefund}. */
    public static class Builder extends ImmutableConfirmRefund.Builder {}
}
