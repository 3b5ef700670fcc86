package dev.omskit.connectors.einvoice;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.RecordInvoiceIssueFailed;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.support.Checks;

/**
 * Maps the answers of an {@link EInvoiceProvider} to the core commands of {@code Invoicing} that record
 * them. Stateless.
 */
public final class EInvoiceOutcomes {
    private EInvoiceOutcomes() {}

    /**
     * The {@code RecordInvoiceIssued} of {@code draft} answered with {@code issued}; its idempotency key
     * {@code einvoice-issued-<invoice id>} makes recording the same answer twice harmless.
     */
    public static RecordInvoiceIssued issued(Invoice draft, IssuedInvoice issued, Actor actor) {
        Checks.notNull("draft", draft);
        Checks.notNull("issued", issued);
        Checks.notNull("actor", actor);
        if (!issued.invoiceId().equals(draft.id())) {
            throw InvalidArgumentException.of(
                    "issued",
                    "MISMATCH",
                    "the provider's answer is for invoice '" + issued.invoiceId() + "', not '" + draft.id() + "'");
        }
        return RecordInvoiceIssued.builder()
                .tenant(draft.tenant())
                .orderId(draft.orderId())
                .actor(actor)
                .invoiceId(draft.id())
                .number(issued.number())
                .symbol(issued.symbol())
                .authorityCode(issued.authorityCode())
                .issuedAt(issued.issuedAt())
                .idempotencyKey(IdempotencyKey.of("einvoice-issued-" + draft.id()))
                .build();
    }

    /**
     * The {@code RecordInvoiceIssueFailed} of {@code draft} the provider refused: the reason is the
     * failure's message (which names the provider's reason and no secrets). Meant for failures that will
     * not pass later ({@code NOT_RETRYABLE}, {@code AUTHENTICATION_FAILED}); transient ones are retried.
     */
    public static RecordInvoiceIssueFailed failed(Invoice draft, ConnectorException failure, Actor actor) {
        Checks.notNull("draft", draft);
        Checks.notNull("failure", failure);
        Checks.notNull("actor", actor);
        return RecordInvoiceIssueFailed.builder()
                .tenant(draft.tenant())
                .orderId(draft.orderId())
                .actor(actor)
                .invoiceId(draft.id())
                .reason(failure.getMessage())
                .build();
    }
}
