package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A decision on one return or claim of the order, by its id: approve, reject (reason required), cancel,
 * close; or the retry of a failed refund. Which one is the facade method it is given to.
 */
@Value.Immutable
@OmsStyle
public abstract class DocumentAction implements ExistingOrderCommand {
    /** The return, claim or refund id. */
    public abstract String documentId();

    /** Why; required to reject. */
    public abstract Optional<String> reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DocumentAction}. */
    public static class Builder extends ImmutableDocumentAction.Builder {}
}
