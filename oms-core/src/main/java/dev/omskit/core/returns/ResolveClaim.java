package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/**
 * Settle an approved claim: by a refund of the claimed units (no restocking fee), or by a replacement
 * order of them at zero price.
 */
@Value.Immutable
@OmsStyle
public abstract class ResolveClaim implements ExistingOrderCommand {
    public abstract String claimId();

    public abstract ClaimResolution resolution();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ResolveClaim}. */
    public static class Builder extends ImmutableResolveClaim.Builder {}
}
