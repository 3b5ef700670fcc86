package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.support.OmsStyle;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Limits and policies of the inventory facade. Build with {@code InventoryConfig.builder()...build()}, start
 * from {@link #defaults()}, copy with {@code InventoryConfig.builder().from(base)}.
 */
@Value.Immutable
@OmsStyle
public abstract class InventoryConfig {
    /** Longest hold a reservation may ask for. Default 30 days. */
    @Value.Default
    public Duration maxHoldTime() {
        return Duration.ofDays(30);
    }

    /** Most lines in one reservation or movement. Default 500. */
    @Value.Default
    public int maxLines() {
        return 500;
    }

    /** Most units on one line. Default 1,000,000. */
    @Value.Default
    public int maxUnitsPerLine() {
        return 1_000_000;
    }

    /** How often a change is tried again after a concurrent change of the same record. Default 16. */
    @Value.Default
    public int maxCommitAttempts() {
        return 16;
    }

    /** Per-channel policies; a channel without one sells everything from every active location. */
    public abstract Map<ChannelId, ChannelStockPolicy> channelPolicies();

    /** The low-stock threshold of channels without a policy. Default 5. */
    @Value.Default
    public int defaultLowStockThreshold() {
        return 5;
    }

    /** The policy of {@code channel}. */
    public ChannelStockPolicy policy(ChannelId channel) {
        ChannelStockPolicy p = channelPolicies().get(channel);
        return p != null
                ? p
                : ChannelStockPolicy.builder()
                        .channel(channel)
                        .lowStockThreshold(defaultLowStockThreshold())
                        .build();
    }

    @Value.Check
    protected void check() {
        if (maxHoldTime().isNegative()
                || maxHoldTime().isZero()
                || maxLines() < 1
                || maxUnitsPerLine() < 1
                || maxCommitAttempts() < 1
                || defaultLowStockThreshold() < 0) {
            throw new InvalidArgumentException("InventoryConfig limits must be positive; was " + this);
        }
        channelPolicies().forEach((channel, policy) -> {
            if (!channel.equals(policy.channel())) {
                throw InvalidArgumentException.of(
                        "channelPolicies[" + channel + "]",
                        "MISMATCH",
                        "the policy filed under '" + channel + "' is for channel '" + policy.channel() + "'");
            }
        });
    }

    public static InventoryConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InventoryConfig}. */
    public static class Builder extends ImmutableInventoryConfig.Builder {
        /** Adds a channel policy under its channel. */
        public Builder policy(ChannelStockPolicy policy) {
            putChannelPolicies(policy.channel(), policy);
            return this;
        }
    }
}
