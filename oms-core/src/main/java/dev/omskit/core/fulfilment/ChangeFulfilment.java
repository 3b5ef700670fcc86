package dev.omskit.core.fulfilment;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Accept, pack, reject or cancel one fulfilment request (the facade method names which). A rejection and
 * a cancellation need a {@link #reason()}.
 */
@Value.Immutable
@OmsStyle
public abstract class ChangeFulfilment implements ExistingOrderCommand {
    public abstract String requestId();

    public abstract Optional<String> reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChangeFulfilment}. */
    public static class Builder extends ImmutableChangeFulfilment.Builder {}
}
