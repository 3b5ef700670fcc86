package dev.omskit.core.shipment;

import dev.omskit.core.command.ExistingOrderCommand;
import org.immutables.value.Value;

/** Accept what a carrier remitted for a mismatched shipment, with a reason (a person decides). */
@Value.Immutable
public abstract class ResolveCodMismatch implements ExistingOrderCommand {
    public abstract String shipmentId();

    public abstract String reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ResolveCodMismatch}. */
    public static class Builder extends ImmutableResolveCodMismatch.Builder {}
}
