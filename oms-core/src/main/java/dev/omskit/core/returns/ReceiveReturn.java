package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Units of an approved return arrived at its location. Fewer than requested is allowed and recorded; the
 * received units of the order move {@code DELIVERED -> RETURNED} in the same commit.
 */
@Value.Immutable
@OmsStyle
public abstract class ReceiveReturn implements ExistingOrderCommand {
    public abstract String returnId();

    /** Units received per line; empty means every requested unit. */
    public abstract Map<LineId, Integer> units();

    /**
     * Where the units actually arrived, when not at the return's location (any location accepting
     * returns); the return then records this one.
     */
    public abstract Optional<LocationId> location();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReceiveReturn}. */
    public static class Builder extends ImmutableReceiveReturn.Builder {}
}
