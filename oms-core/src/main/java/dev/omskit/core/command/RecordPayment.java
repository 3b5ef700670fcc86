package dev.omskit.core.command;

import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Record a payment event ({@code AUTHORIZE}, {@code CAPTURE}, {@code FAIL}, {@code VOID}, {@code
 * COLLECT_COD}, {@code REFUND_PARTIAL}, {@code REFUND}) as the payment lifecycle allows.
 */
@Value.Immutable
@OmsStyle
public abstract class RecordPayment implements ExistingOrderCommand {
    public abstract Trigger trigger();

    /** The amount involved, in the order's currency, if known. */
    public abstract Optional<Money> amount();

    /** The payment provider's reference. */
    public abstract Optional<String> reference();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordPayment}. */
    public static class Builder extends ImmutableRecordPayment.Builder {}
}
