package dev.omskit.connectors.einvoice;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * The provider's view of one invoice, by our id.
 *
 * @param invoiceId our invoice id
 * @param state where it is at the provider
 * @param issued the provider's numbering, present once it was issued (also when cancelled afterwards)
 * @param reason the provider's note: why it was cancelled, or why it is still a draft
 */
public record InvoiceStatus(
        String invoiceId, ProviderInvoiceState state, Optional<IssuedInvoice> issued, Optional<String> reason) {
    /** Where an invoice is at the provider. */
    public enum ProviderInvoiceState {
        /** The provider holds it but has not issued it (waiting for signing, or it refused it). */
        DRAFT,
        /** Issued and valid (adjustments do not change that). */
        ISSUED,
        /** Cancelled, or void because a replacement was issued. */
        CANCELLED,
        /** The provider has no invoice under this id: issuing it is safe. */
        UNKNOWN
    }

    public InvoiceStatus {
        Checks.id("invoice id", invoiceId);
        Checks.notNull("state", state);
        Checks.notNull("issued", issued);
        Checks.notNull("reason", reason);
        if (state == ProviderInvoiceState.ISSUED && issued.isEmpty()) {
            throw InvalidArgumentException.of(
                    "issued", "REQUIRED", "invoice '" + invoiceId + "' is ISSUED but has no number");
        }
        issued.ifPresent(i -> {
            if (!i.invoiceId().equals(invoiceId)) {
                throw InvalidArgumentException.of(
                        "issued", "MISMATCH", "status of '" + invoiceId + "' carries invoice '" + i.invoiceId() + "'");
            }
        });
    }

    /** The provider has nothing under {@code invoiceId}. */
    public static InvoiceStatus unknown(String invoiceId) {
        return new InvoiceStatus(invoiceId, ProviderInvoiceState.UNKNOWN, Optional.empty(), Optional.empty());
    }

    /** Issued and valid. */
    public static InvoiceStatus issued(IssuedInvoice issued) {
        return new InvoiceStatus(
                issued.invoiceId(), ProviderInvoiceState.ISSUED, Optional.of(issued), Optional.empty());
    }

    /** Cancelled (or replaced) after it was issued, for {@code reason}. */
    public static InvoiceStatus cancelled(IssuedInvoice issued, String reason) {
        return new InvoiceStatus(
                issued.invoiceId(), ProviderInvoiceState.CANCELLED, Optional.of(issued), Optional.of(reason));
    }
}
