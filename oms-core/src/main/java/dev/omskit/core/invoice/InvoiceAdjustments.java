package dev.omskit.core.invoice;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.LineAmounts;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pure functions that draft adjustment invoices (hóa đơn điều chỉnh) against an issued original or
 * replacement, usable by any facade inside its own order work: {@link #forReturn} for units given back
 * (and the shipping fee), {@link #forPriceCorrection} for a corrected unit price.
 *
 * <p><b>Exact and deterministic.</b> An adjustment line is the difference between the line's amounts
 * after and before the change, each computed by {@link InvoiceDrafts#amounts} (that is by {@code
 * OrderLine.amounts}: discount prorated half-even over the units, VAT half-up). Successive adjustments
 * therefore telescope: an invoice plus all its adjustments always states exactly the order's amounts for
 * the units kept, at the price last corrected, to the unit, whatever the number and order of the
 * adjustments. What an invoice still states is its {@link Standing}: the invoice plus every adjustment
 * against it that is not cancelled (drafts included, so two drafts cannot give back the same unit twice).
 */
public final class InvoiceAdjustments {
    /** More units given back on a line than the invoice still states. */
    public static final String EXCEEDS_INVOICED = "EXCEEDS_INVOICED";
    /** The request changes nothing. */
    public static final String NOTHING_TO_ADJUST = "NOTHING_TO_ADJUST";
    /** The line named is not a goods line of the invoice. */
    public static final String UNKNOWN_LINE = "UNKNOWN_LINE";
    /** Rejection code: the invoice is an adjustment itself; adjust the invoice it adjusts. */
    public static final String NOT_ADJUSTABLE = "NOT_ADJUSTABLE";

    private InvoiceAdjustments() {}

    /**
     * What an invoice still states after the adjustments against it that are not cancelled.
     *
     * @param invoice the original or replacement
     * @param units units per order line
     * @param unitPrices unit price per order line, after price corrections
     * @param shippingNet the shipping fee's net amount still invoiced
     * @param shippingVat its VAT
     * @param shippingTotal the shipping fee still invoiced
     */
    public record Standing(
            Invoice invoice,
            Map<LineId, Integer> units,
            Map<LineId, Money> unitPrices,
            Money shippingNet,
            Money shippingVat,
            Money shippingTotal) {
        public Standing {
            units = Checks.orderedCopy("units", units);
            unitPrices = Checks.orderedCopy("unitPrices", unitPrices);
        }
    }

    /** The adjustments against {@code target} among {@code invoicesOfOrder} that are not cancelled, oldest first. */
    public static List<Invoice> adjustmentsOf(Invoice target, List<Invoice> invoicesOfOrder) {
        return invoicesOfOrder.stream()
                .filter(i -> i.purpose() == InvoicePurpose.ADJUSTMENT
                        && i.relatesTo().equals(Optional.of(target.id()))
                        && !i.state().equals(InvoiceLifecycle.CANCELLED))
                .toList();
    }

    /** What {@code target} still states, folding in its adjustments among {@code invoicesOfOrder}. */
    public static Standing standing(Invoice target, List<Invoice> invoicesOfOrder) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        Map<LineId, Money> prices = new LinkedHashMap<>();
        Money zero = Money.zero(target.currency());
        Money[] shipping = {zero, zero, zero};
        for (InvoiceLine line : target.lines()) {
            if (line.kind() == InvoiceLineKind.GOODS) {
                units.merge(line.lineId().orElseThrow(), line.quantity(), Integer::sum);
                prices.put(line.lineId().orElseThrow(), line.unitPrice());
            } else {
                addShipping(shipping, line);
            }
        }
        for (Invoice adjustment : adjustmentsOf(target, invoicesOfOrder)) {
            boolean priceCorrection = adjustment.adjustmentKind().equals(Optional.of(AdjustmentKind.PRICE_CORRECTION));
            for (InvoiceLine line : adjustment.lines()) {
                if (line.kind() == InvoiceLineKind.SHIPPING) {
                    addShipping(shipping, line);
                } else if (priceCorrection) {
                    prices.merge(line.lineId().orElseThrow(), line.unitPrice(), Money::plus);
                } else {
                    units.merge(line.lineId().orElseThrow(), line.quantity(), Integer::sum);
                }
            }
        }
        return new Standing(target, units, prices, shipping[0], shipping[1], shipping[2]);
    }

    private static void addShipping(Money[] shipping, InvoiceLine line) {
        shipping[0] = shipping[0].plus(line.net());
        shipping[1] = shipping[1].plus(line.vat());
        shipping[2] = shipping[2].plus(line.total());
    }

    /**
     * An adjustment draft giving back {@code returnedUnits} of {@code target} (negative quantities and
     * amounts), and the shipping fee still invoiced when {@code refundShipping}.
     *
     * @param order the order, whose lines prorate the discount
     * @param target the issued (or adjusted) original or replacement
     * @param invoicesOfOrder every invoice of the order, any state (for the standing and the sequence)
     * @param returnedUnits units given back per order line, each positive
     * @param refundShipping whether the shipping fee is given back too
     * @param reason printed on the adjustment
     * @param id the new invoice's id
     * @param now when
     * @throws InvalidArgumentException listing every problem: {@code UNKNOWN_LINE}, {@code NOT_POSITIVE},
     *     {@value #EXCEEDS_INVOICED} (more units than the invoice still states), {@value
     *     #NOTHING_TO_ADJUST}, {@code REQUIRED} (reason)
     * @throws OrderRejectedException {@code ILLEGAL_TRANSITION} when the target cannot be adjusted in its
     *     state, {@value #NOT_ADJUSTABLE} when it is an adjustment itself
     */
    public static Invoice forReturn(
            Order order,
            Invoice target,
            List<Invoice> invoicesOfOrder,
            Map<LineId, Integer> returnedUnits,
            boolean refundShipping,
            String reason,
            String id,
            Instant now) {
        checkAdjustable(target);
        Standing standing = standing(target, invoicesOfOrder);
        List<Violation> problems = new ArrayList<>();
        checkReason(reason, problems);
        List<InvoiceLine> lines = new ArrayList<>();
        for (Map.Entry<LineId, Integer> e : returnedUnits.entrySet()) {
            String field = "returnedUnits[" + e.getKey() + "]";
            Optional<InvoiceLine> invoiced = goodsLine(target, e.getKey());
            Optional<OrderLine> orderLine = order.line(e.getKey());
            if (invoiced.isEmpty() || orderLine.isEmpty()) {
                problems.add(Violation.of(
                        field, UNKNOWN_LINE, "invoice '" + target.id() + "' has no line for order line " + e.getKey()));
                continue;
            }
            int units = e.getValue() == null ? 0 : e.getValue();
            int left = standing.units().getOrDefault(e.getKey(), 0);
            if (units <= 0) {
                problems.add(Violation.of(field, "NOT_POSITIVE", "units given back must be positive; was " + units));
                continue;
            }
            if (units > left) {
                problems.add(Violation.of(
                        field,
                        EXCEEDS_INVOICED,
                        "invoice '" + target.id() + "' states " + left + " unit(s) of line " + e.getKey()
                                + " after its adjustments; cannot give back " + units));
                continue;
            }
            Money price = standing.unitPrices().get(e.getKey());
            LineAmounts before = InvoiceDrafts.amounts(orderLine.get(), target.taxMode(), price, left);
            LineAmounts after = InvoiceDrafts.amounts(orderLine.get(), target.taxMode(), price, left - units);
            lines.add(InvoiceLine.builder()
                    .from(invoiced.get())
                    .position(lines.size() + 1)
                    .quantity(-units)
                    .unitPrice(price)
                    .discount(after.discount().minus(before.discount()))
                    .net(after.net().minus(before.net()))
                    .vat(after.tax().minus(before.tax()))
                    .total(after.total().minus(before.total()))
                    .build());
        }
        if (refundShipping && !standing.shippingTotal().isZero()) {
            InvoiceLine shipping = target.lines().stream()
                    .filter(l -> l.kind() == InvoiceLineKind.SHIPPING)
                    .findFirst()
                    .orElseThrow();
            lines.add(InvoiceLine.builder()
                    .from(shipping)
                    .position(lines.size() + 1)
                    .quantity(-1)
                    .unitPrice(standing.shippingTotal())
                    .discount(Money.zero(target.currency()))
                    .net(standing.shippingNet().negate())
                    .vat(standing.shippingVat().negate())
                    .total(standing.shippingTotal().negate())
                    .build());
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add(Violation.of(
                    "returnedUnits",
                    NOTHING_TO_ADJUST,
                    "nothing to give back on invoice '" + target.id() + "': no units"
                            + (refundShipping ? " and no shipping fee left" : " and no shipping refund")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidArgumentException(problems);
        }
        return adjustment(target, invoicesOfOrder, AdjustmentKind.RETURN, lines, reason, id, now);
    }

    /**
     * An adjustment draft correcting unit prices of {@code target}: per line, the units still invoiced
     * with the signed difference per unit, and the signed differences of the amounts. Lines whose price
     * does not change, or with no unit left, are left out.
     *
     * @throws InvalidArgumentException listing every problem: {@code UNKNOWN_LINE}, {@code
     *     CURRENCY_MISMATCH}, {@code NEGATIVE}, {@value #NOTHING_TO_ADJUST}, {@code REQUIRED} (reason)
     * @throws OrderRejectedException as {@link #forReturn}
     */
    public static Invoice forPriceCorrection(
            Order order,
            Invoice target,
            List<Invoice> invoicesOfOrder,
            Map<LineId, Money> newUnitPrices,
            String reason,
            String id,
            Instant now) {
        checkAdjustable(target);
        Standing standing = standing(target, invoicesOfOrder);
        List<Violation> problems = new ArrayList<>();
        checkReason(reason, problems);
        List<InvoiceLine> lines = new ArrayList<>();
        for (Map.Entry<LineId, Money> e : newUnitPrices.entrySet()) {
            String field = "newUnitPrices[" + e.getKey() + "]";
            Optional<InvoiceLine> invoiced = goodsLine(target, e.getKey());
            Optional<OrderLine> orderLine = order.line(e.getKey());
            if (invoiced.isEmpty() || orderLine.isEmpty()) {
                problems.add(Violation.of(
                        field, UNKNOWN_LINE, "invoice '" + target.id() + "' has no line for order line " + e.getKey()));
                continue;
            }
            Money price = e.getValue();
            if (!price.currency().equals(target.currency())) {
                problems.add(Violation.of(
                        field,
                        "CURRENCY_MISMATCH",
                        "invoice '" + target.id() + "' is in " + target.currency() + "; the new price is " + price));
                continue;
            }
            if (price.isNegative()) {
                problems.add(Violation.of(field, "NEGATIVE", "a unit price cannot be negative; was " + price));
                continue;
            }
            int units = standing.units().getOrDefault(e.getKey(), 0);
            Money current = standing.unitPrices().get(e.getKey());
            if (units == 0 || current.equals(price)) {
                continue;
            }
            LineAmounts before = InvoiceDrafts.amounts(orderLine.get(), target.taxMode(), current, units);
            LineAmounts after = InvoiceDrafts.amounts(orderLine.get(), target.taxMode(), price, units);
            lines.add(InvoiceLine.builder()
                    .from(invoiced.get())
                    .position(lines.size() + 1)
                    .quantity(units)
                    .unitPrice(price.minus(current))
                    .discount(after.discount().minus(before.discount()))
                    .net(after.net().minus(before.net()))
                    .vat(after.tax().minus(before.tax()))
                    .total(after.total().minus(before.total()))
                    .build());
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            problems.add(Violation.of(
                    "newUnitPrices",
                    NOTHING_TO_ADJUST,
                    "no price of invoice '" + target.id() + "' changes (same price, or no unit left)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidArgumentException(problems);
        }
        return adjustment(target, invoicesOfOrder, AdjustmentKind.PRICE_CORRECTION, lines, reason, id, now);
    }

    /**
     * Refuses to adjust {@code target} unless its lifecycle allows {@code ADJUST} from its state and it is
     * an original or a replacement.
     */
    public static void checkAdjustable(Invoice target) {
        if (target.purpose() == InvoicePurpose.ADJUSTMENT) {
            throw new OrderRejectedException(Rejection.of(
                    NOT_ADJUSTABLE,
                    "invoice '" + target.id() + "' is an adjustment; adjust invoice '"
                            + target.relatesTo().orElseThrow() + "' instead"));
        }
        State state = target.state();
        if (InvoiceLifecycle.get().transition(state, InvoiceLifecycle.ADJUST).isEmpty()) {
            throw new OrderRejectedException(Rejection.of(
                    Rejection.ILLEGAL_TRANSITION,
                    "invoice '" + target.id() + "' is " + state + " and cannot be adjusted (ADJUST is allowed from "
                            + InvoiceLifecycle.get().transitionsOn(InvoiceLifecycle.ADJUST).stream()
                                    .map(Transition::from)
                                    .map(State::toString)
                                    .collect(Collectors.joining(", "))
                            + ")"));
        }
    }

    private static Invoice adjustment(
            Invoice target,
            List<Invoice> invoicesOfOrder,
            AdjustmentKind kind,
            List<InvoiceLine> lines,
            String reason,
            String id,
            Instant now) {
        return Invoice.builder()
                .tenant(target.tenant())
                .orderId(target.orderId())
                .id(id)
                .version(1)
                .state(InvoiceLifecycle.DRAFT)
                .sequence(invoicesOfOrder.size() + 1)
                .type(target.type())
                .purpose(InvoicePurpose.ADJUSTMENT)
                .adjustmentKind(kind)
                .relatesTo(target.id())
                .reason(reason.strip())
                .seller(target.seller())
                .buyer(target.buyer())
                .symbol(target.symbol())
                .currency(target.currency())
                .taxMode(target.taxMode())
                .paymentMethod(target.paymentMethod())
                .lines(lines)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    private static Optional<InvoiceLine> goodsLine(Invoice invoice, LineId lineId) {
        return invoice.lines().stream()
                .filter(l -> l.kind() == InvoiceLineKind.GOODS && l.lineId().equals(Optional.of(lineId)))
                .findFirst();
    }

    private static void checkReason(String reason, List<Violation> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(Violation.of("reason", "REQUIRED", "an adjustment invoice must state its reason"));
        }
    }
}
