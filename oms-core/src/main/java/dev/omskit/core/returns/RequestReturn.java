package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Ask to return units of delivered lines of an order (by the buyer or an agent): checked against the
 * order's return policy (window, returnable SKUs, units delivered and not already in open returns) and
 * the location (it must accept returns). Creates a {@link ReturnRequest} in {@code REQUESTED}, or {@code
 * APPROVED} when the policy approves automatically.
 */
@Value.Immutable
@OmsStyle
public abstract class RequestReturn implements ExistingOrderCommand {
    public abstract List<ReturnItem> lines();

    /** Where the units will be brought or sent: any location with {@code ACCEPTS_RETURNS}. */
    public abstract LocationId location();

    /** What the buyer wants for them; default {@link ReturnResolution#REFUND}. */
    @Value.Default
    public ReturnResolution resolution() {
        return ReturnResolution.REFUND;
    }

    /** The replacements of an exchange (required for, and only for, {@link ReturnResolution#EXCHANGE}). */
    public abstract List<ExchangeItem> exchangeItems();

    /** A note on the whole return (prints as {@code ***}). */
    @Value.Redacted
    public abstract Optional<String> note();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RequestReturn}. */
    public static class Builder extends ImmutableRequestReturn.Builder {}
}
