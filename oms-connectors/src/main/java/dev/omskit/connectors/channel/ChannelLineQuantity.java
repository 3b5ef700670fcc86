package dev.omskit.connectors.channel;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;

/**
 * Some units of one line of a channel order, as shipments and cancellations name them.
 *
 * @param channelLineId the channel's line id
 * @param quantity the units, at least 1
 */
public record ChannelLineQuantity(String channelLineId, long quantity) {
    public ChannelLineQuantity {
        Checks.id("channel line id", channelLineId);
        if (quantity <= 0) {
            throw InvalidArgumentException.of(
                    "quantity",
                    "NOT_POSITIVE",
                    "a quantity of line '" + channelLineId + "' must be at least 1; was " + quantity);
        }
    }

    /** {@code quantity} units of line {@code channelLineId}. */
    public static ChannelLineQuantity of(String channelLineId, long quantity) {
        return new ChannelLineQuantity(channelLineId, quantity);
    }
}
