package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/** The payment provider could not execute a pending refund: it becomes {@code FAILED} with the reason. */
@Value.Immutable
@OmsStyle
public abstract class FailRefund implements ExistingOrderCommand {
    public abstract String refundId();

    public abstract String failure();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FailRefund}. */
    public static class Builder extends ImmutableFailRefund.Builder {}
}
