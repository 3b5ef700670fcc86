package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settle an inspected return as it asked: a {@link Refund} ({@code REFUNDED}), a {@link StoreCredit}
 * ({@code CREDITED}) or a replacement order ({@code EXCHANGED}).
 */
@Value.Immutable
@OmsStyle
public abstract class ResolveReturn implements ExistingOrderCommand {
    public abstract String returnId();

    /** For a store credit: when it expires; none means never. */
    public abstract Optional<Instant> creditExpiresAt();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ResolveReturn}. */
    public static class Builder extends ImmutableResolveReturn.Builder {}
}
