package dev.omskit.core.returns;

import dev.omskit.core.error.Violation;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The pure rules of returns and claims: when units were delivered, how many may still come back. */
public final class ReturnRules {
    /** Error code: more units than delivered and not already in open returns (or claims). */
    public static final String EXCEEDS_DELIVERED = "EXCEEDS_DELIVERED";
    /** Error code: the return window of the line has closed. */
    public static final String RETURN_WINDOW_CLOSED = "RETURN_WINDOW_CLOSED";
    /** Error code: the SKU may not be returned. */
    public static final String NOT_RETURNABLE = "NOT_RETURNABLE";
    /** Error code: the order has no such line. */
    public static final String UNKNOWN_LINE = "UNKNOWN_LINE";
    /** Error code: the location does not accept returns (or is unknown). */
    public static final String LOCATION_NOT_ACCEPTING_RETURNS = "LOCATION_NOT_ACCEPTING_RETURNS";
    /** Error code: a refund above what was paid and not refunded or owed already. */
    public static final String REFUND_EXCEEDS_PAID = "REFUND_EXCEEDS_PAID";

    private ReturnRules() {}

    /**
     * When each line's units were last delivered, from the order's trail: the latest event that moved
     * units of the line into {@code DELIVERED}. Lines never delivered are absent.
     */
    public static Map<LineId, Instant> deliveries(List<OrderEvent> trail) {
        Map<LineId, Instant> latest = new HashMap<>();
        for (OrderEvent event : trail) {
            if (event instanceof OrderEvent.LinesTransitioned moved) {
                for (OrderEvent.LineMove move : moved.moves()) {
                    if (move.to().equals(OrderStages.DELIVERED) && move.units() > 0) {
                        latest.merge(move.line(), event.header().occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
        return latest;
    }

    /**
     * Units of each line that may still be asked back: those in {@code DELIVERED} minus those held by
     * returns not yet received (requested or approved).
     */
    public static Map<LineId, Integer> returnable(Order order, List<ReturnRequest> returns) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            units.put(line.id(), line.quantity(OrderStages.DELIVERED));
        }
        for (ReturnRequest rma : returns) {
            if (ReturnLifecycle.holdsUnits(rma.state())) {
                rma.requestedUnits().forEach((line, n) -> units.merge(line, -n, Integer::sum));
            }
        }
        return units;
    }

    /**
     * Units of each line a new claim may name: delivered or returned, minus units of claims not rejected.
     */
    public static Map<LineId, Integer> claimable(Order order, List<Claim> claims) {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            units.put(line.id(), line.quantity(OrderStages.DELIVERED) + line.quantity(OrderStages.RETURNED));
        }
        for (Claim claim : claims) {
            if (ClaimLifecycle.counts(claim.state())) {
                claim.claimedUnits().forEach((line, n) -> units.merge(line, -n, Integer::sum));
            }
        }
        return units;
    }

    /**
     * The problems of a return request, each a {@link Violation} on {@code lines[i]}: {@code EMPTY} (no
     * lines), {@link #UNKNOWN_LINE},
     * {@code NOT_POSITIVE} units, {@link #EXCEEDS_DELIVERED} (counting the request's earlier lines for the
     * same order line), {@link #RETURN_WINDOW_CLOSED} naming the window, the delivery date and the last day,
     * and {@link #NOT_RETURNABLE}.
     */
    public static List<Violation> checkRequest(
            Order order,
            ReturnPolicy policy,
            List<ReturnItem> lines,
            Map<LineId, Instant> deliveredAt,
            Map<LineId, Integer> returnable,
            Function<Sku, Optional<Product>> products,
            Instant now) {
        List<Violation> out = new ArrayList<>();
        if (lines.isEmpty()) {
            out.add(Violation.of("lines", "EMPTY", "a return needs at least one line"));
        }
        Map<LineId, Integer> asked = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ReturnItem l = lines.get(i);
            String field = "lines[" + i + "]";
            Optional<OrderLine> line = order.line(l.line());
            if (line.isEmpty()) {
                out.add(Violation.of(
                        field + ".line", UNKNOWN_LINE, "order " + order.id() + " has no line '" + l.line() + "'"));
                continue;
            }
            if (l.units() <= 0) {
                out.add(Violation.of(field + ".units", "NOT_POSITIVE", "units must be positive; were " + l.units()));
                continue;
            }
            int total = asked.merge(l.line(), l.units(), Integer::sum);
            int may = Math.max(0, returnable.getOrDefault(l.line(), 0));
            if (total > may) {
                int delivered = line.get().quantity(OrderStages.DELIVERED);
                out.add(Violation.of(
                        field + ".units",
                        EXCEEDS_DELIVERED,
                        "line " + l.line() + ": " + total + " units asked back but " + delivered
                                + " are delivered and " + (delivered - may)
                                + " of them are already in open returns, so at most " + may + " can be returned"));
            }
            Instant delivered = deliveredAt.get(l.line());
            if (delivered != null && !policy.inWindow(delivered, now)) {
                out.add(Violation.of(
                        field,
                        RETURN_WINDOW_CLOSED,
                        "line " + l.line() + " was delivered on "
                                + delivered.atZone(policy.zone()).toLocalDate() + "; the return window of "
                                + policy.windowDays() + " days closed after " + policy.lastDay(delivered)));
            }
            policy.notReturnable(line.get().sku(), products.apply(line.get().sku()))
                    .ifPresent(why -> out.add(Violation.of(field, NOT_RETURNABLE, why)));
        }
        return out;
    }

    /**
     * The units of a received return that are refunded: every received unit, except that under {@link
     * ReturnCondition#UNUSED_WITH_TAGS} units quarantined as damaged are not refunded unless the reason is
     * the seller's fault.
     */
    public static List<RefundItem> refundItems(ReturnRequest rma, ReturnPolicy policy) {
        List<RefundItem> items = new ArrayList<>();
        for (ReturnLine l : rma.lines()) {
            int units = l.received();
            if (policy.requiredCondition() == ReturnCondition.UNUSED_WITH_TAGS
                    && !l.reason().sellerFault()) {
                units -= l.quarantined();
            }
            if (units > 0) {
                items.add(new RefundItem(l.line(), units, l.reason()));
            }
        }
        return items;
    }

    /** Whether every charged unit of the order is in {@code RETURNED}. */
    public static boolean wholeOrderReturned(Order order) {
        return order.lines().stream().allMatch(l -> l.quantity(OrderStages.RETURNED) == l.charged());
    }
}
