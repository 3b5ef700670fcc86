package dev.omskit.core.selfservice;

import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * One order of a customer as a service agent sees it: the order, its audit trail (who did what
 * when, agents included), and its documents.
 *
 * @param order the order
 * @param trail its audit trail, oldest first
 * @param documents its documents, oldest first
 */
public record OrderHistory(Order order, List<AuditEntry> trail, List<DocumentSummary> documents) {
    public OrderHistory {
        Checks.notNull("order", order);
        trail = List.copyOf(trail);
        documents = List.copyOf(documents);
    }
}
