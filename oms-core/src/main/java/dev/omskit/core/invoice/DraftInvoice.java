package dev.omskit.core.invoice;

import dev.omskit.core.command.ExistingOrderCommand;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Draft the original invoice of an order: its kept units (charged, not returned) and the shipping fee.
 * Refused with {@code ALREADY_INVOICED} while the order has a live original or replacement (a draft
 * included: cancel it first), with {@code NOTHING_TO_INVOICE} when every unit is cancelled or returned,
 * and with {@code INVALID_TAX_CODE} / {@code REQUIRED} on bad buyer data.
 */
@Value.Immutable
public abstract class DraftInvoice implements ExistingOrderCommand {
    /** VAT or sales invoice; the configuration's default type when empty. */
    public abstract Optional<InvoiceType> type();

    /** The buyer as typed for the invoice; the order's buyer when empty. */
    public abstract Optional<BuyerDetails> buyer();

    /** A note printed on the invoice. */
    public abstract Optional<String> note();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DraftInvoice}. */
    public static class Builder extends ImmutableDraftInvoice.Builder {}
}
