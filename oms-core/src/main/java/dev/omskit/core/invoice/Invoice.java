package dev.omskit.core.invoice;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * An e-invoice of an order (document kind {@code invoice}): a VAT or sales invoice, original, adjustment
 * or replacement, with its seller, buyer, lines drawn from the order, VAT breakdown per rate and totals,
 * moving through {@link InvoiceLifecycle}. Immutable; the {@code Invoicing} facade writes each new version
 * in the same commit as the order.
 *
 * <p>Reference (unique per tenant), once issued: {@code no:<symbol>/<number>}, the provider's invoice
 * number (see {@link #numberReference(String, String)}). Two concurrent drafts on one order cannot both
 * succeed: every document change moves the order's version, so the second is decided again.
 *
 * <p>Buyer contact data prints as {@code ***} (see {@link InvoiceBuyer}).
 */
@Value.Immutable
public abstract class Invoice implements OrderDocument {
    /** The document kind of invoices. */
    public static final DocumentKind<Invoice> KIND = DocumentKind.of("invoice", Invoice.class);

    private static final String NUMBER_PREFIX = "no:";

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    /** This invoice's place among its order's invoices, from 1 (any purpose, any state). */
    public abstract int sequence();

    public abstract InvoiceType type();

    public abstract InvoicePurpose purpose();

    /** What an adjustment adjusts; empty for originals and replacements. */
    public abstract Optional<AdjustmentKind> adjustmentKind();

    /** The invoice an adjustment adjusts or a replacement replaces; empty for an original. */
    public abstract Optional<String> relatesTo();

    /** Why the adjustment or replacement was made (printed on it, as the rules require). */
    public abstract Optional<String> reason();

    /** A note for the buyer, printed on the invoice. */
    public abstract Optional<String> note();

    public abstract InvoiceSeller seller();

    public abstract InvoiceBuyer buyer();

    /** The invoice symbol (ký hiệu, e.g. {@code 1C26TAA}): the configured one on a draft, the provider's once issued. */
    public abstract Optional<String> symbol();

    public abstract Currency currency();

    /** Whether the unit prices include VAT, as on the order. */
    public abstract TaxMode taxMode();

    /** How the buyer pays, from the order. */
    public abstract PaymentMethod paymentMethod();

    public abstract List<InvoiceLine> lines();

    /** The provider's invoice number (số hóa đơn), once issued. */
    public abstract Optional<String> number();

    /** The tax authority's code (mã của cơ quan thuế), once issued. */
    public abstract Optional<String> authorityCode();

    /** When the provider issued it (the issue date printed on the invoice). */
    public abstract Optional<Instant> issuedAt();

    /**
     * The issue date printed on the invoice (ngày lập), in {@code zone}: for Vietnam {@code
     * ZoneId.of("Asia/Ho_Chi_Minh")}.
     */
    public Optional<LocalDate> issueDate(ZoneId zone) {
        return issuedAt().map(at -> LocalDate.ofInstant(at, zone));
    }

    /** Why the last attempt to issue this draft failed, if one did. */
    public abstract Optional<String> issueFailure();

    /** How many attempts to issue this draft failed. */
    @Value.Default
    public int failedIssueAttempts() {
        return 0;
    }

    /** Why it was cancelled. */
    public abstract Optional<String> cancellationReason();

    /** The replacement invoice that replaced this one, once issued. */
    public abstract Optional<String> replacedBy();

    /** The adjustment invoices issued against this one, oldest first. */
    public abstract List<String> adjustedBy();

    /** The sums of the lines. */
    @Value.Lazy
    public InvoiceTotals totals() {
        Money zero = Money.zero(currency());
        Money discount = zero, net = zero, vat = zero, total = zero;
        for (InvoiceLine line : lines()) {
            discount = discount.plus(line.discount());
            net = net.plus(line.net());
            vat = vat.plus(line.vat());
            total = total.plus(line.total());
        }
        return new InvoiceTotals(discount, net, vat, total);
    }

    /** The amounts per VAT rate, lowest rate first (sums of the lines at each rate). */
    @Value.Lazy
    public List<VatSubtotal> vatBreakdown() {
        Map<java.math.BigDecimal, List<InvoiceLine>> byRate = new TreeMap<>(Comparator.naturalOrder());
        for (InvoiceLine line : lines()) {
            byRate.computeIfAbsent(line.vatRate().fraction(), r -> new ArrayList<>())
                    .add(line);
        }
        List<VatSubtotal> result = new ArrayList<>();
        byRate.forEach((fraction, lines) -> {
            Money zero = Money.zero(currency());
            Money net = zero, vat = zero, total = zero;
            for (InvoiceLine line : lines) {
                net = net.plus(line.net());
                vat = vat.plus(line.vat());
                total = total.plus(line.total());
            }
            result.add(new VatSubtotal(new VatRate(fraction), net, vat, total));
        });
        return List.copyOf(result);
    }

    /** Once issued, the number reference. */
    @Override
    public Set<String> references() {
        Set<String> refs = new LinkedHashSet<>();
        if (number().isPresent() && symbol().isPresent()) {
            refs.add(numberReference(symbol().get(), number().get()));
        }
        return refs;
    }

    /**
     * The payment method as Vietnamese e-invoices print it (hình thức thanh toán): {@code TM} (tiền mặt,
     * cash, also cash collected on delivery) or {@code CK} (chuyển khoản, a transfer, card or wallet payment).
     */
    public String paymentTerm() {
        return paymentMethod() == PaymentMethod.CASH_ON_DELIVERY ? "TM" : "CK";
    }

    /** Whether this is an original or replacement that states the sale (not cancelled or replaced). */
    public boolean isLivePrimary() {
        return purpose() != InvoicePurpose.ADJUSTMENT
                && !state().equals(InvoiceLifecycle.CANCELLED)
                && !state().equals(InvoiceLifecycle.REPLACED);
    }

    /** The reference an issued invoice is found by: {@code no:<symbol>/<number>}. */
    public static String numberReference(String symbol, String number) {
        return NUMBER_PREFIX + symbol + "/" + number;
    }

    @Value.Check
    protected void check() {
        List<String> problems = new ArrayList<>();
        if (lines().isEmpty()) {
            problems.add("has no lines");
        }
        for (InvoiceLine line : lines()) {
            if (!line.total().currency().equals(currency())
                    || !line.unitPrice().currency().equals(currency())) {
                problems.add("line " + line.position() + " is not in " + currency());
            }
        }
        if ((purpose() == InvoicePurpose.ORIGINAL) == relatesTo().isPresent()) {
            problems.add(
                    purpose() == InvoicePurpose.ORIGINAL
                            ? "is an original but relates to " + relatesTo().get()
                            : "is an " + purpose() + " but names no invoice it relates to");
        }
        if ((purpose() == InvoicePurpose.ADJUSTMENT) != adjustmentKind().isPresent()) {
            problems.add("has adjustment kind " + adjustmentKind() + " as " + purpose());
        }
        boolean issued = InvoiceLifecycle.ISSUED.equals(state())
                || InvoiceLifecycle.ADJUSTED.equals(state())
                || InvoiceLifecycle.REPLACED.equals(state());
        if (issued
                && (number().isEmpty()
                        || symbol().isEmpty()
                        || authorityCode().isEmpty()
                        || issuedAt().isEmpty())) {
            problems.add("is " + state() + " without a number, symbol, tax authority code and issue time");
        }
        if (sequence() < 1) {
            problems.add("has sequence " + sequence());
        }
        if (!problems.isEmpty()) {
            throw InvalidArgumentException.of(
                    "invoice", "INCONSISTENT", "invoice " + id() + " " + String.join("; ", problems));
        }
    }

    /** A new builder (the facade and stores use it). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Invoice}. */
    public static class Builder extends ImmutableInvoice.Builder {}
}
