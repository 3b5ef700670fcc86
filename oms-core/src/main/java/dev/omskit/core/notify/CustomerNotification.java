package dev.omskit.core.notify;

import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Something the customer should hear about: an order confirmed, shipped, out for delivery, a
 * delivery that failed, a return approved, a refund sent. A notifier connector turns it into e-mail, SMS
 * or a chat message in the customer's channel; the template is chosen by {@link #type()}.
 *
 * <p>The buyer's contact details are personal data: {@code toString} prints {@code ***} for them (as
 * {@link Buyer} does) and no secret is ever carried.
 *
 * @param id unique per tenant: the id of the event it comes from, so a notifier drops repeats
 * @param tenant the tenant
 * @param orderId the order
 * @param channelOrderId the order's id as the customer knows it
 * @param channel the channel the customer bought through
 * @param customer the customer, when known
 * @param buyer who to tell, with their contact details
 * @param type what happened, e.g. {@code ORDER_SHIPPED}
 * @param occurredAt when it happened
 * @param summary one line for people
 * @param data values for the template (tracking number, amount, return number ...), no personal data
 */
public record CustomerNotification(
        String id,
        TenantId tenant,
        OrderId orderId,
        String channelOrderId,
        ChannelId channel,
        Optional<CustomerId> customer,
        Buyer buyer,
        NotificationType type,
        Instant occurredAt,
        String summary,
        Map<String, String> data) {
    public CustomerNotification {
        Checks.id("id", id);
        Checks.notNull("tenant", tenant);
        Checks.notNull("orderId", orderId);
        Checks.notNull("channelOrderId", channelOrderId);
        Checks.notNull("channel", channel);
        Checks.notNull("customer", customer);
        Checks.notNull("buyer", buyer);
        Checks.notNull("type", type);
        Checks.notNull("occurredAt", occurredAt);
        Checks.notNull("summary", summary);
        data = Checks.orderedCopy("data", data);
    }

    @Override
    public String toString() {
        return "CustomerNotification[" + type + " order " + orderId + " (" + channelOrderId + ") to " + buyer + " at "
                + occurredAt + ": " + summary + " " + new TreeMap<>(data) + "]";
    }
}
