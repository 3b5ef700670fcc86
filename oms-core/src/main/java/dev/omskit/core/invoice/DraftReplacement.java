package dev.omskit.core.invoice;

import dev.omskit.core.command.ExistingOrderCommand;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Draft a replacement for an issued invoice (wrong buyer, wrong tax code, wrong type): the same lines
 * with the corrected buyer and type. Once the replacement is issued the invoice it replaces becomes
 * {@code REPLACED}. Refused with {@code REPLACEMENT_PENDING} while another replacement draft of the same
 * invoice is open.
 */
@Value.Immutable
public abstract class DraftReplacement implements ExistingOrderCommand {
    /** The issued invoice to replace. */
    public abstract String invoiceId();

    /** The corrected buyer; the replaced invoice's buyer when empty. */
    public abstract Optional<BuyerDetails> buyer();

    /** The corrected type; the replaced invoice's type when empty. */
    public abstract Optional<InvoiceType> type();

    /** Why, printed on the replacement. */
    public abstract String reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DraftReplacement}. */
    public static class Builder extends ImmutableDraftReplacement.Builder {}
}
