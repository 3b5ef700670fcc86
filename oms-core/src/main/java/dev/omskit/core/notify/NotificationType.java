package dev.omskit.core.notify;

import dev.omskit.core.support.Checks;

/**
 * The kind of a customer notification, naming the template a notifier uses: the defaults below, or a
 * host's own (upper-case letters, digits and underscores).
 *
 * @param name for example {@code ORDER_SHIPPED}
 */
public record NotificationType(String name) {
    public static final NotificationType ORDER_CONFIRMED = new NotificationType("ORDER_CONFIRMED");
    public static final NotificationType ORDER_UPDATED = new NotificationType("ORDER_UPDATED");
    public static final NotificationType ORDER_CANCELLED = new NotificationType("ORDER_CANCELLED");
    public static final NotificationType ITEMS_BACKORDERED = new NotificationType("ITEMS_BACKORDERED");
    public static final NotificationType ORDER_SHIPPED = new NotificationType("ORDER_SHIPPED");
    public static final NotificationType ORDER_DELIVERED = new NotificationType("ORDER_DELIVERED");
    public static final NotificationType ITEMS_RETURNED = new NotificationType("ITEMS_RETURNED");
    public static final NotificationType PAYMENT_RECEIVED = new NotificationType("PAYMENT_RECEIVED");
    public static final NotificationType REFUND_SENT = new NotificationType("REFUND_SENT");
    public static final NotificationType OUT_FOR_DELIVERY = new NotificationType("OUT_FOR_DELIVERY");
    public static final NotificationType DELIVERY_FAILED = new NotificationType("DELIVERY_FAILED");
    public static final NotificationType DELIVERY_REATTEMPTED = new NotificationType("DELIVERY_REATTEMPTED");
    public static final NotificationType RETURNING_TO_SENDER = new NotificationType("RETURNING_TO_SENDER");
    public static final NotificationType RETURN_REQUESTED = new NotificationType("RETURN_REQUESTED");
    public static final NotificationType RETURN_APPROVED = new NotificationType("RETURN_APPROVED");
    public static final NotificationType RETURN_REJECTED = new NotificationType("RETURN_REJECTED");
    public static final NotificationType RETURN_RECEIVED = new NotificationType("RETURN_RECEIVED");
    public static final NotificationType STORE_CREDIT_ISSUED = new NotificationType("STORE_CREDIT_ISSUED");
    public static final NotificationType EXCHANGE_ORDER_CREATED = new NotificationType("EXCHANGE_ORDER_CREATED");
    public static final NotificationType CLAIM_RECEIVED = new NotificationType("CLAIM_RECEIVED");
    public static final NotificationType CLAIM_APPROVED = new NotificationType("CLAIM_APPROVED");
    public static final NotificationType CLAIM_REJECTED = new NotificationType("CLAIM_REJECTED");
    public static final NotificationType CLAIM_RESOLVED = new NotificationType("CLAIM_RESOLVED");
    public static final NotificationType INVOICE_ISSUED = new NotificationType("INVOICE_ISSUED");

    public NotificationType {
        Checks.notNull("name", name);
        if (!name.matches("[A-Z][A-Z0-9_]{0,59}")) {
            throw new dev.omskit.core.error.InvalidArgumentException(
                    "a notification type is upper-case letters, digits and underscores; was '" + name + "'");
        }
    }

    /** The type named {@code name}. */
    public static NotificationType of(String name) {
        return new NotificationType(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
