package dev.omskit.connectors.einvoice;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;

/**
 * Cancel (hủy) an issued invoice.
 *
 * @param invoice the invoice as the provider issued it
 * @param reason why, as the provider records it; not blank
 */
public record InvoiceCancellation(IssuedInvoice invoice, String reason) {
    public InvoiceCancellation {
        Checks.notNull("invoice", invoice);
        if (reason == null || reason.isBlank()) {
            throw InvalidArgumentException.of(
                    "reason", "BLANK", "say why invoice '" + invoice.invoiceId() + "' is cancelled");
        }
    }
}
