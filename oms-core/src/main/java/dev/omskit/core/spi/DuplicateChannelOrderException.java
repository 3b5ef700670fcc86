package dev.omskit.core.spi;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.OrderId;

/** A new order's channel order id is already taken by another order of the same tenant and channel. */
public class DuplicateChannelOrderException extends ConflictException {
    private final OrderId existing;

    public DuplicateChannelOrderException(ChannelId channel, String channelOrderId, OrderId existing) {
        super("channel " + channel + " order '" + channelOrderId + "' was already captured as order '" + existing
                + "'");
        this.existing = existing;
    }

    /** The order that holds the channel order id. */
    public OrderId existing() {
        return existing;
    }
}
