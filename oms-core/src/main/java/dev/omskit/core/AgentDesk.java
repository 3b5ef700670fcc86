package dev.omskit.core;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.selfservice.DocumentSummary;
import dev.omskit.core.selfservice.OrderHistory;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A service agent's desk: the full history of a customer's orders, and acting on the customer's
 * behalf through {@link #actFor(CustomerId)}, every act attributed to the agent in the audit trail
 * ({@code agent:linh (for customer c-9)}). Obtained from {@link Oms#agentDesk(TenantId, String)}.
 * Thread-safe.
 */
public final class AgentDesk {
    private final Oms oms;
    private final TenantId tenant;
    private final String agentId;

    AgentDesk(Oms oms, TenantId tenant, String agentId) {
        this.oms = oms;
        this.tenant = Checks.notNull("tenant", tenant);
        this.agentId = Checks.id("agent id", agentId);
    }

    /** Every order of the customer, oldest first, with its audit trail and documents. */
    public List<OrderHistory> customerHistory(CustomerId customer) {
        Checks.notNull("customer", customer);
        List<OrderHistory> history = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<Order> page = oms.query(
                    tenant,
                    OrderQuery.builder()
                            .customer(customer)
                            .offset(offset)
                            .limit(500)
                            .build());
            for (Order order : page) {
                history.add(new OrderHistory(
                        order,
                        oms.auditTrail(tenant, order.id()),
                        oms.storage().documents().ofOrder(tenant, order.id()).stream()
                                .map(DocumentSummary::of)
                                .toList()));
            }
            if (page.size() < 500) {
                return history;
            }
            offset += page.size();
        }
    }

    /** The customer's self-service operations, performed by this agent on their behalf. */
    public SelfService actFor(CustomerId customer) {
        return new SelfService(oms, tenant, customer, Actor.agentFor(agentId, customer));
    }
}
