package dev.omskit.connectors.channel;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * Tell a channel that units of one of its orders left with a carrier: which lines, which carrier, and the
 * tracking number the buyer can follow.
 *
 * @param shipmentId our shipment id: the idempotency key of the push
 * @param channelOrderId the channel's order id
 * @param lines the units shipped, at least one line
 * @param carrier the carrier's name or code as the channel knows it, e.g. {@code GHN}
 * @param trackingNumber the carrier's tracking number
 */
public record ShipmentPush(
        String shipmentId,
        String channelOrderId,
        List<ChannelLineQuantity> lines,
        String carrier,
        String trackingNumber) {
    public ShipmentPush {
        Checks.id("shipment id", shipmentId);
        Checks.id("channel order id", channelOrderId);
        lines = List.copyOf(Checks.notNull("lines", lines));
        if (lines.isEmpty()) {
            throw InvalidArgumentException.of(
                    "lines", "EMPTY", "shipment '" + shipmentId + "' must ship at least one line");
        }
        Checks.id("carrier", carrier);
        Checks.id("tracking number", trackingNumber);
    }
}
