package dev.omskit.connectors.fraud;

import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;

/**
 * What a fraud screen looks at: the order's id, channel, buyer and address (personal data, printed as
 * {@code ***} by their own types), total, payment method and line count.
 *
 * @param tenant the tenant
 * @param order the order
 * @param channel where it was placed
 * @param buyer who bought
 * @param shippingAddress where it goes
 * @param total what the buyer pays
 * @param paymentMethod how
 * @param lines number of lines
 * @param fingerprint changes when the order's screened content changes (a version of the order)
 */
public record FraudRequest(
        TenantId tenant,
        OrderId order,
        ChannelId channel,
        Buyer buyer,
        Address shippingAddress,
        Money total,
        PaymentMethod paymentMethod,
        int lines,
        String fingerprint) {
    public FraudRequest {
        Checks.notNull("tenant", tenant);
        Checks.notNull("order", order);
        Checks.notNull("channel", channel);
        Checks.notNull("buyer", buyer);
        Checks.notNull("shippingAddress", shippingAddress);
        Checks.notNull("total", total);
        Checks.notNull("paymentMethod", paymentMethod);
        Checks.notNull("fingerprint", fingerprint);
    }

    /** The request for an order as it is now. */
    public static FraudRequest of(Order order) {
        return new FraudRequest(
                order.tenant(),
                order.id(),
                order.channel().id(),
                order.buyer(),
                order.shippingAddress(),
                order.totals().total(),
                order.paymentMethod(),
                order.lines().size(),
                order.buyer().hashCode() + ":" + order.shippingAddress().hashCode() + ":"
                        + order.totals().total());
    }
}
