package dev.omskit.connectors.channel;

import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * Tell a channel that we cancelled units of one of its orders, or the whole order.
 *
 * @param channelOrderId the channel's order id
 * @param lines the units cancelled; empty cancels every unit not shipped yet
 * @param reason why, in words the channel may show the buyer (e.g. {@code out of stock})
 */
public record CancellationPush(String channelOrderId, List<ChannelLineQuantity> lines, String reason) {
    public CancellationPush {
        Checks.id("channel order id", channelOrderId);
        lines = List.copyOf(Checks.notNull("lines", lines));
        Checks.notNull("reason", reason);
        if (reason.isBlank()) {
            throw new dev.omskit.core.error.InvalidArgumentException(
                    "a cancellation of order '" + channelOrderId + "' needs a reason");
        }
    }

    /** Cancels the whole order (every unit not shipped yet). */
    public static CancellationPush wholeOrder(String channelOrderId, String reason) {
        return new CancellationPush(channelOrderId, List.of(), reason);
    }

    /** Whether it cancels the whole order. */
    public boolean wholeOrder() {
        return lines.isEmpty();
    }
}
