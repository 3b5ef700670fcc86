package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.connectors.einvoice.InvoiceCancellation;
import dev.omskit.connectors.einvoice.InvoiceStatus;
import dev.omskit.connectors.einvoice.IssuedInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.support.Checks;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory e-invoice provider that keeps the books a real one keeps: it numbers invoices per symbol
 * in sequence ({@code 00000001}, {@code 00000002} ...), gives each a tax authority code, is idempotent by
 * our invoice id, and checks that adjustments and replacements reference an invoice it issued and that is
 * still valid (a replaced or cancelled invoice is neither adjusted nor replaced; an adjusted or replaced one
 * is not cancelled). Draft symbols are used as given; a draft without one gets {@link #DEFAULT_SYMBOL}.
 *
 * <p>Scripting beyond {@link #script()}: {@link #refuseNext(String)} makes the provider refuse the next
 * invoice's content ({@code NOT_RETRYABLE} with that reason, as for a bad tax code), {@link
 * #keepNextAsDraft(String)} stores the next one as an unsigned draft and answers {@code RETRYABLE} (a
 * repeat issues it), {@link #loseNextResponses(int)} issues but loses the answer ({@code RETRYABLE}: the
 * caller must repeat and get the same number), {@link #startNumbersAt(String, int)} sets the next number of
 * a symbol. The seller's tax code must be a 10-digit Vietnamese code (with an optional branch), else the
 * content is refused like a real provider would. Thread-safe.
 */
public final class FakeEInvoiceProvider implements EInvoiceProvider {
    /** The symbol of drafts that carry none. */
    public static final String DEFAULT_SYMBOL = "1C26TAA";

    /** Every capability of the SPI. */
    public static final Set<Capability> ALL = Set.of(ISSUE, ADJUST, REPLACE, CANCEL, STATUS);

    private enum State {
        DRAFT,
        ISSUED,
        CANCELLED
    }

    private static final class Entry {
        final Invoice draft;
        IssuedInvoice issued;
        State state;
        Optional<String> reason = Optional.empty();
        final List<String> adjustedBy = new ArrayList<>();
        Optional<String> replacedBy = Optional.empty();

        Entry(Invoice draft, State state) {
            this.draft = draft;
            this.state = state;
        }
    }

    private final String id;
    private final Set<Capability> capabilities;
    private final InstantSource clock;
    private final FakeScript script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> invoices = new LinkedHashMap<>();
    private final Map<String, Integer> nextNumber = new HashMap<>();
    private final Deque<String> refusals = new ArrayDeque<>();
    private final Deque<String> drafts = new ArrayDeque<>();
    private int lostResponses;

    /** A provider with every capability. */
    public FakeEInvoiceProvider(String id, InstantSource clock) {
        this(id, clock, ALL);
    }

    /** A provider declaring only {@code capabilities}. */
    public FakeEInvoiceProvider(String id, InstantSource clock, Set<Capability> capabilities) {
        this.id = Checks.id("connector id", id);
        this.clock = Checks.notNull("clock", clock);
        this.capabilities = Set.copyOf(Checks.notNull("capabilities", capabilities));
        this.script = new FakeScript(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The scripted failures and delays, and the record of calls. */
    public FakeScript script() {
        return script;
    }

    /** The next invoice to be issued is refused as content ({@code NOT_RETRYABLE}) with {@code reason}. */
    public FakeEInvoiceProvider refuseNext(String reason) {
        return locked(() -> refusals.addLast(Checks.id("reason", reason)));
    }

    /**
     * The next invoice to be issued is stored unsigned ({@code DRAFT} at the provider, with {@code reason})
     * and the call fails {@code RETRYABLE}; a repeat of the call issues it.
     */
    public FakeEInvoiceProvider keepNextAsDraft(String reason) {
        return locked(() -> drafts.addLast(Checks.id("reason", reason)));
    }

    /** The next {@code times} successful issues take effect but their answer is lost ({@code RETRYABLE}). */
    public FakeEInvoiceProvider loseNextResponses(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        return locked(() -> lostResponses += times);
    }

    /** The next invoice numbered under {@code symbol} gets {@code number} (then {@code number + 1} ...). */
    public FakeEInvoiceProvider startNumbersAt(String symbol, int number) {
        Checks.id("symbol", symbol);
        if (number < 1) {
            throw new IllegalArgumentException("invoice numbers start at 1; was " + number);
        }
        return locked(() -> nextNumber.put(symbol, number));
    }

    /** Every invoice issued so far (also those cancelled or replaced since), in issue order. */
    public List<IssuedInvoice> issued() {
        lock.lock();
        try {
            return invoices.values().stream()
                    .filter(e -> e.issued != null)
                    .map(e -> e.issued)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /** The invoice issued under our id {@code invoiceId}, if any. */
    public Optional<IssuedInvoice> find(String invoiceId) {
        lock.lock();
        try {
            return Optional.ofNullable(invoices.get(invoiceId)).map(e -> e.issued);
        } finally {
            lock.unlock();
        }
    }

    /** The adjustments issued against {@code invoiceId}, oldest first (our ids). */
    public List<String> adjustmentsOf(String invoiceId) {
        lock.lock();
        try {
            Entry e = invoices.get(invoiceId);
            return e == null ? List.of() : List.copyOf(e.adjustedBy);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public IssuedInvoice issue(Invoice draft) {
        script.enter("issue", draft);
        require(ISSUE, "issue");
        return issueAny("issue", draft, InvoicePurpose.ORIGINAL, null);
    }

    @Override
    public IssuedInvoice adjust(Invoice adjustment, IssuedInvoice original) {
        script.enter("adjust", adjustment);
        require(ADJUST, "adjust");
        Checks.notNull("original", original);
        return issueAny("adjust", adjustment, InvoicePurpose.ADJUSTMENT, original);
    }

    @Override
    public IssuedInvoice replace(Invoice replacement, IssuedInvoice replaced) {
        script.enter("replace", replacement);
        require(REPLACE, "replace");
        Checks.notNull("replaced", replaced);
        return issueAny("replace", replacement, InvoicePurpose.REPLACEMENT, replaced);
    }

    @Override
    public InvoiceStatus cancel(InvoiceCancellation cancellation) {
        script.enter("cancel", cancellation);
        require(CANCEL, "cancel");
        Checks.notNull("cancellation", cancellation);
        lock.lock();
        try {
            IssuedInvoice given = cancellation.invoice();
            Entry e = known("cancel", given);
            if (e.state == State.CANCELLED) {
                if (e.replacedBy.isPresent()) {
                    throw refused(
                            "cancel",
                            "invoice '" + given.invoiceId() + "' was replaced by '" + e.replacedBy.get() + "'");
                }
                return status(e);
            }
            if (!e.adjustedBy.isEmpty()) {
                throw refused(
                        "cancel",
                        "invoice '" + given.invoiceId() + "' has adjustments " + e.adjustedBy
                                + "; an adjusted invoice is corrected by a further adjustment");
            }
            e.state = State.CANCELLED;
            e.reason = Optional.of(cancellation.reason());
            return status(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public InvoiceStatus status(String invoiceId) {
        script.enter("status", invoiceId);
        require(STATUS, "status");
        Checks.id("invoice id", invoiceId);
        lock.lock();
        try {
            Entry e = invoices.get(invoiceId);
            return e == null ? InvoiceStatus.unknown(invoiceId) : status(e);
        } finally {
            lock.unlock();
        }
    }

    private IssuedInvoice issueAny(String operation, Invoice draft, InvoicePurpose purpose, IssuedInvoice related) {
        Checks.notNull("invoice", draft);
        lock.lock();
        try {
            Entry existing = invoices.get(draft.id());
            if (existing != null && existing.issued != null) {
                return existing.issued; // idempotent by our id: the first answer, no second invoice
            }
            if (draft.purpose() != purpose) {
                throw refused(
                        operation, "invoice '" + draft.id() + "' is an " + draft.purpose() + ", not an " + purpose);
            }
            if (!draft.state().equals(InvoiceLifecycle.DRAFT)) {
                throw refused(operation, "invoice '" + draft.id() + "' is " + draft.state() + ", not a DRAFT");
            }
            Entry target = null;
            if (related != null) {
                target = known(operation, related);
                if (!draft.relatesTo().equals(Optional.of(related.invoiceId()))) {
                    throw refused(
                            operation,
                            "invoice '" + draft.id() + "' relates to "
                                    + draft.relatesTo().orElse("nothing") + ", not to '" + related.invoiceId() + "'");
                }
                if (target.state == State.CANCELLED) {
                    throw refused(
                            operation,
                            "invoice '" + related.invoiceId() + "' is "
                                    + (target.replacedBy.isPresent()
                                            ? "replaced by '" + target.replacedBy.get() + "'"
                                            : "cancelled"));
                }
                if (purpose == InvoicePurpose.REPLACEMENT && !target.adjustedBy.isEmpty()) {
                    throw refused(
                            operation,
                            "invoice '" + related.invoiceId() + "' has adjustments " + target.adjustedBy
                                    + "; it is corrected by a further adjustment, not replaced");
                }
            }
            checkTaxCode(operation, draft, "seller", Optional.of(draft.seller().taxCode()));
            checkTaxCode(operation, draft, "buyer", draft.buyer().taxCode());
            String refusal = refusals.pollFirst();
            if (refusal != null) {
                throw refused(operation, refusal);
            }
            String draftReason = drafts.pollFirst();
            if (draftReason != null) {
                Entry held = new Entry(draft, State.DRAFT);
                held.reason = Optional.of(draftReason);
                invoices.put(draft.id(), held);
                throw ConnectorException.retryable(
                        id, operation, "invoice '" + draft.id() + "' is held as a draft: " + draftReason);
            }
            String symbol = draft.symbol().orElse(DEFAULT_SYMBOL);
            int n = nextNumber.getOrDefault(symbol, 1);
            nextNumber.put(symbol, n + 1);
            String number = String.format("%08d", n);
            IssuedInvoice issued =
                    new IssuedInvoice(draft.id(), number, symbol, "CQT-" + symbol + "-" + number, clock.instant());
            Entry entry = new Entry(draft, State.ISSUED);
            entry.issued = issued;
            invoices.put(draft.id(), entry);
            if (target != null && purpose == InvoicePurpose.ADJUSTMENT) {
                target.adjustedBy.add(draft.id());
            } else if (target != null) {
                target.replacedBy = Optional.of(draft.id());
                target.state = State.CANCELLED;
                target.reason = Optional.of("replaced by '" + draft.id() + "'");
            }
            if (lostResponses > 0) {
                lostResponses--;
                throw ConnectorException.retryable(
                        id, operation, "the answer for invoice '" + draft.id() + "' was lost (connection reset)");
            }
            return issued;
        } finally {
            lock.unlock();
        }
    }

    private Entry known(String operation, IssuedInvoice given) {
        Entry e = invoices.get(given.invoiceId());
        if (e == null || e.issued == null) {
            throw refused(operation, "no invoice '" + given.invoiceId() + "' was issued here");
        }
        if (!e.issued.number().equals(given.number()) || !e.issued.symbol().equals(given.symbol())) {
            throw refused(
                    operation,
                    "invoice '" + given.invoiceId() + "' is " + e.issued.symbol() + "/" + e.issued.number() + ", not "
                            + given.symbol() + "/" + given.number());
        }
        return e;
    }

    private void checkTaxCode(String operation, Invoice draft, String whose, Optional<TaxCode> code) {
        code.ifPresent(c -> {
            if (c.country().equals("VN") && !c.number().matches("\\d{10}")) {
                throw refused(
                        operation,
                        "invoice '" + draft.id() + "': the " + whose + "'s tax code is not a 10-digit Vietnamese code");
            }
        });
    }

    private static InvoiceStatus status(Entry e) {
        return switch (e.state) {
            case DRAFT -> new InvoiceStatus(
                    e.draft.id(), InvoiceStatus.ProviderInvoiceState.DRAFT, Optional.empty(), e.reason);
            case ISSUED -> InvoiceStatus.issued(e.issued);
            case CANCELLED -> InvoiceStatus.cancelled(e.issued, e.reason.orElse("cancelled"));
        };
    }

    private ConnectorException refused(String operation, String reason) {
        return ConnectorException.notRetryable(id, operation, reason);
    }

    private FakeEInvoiceProvider locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    public String toString() {
        return "FakeEInvoiceProvider[" + id + "]";
    }
}
