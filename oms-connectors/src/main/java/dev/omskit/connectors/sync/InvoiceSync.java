package dev.omskit.connectors.sync;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.einvoice.EInvoiceOutcomes;
import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.connectors.einvoice.IssuedInvoice;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.order.Order;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Invoices out: every draft invoice of an order is issued at the tenant's e-invoice provider ({@code
 * ISSUE_INVOICE} per invoice), an original by {@link EInvoiceProvider#issue}, an adjustment by {@link
 * EInvoiceProvider#adjust} and a replacement by {@link EInvoiceProvider#replace} against the issued invoice
 * it relates to, and the provider's number, symbol and tax authority code are recorded in core.
 *
 * <p>The provider is idempotent by invoice id, so an issue repeated after a lost answer or a crash gets the
 * first number. A refusal that will not pass by retrying is recorded on the draft ({@code
 * recordIssueFailed}: it stays {@code DRAFT}) and the work is parked with the provider's reason; once the
 * cause is fixed (the provider's settings, the buyer's tax code through a replacement draft ...), a person's
 * retry of the parked item issues the draft.
 */
final class InvoiceSync {
    static final String INVOICE = "invoice";
    static final String ORDER = "order";
    static final String NUMBER = "number";
    static final String SYMBOL = "symbol";

    private static final System.Logger LOG = System.getLogger(InvoiceSync.class.getName());

    private final SyncEngine engine;

    InvoiceSync(SyncEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, SyncHandler> handlers) {
        handlers.put(SyncWorkType.ISSUE_INVOICE, SyncHandler.each(this::issue));
    }

    void fanOut(Order order, Instant now) {
        Optional<InvoiceBinding> found = engine.invoices(order.tenant());
        if (found.isEmpty()) {
            return;
        }
        InvoiceBinding b = found.get();
        for (Invoice invoice : engine.oms().invoicing().invoicesOf(order.tenant(), order.id())) {
            if (InvoiceLifecycle.DRAFT.equals(invoice.state()) && b.provider().can(capability(invoice))) {
                engine.enqueueOnce(
                        order.tenant(),
                        "invoice/" + b.connectorId() + "/" + invoice.id(),
                        b.connectorId(),
                        SyncWorkType.ISSUE_INVOICE,
                        Map.of(INVOICE, invoice.id(), ORDER, order.id().value()));
            }
        }
    }

    /** The provider capability issuing this invoice takes. */
    static Capability capability(Invoice invoice) {
        return switch (invoice.purpose()) {
            case ORIGINAL -> EInvoiceProvider.ISSUE;
            case ADJUSTMENT -> EInvoiceProvider.ADJUST;
            case REPLACEMENT -> EInvoiceProvider.REPLACE;
        };
    }

    private SyncOutcome issue(SyncWork w) {
        InvoiceBinding b = engine.invoices(w.tenant())
                .filter(x -> x.connectorId().equals(w.connector()))
                .orElseThrow(() -> SyncEngine.notServed(w));
        String id = w.payload().get(INVOICE);
        Invoice draft = find(w, id);
        if (!InvoiceLifecycle.DRAFT.equals(draft.state())) {
            return SyncOutcome.done(result(draft)); // issued meanwhile (a crash after recording), or discarded
        }
        EInvoiceProvider provider = b.provider();
        if (!provider.can(capability(draft))) {
            throw new ParkException("e-invoice provider '" + b.connectorId() + "' cannot issue invoice " + id + " (a "
                    + draft.purpose() + "): it lacks " + capability(draft));
        }
        IssuedInvoice issued;
        try {
            issued = switch (draft.purpose()) {
                case ORIGINAL -> call(b, "issue", () -> provider.issue(draft));
                case ADJUSTMENT -> {
                    IssuedInvoice original = related(w, draft);
                    yield call(b, "adjust", () -> provider.adjust(draft, original));
                }
                case REPLACEMENT -> {
                    IssuedInvoice replaced = related(w, draft);
                    yield call(b, "replace", () -> provider.replace(draft, replaced));
                }
            };
        } catch (ConnectorException e) {
            if (e.kind().mayPassLater()) {
                throw e;
            }
            String reason =
                    "e-invoice provider '" + b.connectorId() + "' did not issue invoice " + id + ": " + e.getMessage();
            try {
                engine.oms().invoicing().recordIssueFailed(EInvoiceOutcomes.failed(draft, e, engine.actor()));
            } catch (OmsException recording) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "could not record the failed issue of invoice " + id + " in core: " + recording.getMessage());
                reason += " (not recorded on the invoice: " + recording.getMessage() + ")";
            }
            throw new ParkException(e.kind(), reason);
        }
        Invoice recorded =
                engine.oms().invoicing().recordIssued(EInvoiceOutcomes.issued(draft, issued, engine.actor()));
        return SyncOutcome.done(result(recorded));
    }

    private IssuedInvoice call(InvoiceBinding b, String operation, Callable<IssuedInvoice> c) {
        return engine.caller().call(b.connectorId(), b.account(), operation, c);
    }

    /** The issued invoice an adjustment or a replacement relates to, as the provider issued it. */
    private IssuedInvoice related(SyncWork w, Invoice draft) {
        String relatedId = draft.relatesTo()
                .orElseThrow(() -> new ParkException(
                        "invoice " + draft.id() + " is a " + draft.purpose() + " that names no invoice it relates to"));
        Invoice related = find(w, relatedId);
        if (related.number().isEmpty()
                || related.symbol().isEmpty()
                || related.authorityCode().isEmpty()
                || related.issuedAt().isEmpty()) {
            throw new ParkException("invoice " + draft.id() + " relates to invoice " + relatedId + ", which is "
                    + related.state() + " without the provider's numbering");
        }
        return new IssuedInvoice(
                related.id(),
                related.number().get(),
                related.symbol().get(),
                related.authorityCode().get(),
                related.issuedAt().get());
    }

    private Invoice find(SyncWork w, String id) {
        return engine.oms()
                .invoicing()
                .find(w.tenant(), id)
                .orElseThrow(() -> new ParkException("invoice '" + id + "' is gone"));
    }

    /** What a done issue keeps: ids and the provider's numbering. */
    private static Map<String, String> result(Invoice invoice) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(INVOICE, invoice.id());
        out.put(ORDER, invoice.orderId().value());
        invoice.symbol().ifPresent(s -> out.put(SYMBOL, s));
        invoice.number().ifPresent(n -> out.put(NUMBER, n));
        return out;
    }
}
