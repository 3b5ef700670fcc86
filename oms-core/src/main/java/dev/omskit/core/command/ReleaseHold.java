package dev.omskit.core.command;

import dev.omskit.core.order.HoldType;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/** Release the active hold of a type; the order may then be allocated and released again. */
@Value.Immutable
@OmsStyle
public abstract class ReleaseHold implements ExistingOrderCommand {
    public abstract HoldType type();

    public abstract String note();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReleaseHold}. */
    public static class Builder extends ImmutableReleaseHold.Builder {}
}
