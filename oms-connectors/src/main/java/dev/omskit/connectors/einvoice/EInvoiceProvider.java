package dev.omskit.connectors.einvoice;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoicePurpose;

/**
 * An e-invoice provider (Viettel S-Invoice, MISA meInvoice ...): it issues the invoices the core drafts
 * ({@code Invoicing}), numbers them under a symbol, obtains the tax authority's code, and issues
 * adjustments, replacements and cancellations of issued invoices.
 *
 * <p>The sync engine sends a draft, then records the answer with {@link EInvoiceOutcomes#issued} (a
 * {@code RecordInvoiceIssued}) or, for a refusal, {@link EInvoiceOutcomes#failed} (a {@code
 * RecordInvoiceIssueFailed}).
 *
 * @implSpec Thread-safe.
 *     <p><b>Idempotency.</b> Every invoice call is keyed by our invoice id ({@link Invoice#id()}), which
 *     the implementation sends to the provider as its idempotency key (S-Invoice's {@code transactionUuid},
 *     meInvoice's {@code RefID}). Issuing ({@link #issue}, {@link #adjust}, {@link #replace}) an id the
 *     provider has issued already returns the first {@link IssuedInvoice} unchanged, whatever the content
 *     sent the second time; the provider never issues two invoices for one id. A call whose answer was lost
 *     (a {@code RETRYABLE} or {@code TIMEOUT} failure) may therefore be repeated safely. {@link #cancel} of
 *     an invoice already cancelled answers as the first time did and cancels nothing more. {@link #status}
 *     has no effect.
 *     <p><b>Rules.</b> {@link #issue} takes an {@link InvoicePurpose#ORIGINAL original}; {@link #adjust} an
 *     {@link InvoicePurpose#ADJUSTMENT adjustment} and {@link #replace} a {@link InvoicePurpose#REPLACEMENT
 *     replacement}, each with the {@link IssuedInvoice} it relates to (whose {@code invoiceId} is the
 *     draft's {@link Invoice#relatesTo()}), issued by this provider and neither cancelled nor replaced; a
 *     replaced or adjusted invoice is not cancelled. A call breaking a rule fails {@code NOT_RETRYABLE}
 *     without reaching the provider's books.
 *     <p><b>Failures</b> are {@code ConnectorException}s: the provider refusing the content (a bad tax
 *     code, totals that do not add up, an unknown symbol, an invoice it does not know) is {@code
 *     NOT_RETRYABLE} with the provider's reason in the message; refused credentials {@code
 *     AUTHENTICATION_FAILED}; a throttle {@code RATE_LIMITED} (with the provider's retry-after when it
 *     says); 5xx answers, resets and unparseable answers {@code RETRYABLE}; no answer in time {@code
 *     TIMEOUT}. A call of a capability the connector does not declare fails {@code NOT_RETRYABLE} ({@link
 *     Connector#require}). Messages name the invoice id, never credentials or the buyer's personal data.
 */
public interface EInvoiceProvider extends Connector {
    /** {@link #issue}: issue an original invoice. */
    Capability ISSUE = Capability.of("ISSUE");
    /** {@link #adjust}: issue an adjustment invoice (hóa đơn điều chỉnh) of an issued invoice. */
    Capability ADJUST = Capability.of("ADJUST");
    /** {@link #replace}: issue a replacement invoice (hóa đơn thay thế) of an issued invoice. */
    Capability REPLACE = Capability.of("REPLACE");
    /** {@link #cancel}: cancel (hủy) an issued invoice with a reason. */
    Capability CANCEL = Capability.of("CANCEL");
    /** {@link #status}: the provider's state of an invoice, by our id. */
    Capability STATUS = Capability.of("STATUS");

    /** Always {@link ConnectorKind#E_INVOICE_PROVIDER}. */
    @Override
    default ConnectorKind kind() {
        return ConnectorKind.E_INVOICE_PROVIDER;
    }

    /**
     * Issues an original invoice from its draft (state {@code DRAFT}, purpose {@code ORIGINAL}); the draft's
     * id is the idempotency key.
     *
     * @return the provider's number, symbol, tax authority code and issue time
     */
    IssuedInvoice issue(Invoice draft);

    /**
     * Issues an adjustment draft of {@code original} (the invoice the adjustment's {@link
     * Invoice#relatesTo()} names, as the provider issued it); the adjustment's id is the idempotency key.
     */
    IssuedInvoice adjust(Invoice adjustment, IssuedInvoice original);

    /**
     * Issues a replacement draft of {@code replaced} (the invoice its {@link Invoice#relatesTo()} names);
     * the replacement's id is the idempotency key. The replaced invoice is void at the provider afterwards.
     */
    IssuedInvoice replace(Invoice replacement, IssuedInvoice replaced);

    /** Cancels an issued invoice (neither adjusted nor replaced) with the reason the provider records. */
    InvoiceStatus cancel(InvoiceCancellation cancellation);

    /** The provider's state of the invoice with our id {@code invoiceId}; {@code UNKNOWN} if it has none. */
    InvoiceStatus status(String invoiceId);
}
