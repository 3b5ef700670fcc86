package dev.omskit.core;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.CancelInvoice;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.DraftPriceCorrection;
import dev.omskit.core.invoice.DraftReplacement;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceAdjustments;
import dev.omskit.core.invoice.InvoiceBuyer;
import dev.omskit.core.invoice.InvoiceDrafts;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.invoice.InvoiceType;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssueFailed;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.spi.IdGenerator;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * E-invoices of orders: draft an original from an order, record what the e-invoice provider
 * answered (issued with its number, symbol and tax authority code, or failed), adjust an issued invoice
 * for a price correction (and, through the returns facade, for a return), replace it with a corrected
 * one, cancel it; read invoices by order, id or number. Get one with {@code oms.invoicing()} and configure
 * it with {@link #with(InvoicingConfig)} (the seller, the symbol, the tax code validators, the shipping
 * VAT rate).
 *
 * <p>The provider call itself is not made here: a host (or a connector) sends the draft to its provider
 * and records the answer with {@link #recordIssued} or {@link #recordIssueFailed}.
 *
 * <p>Every command runs in the order's work: the invoice versions it writes are committed atomically with
 * the order (and with whatever else the same work decides), with their {@link DocumentEvent}s in the
 * document trail and the outbox; bad input or a refusal stores nothing. Two concurrent commands creating
 * an invoice for the same order conflict on the order's version (every document change is an order event);
 * the loser is decided again
 * on the fresh documents (so two concurrent drafts of the original give one invoice and one {@value
 * #ALREADY_INVOICED}).
 *
 * <p>Errors: {@code InvalidArgumentException} with {@code INVALID_TAX_CODE}, {@code REQUIRED}, {@code
 * SELLER_NOT_CONFIGURED}, {@code UNKNOWN_LINE}, {@code EXCEEDS_INVOICED}, {@code NOTHING_TO_ADJUST} ...;
 * {@code OrderRejectedException} with {@value #ALREADY_INVOICED}, {@code NOTHING_TO_INVOICE}, {@value
 * #NOT_INVOICED}, {@value #REPLACEMENT_PENDING}, {@code NOT_ADJUSTABLE} or {@code ILLEGAL_TRANSITION};
 * {@code NotFoundException} for an unknown order or invoice; {@code DuplicateReferenceException} for an
 * invoice number already used under the same symbol.
 *
 * <p>Thread-safe and cheap; instances differ only by their configuration.
 */
public final class Invoicing {
    /** Rejection code: the order already has a live original (or replacement) invoice. */
    public static final String ALREADY_INVOICED = "ALREADY_INVOICED";
    /** Rejection code: the order has no issued invoice to adjust. */
    public static final String NOT_INVOICED = "NOT_INVOICED";
    /** Rejection code: the invoice already has an open replacement draft. */
    public static final String REPLACEMENT_PENDING = "REPLACEMENT_PENDING";

    private final Oms oms;

    private final InvoicingConfig config;

    Invoicing(Oms oms, InvoicingConfig config) {
        this.oms = oms;
        this.config = Checks.notNull("config", config);
    }

    /** The same facade with another configuration. */
    public Invoicing with(InvoicingConfig config) {
        return new Invoicing(oms, config);
    }

    /** The configuration drafts use. */
    public InvoicingConfig config() {
        return config;
    }

    /** The invoice lifecycle. */
    public Lifecycle<Invoice> lifecycle() {
        return InvoiceLifecycle.get();
    }

    // ---------------------------------------------------------------------------------------- commands

    /**
     * Drafts the original invoice of an order (see {@link DraftInvoice}): its kept units at the order's
     * amounts, the shipping fee as a line, the buyer validated.
     */
    public Invoice draftFromOrder(DraftInvoice command) {
        Checks.notNull("command", command);
        String id = oms.ids().nextId(command.tenant(), "inv");
        return run(command, "DraftInvoice", work -> draftOriginal(work, command, id), Invoicing::created);
    }

    /** What {@link #draftFromOrder} would draft, stored nowhere. */
    public ChangePreview<Invoice> previewDraftFromOrder(DraftInvoice command) {
        Checks.notNull("command", command);
        String id = oms.ids().nextId(command.tenant(), "inv");
        return oms.preview(command, "DraftInvoice", work -> draftOriginal(work, command, id));
    }

    /**
     * Records that the provider issued a draft (see {@link RecordInvoiceIssued}); an adjustment moves the
     * invoice it adjusts to {@code ADJUSTED}, a replacement the invoice it replaces to {@code REPLACED}.
     */
    public Invoice recordIssued(RecordInvoiceIssued command) {
        Checks.notNull("command", command);
        return run(command, "RecordInvoiceIssued", work -> issue(work, command), byId(command.invoiceId()));
    }

    /** Records that the provider failed to issue a draft; it stays {@code DRAFT} with the failure noted. */
    public Invoice recordIssueFailed(RecordInvoiceIssueFailed command) {
        Checks.notNull("command", command);
        return run(
                command,
                "RecordInvoiceIssueFailed",
                work -> {
                    Invoice draft = invoice(work, command.invoiceId());
                    Invoice next = Invoice.builder()
                            .from(draft)
                            .version(draft.version() + 1)
                            .state(move(draft, InvoiceLifecycle.FAIL_ISSUE))
                            .issueFailure(command.reason())
                            .failedIssueAttempts(draft.failedIssueAttempts() + 1)
                            .updatedAt(work.now())
                            .build();
                    return work.write(draft, next, InvoiceLifecycle.FAIL_ISSUE, "issue failed: " + command.reason());
                },
                byId(command.invoiceId()));
    }

    /**
     * Drafts an adjustment correcting unit prices of an issued invoice (see {@link
     * DraftPriceCorrection}), computed by {@link InvoiceAdjustments#forPriceCorrection}.
     */
    public Invoice draftPriceCorrection(DraftPriceCorrection command) {
        Checks.notNull("command", command);
        String id = oms.ids().nextId(command.tenant(), "inv");
        return run(command, "DraftPriceCorrection", work -> priceCorrection(work, command, id), Invoicing::created);
    }

    /** What {@link #draftPriceCorrection} would draft, stored nowhere. */
    public ChangePreview<Invoice> previewPriceCorrection(DraftPriceCorrection command) {
        Checks.notNull("command", command);
        String id = oms.ids().nextId(command.tenant(), "inv");
        return oms.preview(command, "DraftPriceCorrection", work -> priceCorrection(work, command, id));
    }

    /** Drafts a replacement for an issued invoice (see {@link DraftReplacement}). */
    public Invoice draftReplacement(DraftReplacement command) {
        Checks.notNull("command", command);
        String id = oms.ids().nextId(command.tenant(), "inv");
        return run(command, "DraftReplacement", work -> replacement(work, command, id), Invoicing::created);
    }

    /** What {@link #draftReplacement} would draft, stored nowhere. */
    public ChangePreview<Invoice> previewReplacement(DraftReplacement command) {
        Checks.notNull("command", command);
        String id = oms.ids().nextId(command.tenant(), "inv");
        return oms.preview(command, "DraftReplacement", work -> replacement(work, command, id));
    }

    /**
     * Discards a draft or cancels an issued invoice (see {@link CancelInvoice}). Open drafts of
     * adjustments and replacements of the invoice are discarded with it, in the same commit.
     */
    public Invoice cancel(CancelInvoice command) {
        Checks.notNull("command", command);
        return run(
                command,
                "CancelInvoice",
                work -> {
                    Invoice invoice = invoice(work, command.invoiceId());
                    Invoice cancelled = work.write(
                            invoice,
                            cancelled(invoice, command.reason(), work),
                            InvoiceLifecycle.CANCEL,
                            "cancelled: " + command.reason());
                    for (Invoice related : work.documents(Invoice.KIND)) {
                        if (related.relatesTo().equals(Optional.of(invoice.id()))
                                && related.state().equals(InvoiceLifecycle.DRAFT)) {
                            String why = "invoice '" + invoice.id() + "' was cancelled";
                            work.write(related, cancelled(related, why, work), InvoiceLifecycle.CANCEL, why);
                        }
                    }
                    return cancelled;
                },
                byId(command.invoiceId()));
    }

    // ----------------------------------------------------------------------------------------- queries

    /** The order's invoices, oldest first (any purpose, any state). */
    public List<Invoice> invoicesOf(TenantId tenant, OrderId order) {
        return oms.storage().documents().ofOrder(tenant, order, Invoice.KIND);
    }

    /** The invoice with this id. */
    public Optional<Invoice> find(TenantId tenant, String invoiceId) {
        return oms.storage().documents().find(tenant, Invoice.KIND, invoiceId);
    }

    /** The issued invoice with this symbol and number. */
    public Optional<Invoice> findByNumber(TenantId tenant, String symbol, String number) {
        return oms.storage().documents().findByReference(tenant, Invoice.KIND, Invoice.numberReference(symbol, number));
    }

    /** The invoice's events, oldest first. */
    public List<DocumentEvent> trail(TenantId tenant, String invoiceId) {
        return oms.storage().documents().trail(tenant, Invoice.KIND, invoiceId);
    }

    // ------------------------------------------------------------------------ hook for other facades

    /**
     * Inside another facade's work (a return): drafts the adjustment giving back {@code returnedUnits}
     * (and the shipping fee when {@code refundShipping}) on the order's live issued invoice, the original
     * or the latest replacement, and writes it into {@code work}; empty when the order has no issued
     * invoice (a draft original is not adjusted: cancel it and draft again). Problems are thrown as by
     * {@link InvoiceAdjustments#forReturn} and fail the caller's whole work.
     */
    static Optional<Invoice> draftAdjustmentForReturn(
            OrderWork work,
            Map<LineId, Integer> returnedUnits,
            boolean refundShipping,
            String reason,
            IdGenerator ids) {
        List<Invoice> all = work.documents(Invoice.KIND);
        Optional<Invoice> target = liveIssued(all);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Invoice adjustment = InvoiceAdjustments.forReturn(
                work.order(),
                target.get(),
                all,
                returnedUnits,
                refundShipping,
                reason,
                ids.nextId(work.order().tenant(), "inv"),
                work.now());
        return Optional.of(work.write(
                null,
                adjustment,
                InvoiceLifecycle.CREATE,
                "adjustment of '" + target.get().id() + "' drafted: " + reason + ", total "
                        + adjustment.totals().total()));
    }

    // ---------------------------------------------------------------------------------------- bodies

    private Invoice draftOriginal(OrderWork work, DraftInvoice command, String id) {
        Order order = work.order();
        List<Invoice> all = work.documents(Invoice.KIND);
        Optional<Invoice> live = all.stream().filter(Invoice::isLivePrimary).findFirst();
        if (live.isPresent()) {
            throw new OrderRejectedException(Rejection.of(
                    ALREADY_INVOICED,
                    "order '" + order.id() + "' already has invoice '"
                            + live.get().id() + "' ("
                            + live.get().purpose() + ", " + live.get().state()
                            + "); cancel it or draft a replacement"));
        }
        InvoiceType type = command.type().orElse(config.defaultType());
        InvoiceBuyer buyer = InvoiceDrafts.buyer(command.buyer(), order, type, config.taxCodeValidators());
        Invoice draft =
                InvoiceDrafts.original(order, type, buyer, config, id, all.size() + 1, command.note(), work.now());
        return work.write(
                null,
                draft,
                InvoiceLifecycle.CREATE,
                "drafted " + type + " with " + draft.lines().size() + " line(s), total "
                        + draft.totals().total());
    }

    private Invoice issue(OrderWork work, RecordInvoiceIssued command) {
        Invoice draft = invoice(work, command.invoiceId());
        State to = move(draft, InvoiceLifecycle.ISSUE);
        Optional<Invoice> related = draft.relatesTo().map(id -> invoice(work, id));
        Invoice issued = Invoice.builder()
                .from(draft)
                .version(draft.version() + 1)
                .state(to)
                .number(command.number().strip())
                .symbol(command.symbol().strip())
                .authorityCode(command.authorityCode().strip())
                .issuedAt(command.issuedAt())
                .issueFailure(Optional.empty())
                .updatedAt(work.now())
                .build();
        if (related.isPresent()) {
            Invoice target = related.get();
            Invoice.Builder next =
                    Invoice.builder().from(target).version(target.version() + 1).updatedAt(work.now());
            if (draft.purpose() == InvoicePurpose.ADJUSTMENT) {
                next.state(move(target, InvoiceLifecycle.ADJUST)).addAdjustedBy(draft.id());
            } else {
                next.state(move(target, InvoiceLifecycle.REPLACE)).replacedBy(draft.id());
            }
            work.write(draft, issued, InvoiceLifecycle.ISSUE, summaryOfIssue(issued));
            Trigger trigger =
                    draft.purpose() == InvoicePurpose.ADJUSTMENT ? InvoiceLifecycle.ADJUST : InvoiceLifecycle.REPLACE;
            work.write(
                    target,
                    next.build(),
                    trigger,
                    (trigger == InvoiceLifecycle.ADJUST ? "adjusted by '" : "replaced by '") + draft.id() + "' ("
                            + issued.symbol().orElseThrow() + " "
                            + issued.number().orElseThrow() + ")");
            return issued;
        }
        return work.write(draft, issued, InvoiceLifecycle.ISSUE, summaryOfIssue(issued));
    }

    private Invoice priceCorrection(OrderWork work, DraftPriceCorrection command, String id) {
        List<Invoice> all = work.documents(Invoice.KIND);
        Invoice target = command.invoiceId()
                .map(invoiceId -> invoice(work, invoiceId))
                .orElseGet(() -> liveIssued(all).orElseThrow(() -> notInvoiced(work.order())));
        Invoice adjustment = InvoiceAdjustments.forPriceCorrection(
                work.order(), target, all, command.newUnitPrices(), command.reason(), id, work.now());
        return work.write(
                null,
                adjustment,
                InvoiceLifecycle.CREATE,
                "price correction of '" + target.id() + "' drafted: " + command.reason() + ", total "
                        + adjustment.totals().total());
    }

    private Invoice replacement(OrderWork work, DraftReplacement command, String id) {
        Invoice replaced = invoice(work, command.invoiceId());
        if (replaced.purpose() == InvoicePurpose.ADJUSTMENT
                || lifecycle()
                        .transition(replaced.state(), InvoiceLifecycle.REPLACE)
                        .isEmpty()) {
            throw illegal(replaced, InvoiceLifecycle.REPLACE);
        }
        List<Invoice> all = work.documents(Invoice.KIND);
        Optional<Invoice> pending = all.stream()
                .filter(i -> i.purpose() == InvoicePurpose.REPLACEMENT
                        && i.relatesTo().equals(Optional.of(replaced.id()))
                        && i.state().equals(InvoiceLifecycle.DRAFT))
                .findFirst();
        if (pending.isPresent()) {
            throw new OrderRejectedException(Rejection.of(
                    REPLACEMENT_PENDING,
                    "invoice '" + replaced.id() + "' already has replacement draft '"
                            + pending.get().id() + "'; issue or cancel it first"));
        }
        if (command.reason().isBlank()) {
            throw InvalidArgumentException.of("reason", "REQUIRED", "a replacement invoice must state its reason");
        }
        InvoiceType type = command.type().orElse(replaced.type());
        BuyerDetails details = command.buyer().orElseGet(() -> details(replaced.buyer()));
        InvoiceBuyer buyer = InvoiceDrafts.buyer(Optional.of(details), work.order(), type, config.taxCodeValidators());
        Invoice draft = InvoiceDrafts.replacement(
                replaced, type, buyer, config.symbol(), command.reason().strip(), id, all.size() + 1, work.now());
        return work.write(
                null,
                draft,
                InvoiceLifecycle.CREATE,
                "replacement of '" + replaced.id() + "' drafted: " + command.reason());
    }

    // --------------------------------------------------------------------------------------- helpers

    private <C extends ExistingOrderCommand> Invoice run(
            C command, String type, Oms.Body<Invoice> body, Oms.Replay<Invoice> replay) {
        return oms.work(command, type, body, replay);
    }

    /** The order's live issued invoice that states the sale: the original, or the latest replacement. */
    private static Optional<Invoice> liveIssued(List<Invoice> all) {
        Invoice found = null;
        for (Invoice i : all) {
            if (i.isLivePrimary()
                    && (i.state().equals(InvoiceLifecycle.ISSUED) || i.state().equals(InvoiceLifecycle.ADJUSTED))) {
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Invoice invoice(OrderWork work, String id) {
        return work.find(Invoice.KIND, id)
                .orElseThrow(() -> new NotFoundException("invoice '" + id + "' not found on order '"
                        + work.order().id() + "'"));
    }

    private static Invoice cancelled(Invoice invoice, String reason, OrderWork work) {
        return Invoice.builder()
                .from(invoice)
                .version(invoice.version() + 1)
                .state(move(invoice, InvoiceLifecycle.CANCEL))
                .cancellationReason(reason)
                .updatedAt(work.now())
                .build();
    }

    private static State move(Invoice invoice, Trigger trigger) {
        return InvoiceLifecycle.get()
                .transition(invoice.state(), trigger)
                .map(Transition::to)
                .orElseThrow(() -> illegal(invoice, trigger));
    }

    private static OrderRejectedException illegal(Invoice invoice, Trigger trigger) {
        String allowed = InvoiceLifecycle.get().transitionsFrom(invoice.state()).stream()
                .map(t -> t.trigger().name())
                .collect(Collectors.joining(", "));
        return new OrderRejectedException(Rejection.of(
                Rejection.ILLEGAL_TRANSITION,
                "Invoice '" + invoice.id() + "' (" + invoice.purpose() + ") cannot apply " + trigger + " in state "
                        + invoice.state() + (allowed.isEmpty() ? "; it is final" : "; allowed: " + allowed)));
    }

    private static OrderRejectedException notInvoiced(Order order) {
        return new OrderRejectedException(
                Rejection.of(NOT_INVOICED, "order '" + order.id() + "' has no issued invoice to adjust"));
    }

    private static String summaryOfIssue(Invoice issued) {
        return "issued as " + issued.symbol().orElseThrow() + " "
                + issued.number().orElseThrow() + ", tax authority code "
                + issued.authorityCode().orElseThrow();
    }

    /** The details an already validated buyer was made from, to validate them again for another type. */
    private static BuyerDetails details(InvoiceBuyer buyer) {
        return BuyerDetails.builder()
                .companyName(buyer.companyName())
                .taxCode(buyer.taxCode().map(c -> c.printed()))
                .taxCountry(buyer.taxCode().map(c -> c.country()).orElse("VN"))
                .name(buyer.name())
                .email(buyer.email())
                .address(buyer.address())
                .build();
    }

    /** Replays a drafting command: the invoice it created. */
    private static Invoice created(Order order, List<OrderDocument> documents) {
        List<Invoice> created = new ArrayList<>();
        for (OrderDocument d : documents) {
            if (d.kind().equals(Invoice.KIND) && d.version() == 1) {
                created.add(Invoice.KIND.cast(d));
            }
        }
        return created.get(created.size() - 1);
    }

    private static Oms.Replay<Invoice> byId(String id) {
        return (order, documents) -> documents.stream()
                .filter(d -> d.kind().equals(Invoice.KIND) && d.id().equals(id))
                .map(Invoice.KIND::cast)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("invoice '" + id + "' is not in the replayed result"));
    }
}
