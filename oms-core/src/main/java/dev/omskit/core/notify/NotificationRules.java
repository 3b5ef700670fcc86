package dev.omskit.core.notify;

import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.ClaimLifecycle;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.support.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which events the customer hears about, and as which {@link NotificationType}: order events by their
 * trigger (a capture is keyed {@code CAPTURED} and told as {@code ORDER_CONFIRMED}, an edit {@code EDITED},
 * {@code SHIP} is {@code ORDER_SHIPPED}, payment {@code CAPTURE} is {@code PAYMENT_RECEIVED} ...) and document
 * events by document kind and trigger (a shipment going {@code OUT_FOR_DELIVERY} ...). Everything else
 * (allocation, release, holds, internal document steps) is internal and tells the customer nothing.
 * Immutable; {@link #with} and {@link #without} return changed copies, so a host can add its own rules or
 * silence a default.
 */
public final class NotificationRules {
    /** The rule key of an order event: {@code order/<trigger>}; of a document event: {@code <kind>/<trigger>}. */
    private final Map<String, NotificationType> rules;

    private NotificationRules(Map<String, NotificationType> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** No rules: nothing is told. */
    public static NotificationRules none() {
        return new NotificationRules(Map.of());
    }

    /**
     * The default rules of a facade that ships through shipments and handles returns with the after-sale
     * facades: the order rules, with shipping, delivery and returned units told from the shipment and the
     * return (which carry the tracking and RMA numbers) instead of from the order's unit moves, plus the
     * steps of shipments (out for delivery, failed, re-attempted, back to the sender), returns (requested,
     * approved, rejected, received, credited, exchanged), claims (opened, approved, rejected, resolved) and
     * e-invoices (issued). Refunds are told once, when the refund is recorded on the order's payment.
     */
    public static NotificationRules defaults() {
        Trigger create = Trigger.of("CREATE");
        return orderDefaults()
                .without("order", OrderTriggers.SHIP)
                .without("order", OrderTriggers.DELIVER)
                .without("order", OrderTriggers.RETURN)
                .with("shipment", ShipmentLifecycle.HAND_OVER, NotificationType.ORDER_SHIPPED)
                .with("shipment", ShipmentLifecycle.DISPATCH, NotificationType.OUT_FOR_DELIVERY)
                .with("shipment", ShipmentLifecycle.DELIVER, NotificationType.ORDER_DELIVERED)
                .with("shipment", ShipmentLifecycle.FAIL_DELIVERY, NotificationType.DELIVERY_FAILED)
                .with("shipment", ShipmentLifecycle.REATTEMPT, NotificationType.DELIVERY_REATTEMPTED)
                .with("shipment", ShipmentLifecycle.RETURN_TO_SENDER, NotificationType.RETURNING_TO_SENDER)
                .with("return", create, NotificationType.RETURN_REQUESTED)
                .with("return", ReturnLifecycle.APPROVE, NotificationType.RETURN_APPROVED)
                .with("return", ReturnLifecycle.REJECT, NotificationType.RETURN_REJECTED)
                .with("return", ReturnLifecycle.RECEIVE, NotificationType.RETURN_RECEIVED)
                .with("return", ReturnLifecycle.CREDIT, NotificationType.STORE_CREDIT_ISSUED)
                .with("return", ReturnLifecycle.EXCHANGE, NotificationType.EXCHANGE_ORDER_CREATED)
                .with("claim", create, NotificationType.CLAIM_RECEIVED)
                .with("claim", ClaimLifecycle.APPROVE, NotificationType.CLAIM_APPROVED)
                .with("claim", ClaimLifecycle.REJECT, NotificationType.CLAIM_REJECTED)
                .with("claim", ClaimLifecycle.RESOLVE, NotificationType.CLAIM_RESOLVED)
                .with("invoice", InvoiceLifecycle.ISSUE, NotificationType.INVOICE_ISSUED);
    }

    /**
     * The default rules for order events alone, for a facade that moves units with plain transitions
     * (documents add theirs with {@link #with}).
     */
    public static NotificationRules orderDefaults() {
        Map<String, NotificationType> m = new LinkedHashMap<>();
        m.put(orderKey("CAPTURED"), NotificationType.ORDER_CONFIRMED);
        m.put(orderKey("EDITED"), NotificationType.ORDER_UPDATED);
        m.put(orderKey(OrderTriggers.CANCEL.name()), NotificationType.ORDER_CANCELLED);
        m.put(orderKey(OrderTriggers.BACKORDER.name()), NotificationType.ITEMS_BACKORDERED);
        m.put(orderKey(OrderTriggers.SHIP.name()), NotificationType.ORDER_SHIPPED);
        m.put(orderKey(OrderTriggers.DELIVER.name()), NotificationType.ORDER_DELIVERED);
        m.put(orderKey(OrderTriggers.RETURN.name()), NotificationType.ITEMS_RETURNED);
        m.put(orderKey(PaymentStates.CAPTURE.name()), NotificationType.PAYMENT_RECEIVED);
        m.put(orderKey(PaymentStates.REFUND.name()), NotificationType.REFUND_SENT);
        m.put(orderKey(PaymentStates.REFUND_PARTIAL.name()), NotificationType.REFUND_SENT);
        return new NotificationRules(m);
    }

    /** These rules and: order events on {@code trigger} are told as {@code type}. */
    public NotificationRules withOrder(Trigger trigger, NotificationType type) {
        return with("order", trigger, type);
    }

    /** These rules and: events of documents of {@code kind} on {@code trigger} are told as {@code type}. */
    public NotificationRules with(String kind, Trigger trigger, NotificationType type) {
        Checks.notNull("kind", kind);
        Checks.notNull("trigger", trigger);
        Checks.notNull("type", type);
        Map<String, NotificationType> next = new LinkedHashMap<>(rules);
        next.put(kind + "/" + trigger.name(), type);
        return new NotificationRules(next);
    }

    /** These rules without the one for {@code kind} ({@code order} for order events) and {@code trigger}. */
    public NotificationRules without(String kind, Trigger trigger) {
        Map<String, NotificationType> next = new LinkedHashMap<>(rules);
        next.remove(kind + "/" + trigger.name());
        return new NotificationRules(next);
    }

    /**
     * The notification type of {@code event}, if the customer hears about it; never for a document step
     * that was only implied by a later one ({@link DocumentEvent#implied()}).
     */
    public Optional<NotificationType> typeOf(OmsEvent event) {
        Checks.notNull("event", event);
        if (event instanceof DocumentEvent d && d.implied()) {
            return Optional.empty(); // a step walked through on the way to a later one: told by that one
        }
        return Optional.ofNullable(rules.get(key(event)));
    }

    /** Whether a rule exists for this kind ({@code order} for order events) and trigger. */
    public boolean tells(String kind, Trigger trigger) {
        return rules.containsKey(kind + "/" + trigger.name());
    }

    /** The rules, as {@code kind/TRIGGER -> TYPE}. */
    public Map<String, NotificationType> asMap() {
        return rules;
    }

    private static String key(OmsEvent event) {
        if (event instanceof DocumentEvent d) {
            return d.kind().name() + "/" + d.trigger().name();
        }
        if (event instanceof OrderEvent.OrderCaptured) {
            return orderKey("CAPTURED");
        } else if (event instanceof OrderEvent.OrderEdited) {
            return orderKey("EDITED");
        } else if (event instanceof OrderEvent.LinesTransitioned moved) {
            return orderKey(moved.trigger().name());
        } else if (event instanceof OrderEvent.PaymentRecorded paid) {
            return orderKey(paid.trigger().name());
        }
        return "internal";
    }

    private static String orderKey(String trigger) {
        return "order/" + trigger;
    }

    @Override
    public String toString() {
        return "NotificationRules" + rules;
    }
}
