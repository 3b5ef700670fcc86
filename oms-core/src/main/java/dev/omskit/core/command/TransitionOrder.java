package dev.omskit.core.command;

import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Apply a lifecycle trigger ({@code ALLOCATE}, {@code SHIP}, or a host's own such as {@code APPROVE}) to
 * units of lines. With {@link #lines()} empty, every unit that can take the trigger moves; with units
 * per line, exactly those, taken from the source stages in the order their transitions were declared.
 * Refused ({@code ILLEGAL_TRANSITION}, {@code INSUFFICIENT_QUANTITY}, {@code GUARD_REFUSED}) when the
 * lifecycle does not allow it.
 */
@Value.Immutable
@OmsStyle
public abstract class TransitionOrder implements ExistingOrderCommand {
    public abstract Trigger trigger();

    /** Units per line; empty moves every unit that can take the trigger. */
    public abstract Map<LineId, Integer> lines();

    /** Why, for the audit trail. */
    public abstract Optional<String> reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TransitionOrder}. */
    public static class Builder extends ImmutableTransitionOrder.Builder {}
}
