package dev.omskit.core;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.ClaimLine;
import dev.omskit.core.returns.ExchangeItem;
import dev.omskit.core.returns.OpenClaim;
import dev.omskit.core.returns.RequestReturn;
import dev.omskit.core.returns.ReturnItem;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.selfservice.DocumentSummary;
import dev.omskit.core.selfservice.OrderTracking;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What one authenticated customer may do on their own orders: list and track them, cancel while
 * the lifecycle allows, change delivery details before the order is released to a warehouse, request a
 * return of delivered units (under the return policy of {@link Oms#returns()}), and report a problem
 * with a delivery (a claim). Every
 * method acts only on orders of {@link #customer()}: an order of anyone else is an {@link
 * AccessDeniedException} and nothing changes, whatever the method.
 *
 * <p>Obtained from {@link Oms#selfService(TenantId, CustomerId)} for the customer, or {@link
 * AgentDesk#actFor(CustomerId)} for a service agent acting on their behalf, in
 * which case every act is recorded with the agent as its actor. Thread-safe.
 */
public final class SelfService {
    private final Oms oms;
    private final TenantId tenant;
    private final CustomerId customer;
    private final Actor actor;

    SelfService(Oms oms, TenantId tenant, CustomerId customer, Actor actor) {
        this.oms = oms;
        this.tenant = Checks.notNull("tenant", tenant);
        this.customer = Checks.notNull("customer", customer);
        this.actor = Checks.notNull("actor", actor);
    }

    /** The customer these operations are scoped to. */
    public CustomerId customer() {
        return customer;
    }

    /** Who the acts are attributed to: the customer, or the agent acting for them. */
    public Actor actor() {
        return actor;
    }

    /** The customer's orders, oldest first (paged as {@code query}). */
    public List<Order> orders(int offset, int limit) {
        return oms.query(
                tenant,
                OrderQuery.builder()
                        .customer(customer)
                        .offset(offset)
                        .limit(limit)
                        .build());
    }

    /** The customer's order, or {@link AccessDeniedException} when it is someone else's. */
    public Order order(OrderId id) {
        Order order = oms.find(tenant, Checks.notNull("order id", id))
                .orElseThrow(() -> new NotFoundException("order '" + id + "' not found in tenant '" + tenant + "'"));
        if (!order.customer().equals(Optional.of(customer))) {
            throw new AccessDeniedException(actor + " may not see order '" + id + "' of another customer");
        }
        return order;
    }

    /** Where the order is: status, units per stage, payment, and its shipments, returns and invoices. */
    public OrderTracking track(OrderId id) {
        Order order = order(id);
        List<DocumentSummary> documents = oms.storage().documents().ofOrder(tenant, order.id()).stream()
                .map(DocumentSummary::of)
                .toList();
        return OrderTracking.of(order, documents);
    }

    /**
     * Cancels the whole order while every live unit may still be cancelled (before release in the
     * default lifecycle). Otherwise refused with {@code NOT_CANCELLABLE}: the customer can request a return
     * once it is delivered.
     */
    public Order cancel(OrderId id, String reason) {
        Checks.notNull("reason", reason);
        return oms.cancel(CancelOrder.builder()
                .tenant(tenant)
                .orderId(id)
                .actor(actor)
                .reason(reason)
                .build());
    }

    /**
     * Changes where and to whom the order is delivered (the address, with its recipient and phone), and
     * optionally the buyer's contact details, while the order is still editable (not yet released to a
     * warehouse in the default lifecycle). Once released it is refused with {@code NOT_EDITABLE}: the
     * parcel is being prepared, and a service agent must arrange a change with the carrier.
     */
    public Order changeDeliveryDetails(OrderId id, Address address, Optional<Buyer> buyer) {
        Checks.notNull("address", address);
        Checks.notNull("buyer", buyer);
        Order order = order(id);
        if (order.status().stage().equals(dev.omskit.core.order.OrderStages.CANCELLED)) {
            throw new OrderRejectedException(Rejection.of(
                    Rejection.NOT_EDITABLE, "Order '" + id + "' is cancelled; its delivery details cannot change"));
        }
        return oms.edit(EditOrder.builder()
                .tenant(tenant)
                .orderId(id)
                .actor(actor)
                .shippingAddress(address)
                .buyer(buyer)
                .build());
    }

    /**
     * Requests a return of delivered units, to be brought or sent to {@code dropOff} (any location that
     * accepts returns), for a refund, store credit or an exchange as {@code resolution} says. Checked by
     * the policy: {@code EXCEEDS_DELIVERED}, {@code RETURN_WINDOW_CLOSED}, {@code NOT_RETURNABLE} ...; see
     * {@link Returns#requestReturn}.
     */
    public ReturnRequest requestReturn(
            OrderId id,
            List<ReturnItem> lines,
            LocationId dropOff,
            ReturnResolution resolution,
            List<ExchangeItem> exchange) {
        return oms.returns()
                .requestReturn(RequestReturn.builder()
                        .tenant(tenant)
                        .orderId(id)
                        .actor(actor)
                        .lines(lines)
                        .location(dropOff)
                        .resolution(resolution)
                        .exchangeItems(exchange)
                        .build());
    }

    /**
     * Reports a problem with a delivered order (an item missing, wrong or damaged): a claim the merchant
     * resolves by refund or replacement; see {@link Returns#openClaim}.
     */
    public Claim reportProblem(OrderId id, List<ClaimLine> lines, String description, List<String> evidence) {
        return oms.returns()
                .openClaim(OpenClaim.builder()
                        .tenant(tenant)
                        .orderId(id)
                        .actor(actor)
                        .lines(lines)
                        .description(description)
                        .evidence(evidence)
                        .build());
    }
}
