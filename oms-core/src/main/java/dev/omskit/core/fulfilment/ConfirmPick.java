package dev.omskit.core.fulfilment;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The location confirms what it picked for an accepted request, units per line. A line it picked fewer
 * units of than requested (missing from {@link #picked()} means none) is a <em>short pick</em>: it needs a
 * {@link #reason()}, the missing units go back to {@code CREATED} and are placed again.
 */
@Value.Immutable
@OmsStyle
public abstract class ConfirmPick implements ExistingOrderCommand {
    public abstract String requestId();

    /** Units picked per line of the request. */
    public abstract Map<LineId, Integer> picked();

    /** Why units are missing (required for a short pick). */
    public abstract Optional<String> reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ConfirmPick}. */
    public static class Builder extends ImmutableConfirmPick.Builder {}
}
