package dev.omskit.connectors.channel;

import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A channel's webhook about one order: which order, its channel status and when it changed, and the
 * whole order when the payload carries it (Shopify does; Shopee and Lazada send the id and status only,
 * and the engine then pulls). Notices may arrive twice or out of order: the engine deduplicates by
 * channel order id and keeps the newest {@link #updatedAt()}.
 *
 * @param channelOrderId the channel's order id
 * @param channelStatus the order's status in the channel's words
 * @param updatedAt when the channel changed the order
 * @param order the order, when the payload carries it
 */
public record ChannelOrderNotice(
        String channelOrderId, String channelStatus, Instant updatedAt, Optional<ChannelOrder> order) {
    public ChannelOrderNotice {
        Checks.id("channel order id", channelOrderId);
        Checks.notNull("channelStatus", channelStatus);
        Checks.notNull("updatedAt", updatedAt);
        Checks.notNull("order", order);
    }
}
