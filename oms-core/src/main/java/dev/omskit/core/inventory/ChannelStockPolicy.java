package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How much of the stock one channel may sell: from which locations, minus a buffer (the channel's safety
 * stock, in units and / or percent of what is sellable), capped, and below which threshold the channel
 * gets a low-stock signal.
 */
@Value.Immutable
@OmsStyle
public abstract class ChannelStockPolicy {
    public abstract ChannelId channel();

    /** The locations whose stock the channel sells; empty means every active location. */
    public abstract Set<LocationId> locations();

    /** Units held back from the channel. Default 0. */
    @Value.Default
    public int bufferUnits() {
        return 0;
    }

    /** Percent (0 to 100) of the sellable units held back from the channel, rounded up. Default 0. */
    @Value.Default
    public int bufferPercent() {
        return 0;
    }

    /** Most units the channel is ever shown, if capped. */
    public abstract OptionalInt cap();

    /** At or below this many units available-to-sell the channel is told stock is low. Default 5. */
    @Value.Default
    public int lowStockThreshold() {
        return 5;
    }

    /** Applies buffer and cap to {@code sellable} units. */
    public int apply(int sellable) {
        int afterPercent = sellable - (int) Math.ceil(sellable * (bufferPercent() / 100.0));
        int atp = Math.max(0, afterPercent - bufferUnits());
        return cap().isPresent() ? Math.min(atp, cap().getAsInt()) : atp;
    }

    @Value.Check
    protected void check() {
        if (bufferUnits() < 0 || bufferPercent() < 0 || bufferPercent() > 100 || lowStockThreshold() < 0) {
            throw InvalidArgumentException.of(
                    "channelStockPolicy",
                    "OUT_OF_RANGE",
                    "channel '" + channel() + "': buffer units and low-stock threshold must not be negative and"
                            + " buffer percent must be 0 to 100; were " + bufferUnits() + ", " + lowStockThreshold()
                            + ", " + bufferPercent());
        }
        if (cap().isPresent() && cap().getAsInt() < 0) {
            throw InvalidArgumentException.of(
                    "cap", "NEGATIVE", "channel '" + channel() + "': cap must not be negative; was " + cap());
        }
    }

    /** A policy selling everything from every location. */
    public static ChannelStockPolicy allOf(ChannelId channel) {
        return builder().channel(channel).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChannelStockPolicy}. */
    public static class Builder extends ImmutableChannelStockPolicy.Builder {}
}
