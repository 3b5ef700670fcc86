package dev.omskit.core.selfservice;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Map;

/**
 * Where a customer's order is: its status, where the units of each line are, the payment state and what
 * is left to pay at the door, and its documents (shipments with tracking numbers, returns, invoices).
 * Carries no personal data beyond what the customer gave.
 *
 * @param order the order's id
 * @param channelOrderId the id the customer knows
 * @param status the derived order status
 * @param lines per line: SKU, units per stage
 * @param paymentStatus the payment state
 * @param cashOnDelivery what the courier collects (zero for prepaid orders)
 * @param documents the order's documents, oldest first
 */
public record OrderTracking(
        dev.omskit.core.model.OrderId order,
        String channelOrderId,
        OrderStatus status,
        List<LineTracking> lines,
        State paymentStatus,
        Money cashOnDelivery,
        List<DocumentSummary> documents) {
    /**
     * One line: its SKU and where its units are.
     *
     * @param line the line id
     * @param sku the SKU
     * @param unitsByStage units per stage, e.g. {@code {SHIPPED=1, DELIVERED=1}}
     */
    public record LineTracking(LineId line, Sku sku, Map<State, Integer> unitsByStage) {
        public LineTracking {
            Checks.notNull("line", line);
            Checks.notNull("sku", sku);
            unitsByStage = Checks.orderedCopy("unitsByStage", unitsByStage);
        }
    }

    public OrderTracking {
        Checks.notNull("order", order);
        Checks.notNull("status", status);
        lines = List.copyOf(lines);
        documents = List.copyOf(documents);
    }

    /** The tracking view of {@code order} with its documents. */
    public static OrderTracking of(Order order, List<DocumentSummary> documents) {
        List<LineTracking> lines = order.lines().stream()
                .map((OrderLine l) ->
                        new LineTracking(l.id(), l.sku(), l.quantities().byStage()))
                .toList();
        return new OrderTracking(
                order.id(),
                order.channelOrderId(),
                order.status(),
                lines,
                order.paymentStatus(),
                order.totals().cashOnDelivery(),
                documents);
    }

    /** The documents of one kind, e.g. {@code shipment}. */
    public List<DocumentSummary> documents(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }
}
