package dev.omskit.core.command;

import dev.omskit.core.order.HoldType;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/** Place a hold of a type, with a reason. Refused if a hold of that type is already active. */
@Value.Immutable
@OmsStyle
public abstract class PlaceHold implements ExistingOrderCommand {
    public abstract HoldType type();

    public abstract String reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PlaceHold}. */
    public static class Builder extends ImmutablePlaceHold.Builder {}
}
