package dev.omskit.connectors.channel;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A line of a channel order as the connector mapped it. Nothing beyond presence is checked when it is
 * built, so that a malformed line (zero quantity, a price in another currency) still reaches {@link
 * ChannelOrder#toCapture} and is reported there with every other problem of the order.
 */
@Value.Immutable
@OmsStyle
public abstract class ChannelOrderLine {
    /** The channel's id of the line, kept as the core line id. */
    public abstract String channelLineId();

    /** Our SKU, mapped from the channel's listing. */
    public abstract Sku sku();

    public abstract Optional<String> title();

    public abstract long quantity();

    /** Price of one unit. */
    public abstract Money unitPrice();

    /** Discount on the whole line; zero when absent. */
    public abstract Optional<Money> discount();

    @Value.Default
    public VatRate vatRate() {
        return VatRate.ZERO;
    }

    public abstract Map<String, String> attributes();

    /** A line of {@code quantity} x {@code sku} at {@code unitPrice}. */
    public static ChannelOrderLine of(String channelLineId, Sku sku, long quantity, Money unitPrice) {
        return builder()
                .channelLineId(channelLineId)
                .sku(sku)
                .quantity(quantity)
                .unitPrice(unitPrice)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChannelOrderLine}. */
    public static class Builder extends ImmutableChannelOrderLine.Builder {}
}
