package dev.omskit.core;

import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.event.OmsEventListener;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.notify.CustomerNotification;
import dev.omskit.core.notify.CustomerNotifier;
import dev.omskit.core.notify.NotificationRules;
import dev.omskit.core.notify.NotificationType;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.OrderStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The outbox listener that turns events the customer should hear about into {@link CustomerNotification}s
 * for a {@link CustomerNotifier}, by {@link NotificationRules}. Installed by {@link
 * Oms.Builder#notifier(CustomerNotifier, NotificationRules)}.
 */
final class CustomerNotifications implements OmsEventListener {
    private final OrderStore orders;
    private final CustomerNotifier notifier;
    private final NotificationRules rules;

    CustomerNotifications(OrderStore orders, CustomerNotifier notifier, NotificationRules rules) {
        this.orders = orders;
        this.notifier = notifier;
        this.rules = rules;
    }

    @Override
    public void on(OmsEvent event) {
        Optional<NotificationType> type = rules.typeOf(event);
        if (type.isEmpty()) {
            return;
        }
        // the order as it is now: the buyer to tell (an edit may have changed the contact details)
        Optional<Order> order = orders.find(event.tenant(), event.orderId());
        if (order.isEmpty()) {
            return;
        }
        notifier.send(of(event, type.get(), order.get()));
    }

    /** The notification of {@code event} for {@code order}. */
    static CustomerNotification of(OmsEvent event, NotificationType type, Order order) {
        return new CustomerNotification(
                event.eventId(),
                order.tenant(),
                order.id(),
                order.channelOrderId(),
                order.channel().id(),
                order.customer(),
                order.buyer(),
                type,
                event.occurredAt(),
                event instanceof DocumentEvent d ? d.summary() : event.describe(),
                data(event, order));
    }

    private static Map<String, String> data(OmsEvent event, Order order) {
        Map<String, String> data = new LinkedHashMap<>();
        // the order's status right after the event (for a document event: as it is now)
        data.put(
                "status",
                event instanceof OrderEvent e
                        ? e.header().toStatus().toString()
                        : order.status().toString());
        if (event instanceof OrderEvent.LinesTransitioned moved) {
            data.put(
                    "units",
                    String.valueOf(moved.moves().stream()
                            .mapToInt(OrderEvent.LineMove::units)
                            .sum()));
            moved.reason().ifPresent(r -> data.put("reason", r));
        } else if (event instanceof OrderEvent.PaymentRecorded paid) {
            paid.amount().ifPresent(a -> data.put("amount", a.toString()));
        } else if (event instanceof OrderEvent.OrderCaptured) {
            data.put("total", order.totals().total().toString());
        } else if (event instanceof DocumentEvent d) {
            data.put("document", d.documentId());
            data.put("state", d.to().name());
            if (!d.document().references().isEmpty()) {
                data.put(
                        "references",
                        String.join(",", new TreeSet<>(d.document().references())));
            }
        }
        return data;
    }
}
