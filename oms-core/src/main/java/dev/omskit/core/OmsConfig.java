package dev.omskit.core;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/**
 * Limits and behaviour of an {@link Oms}. Build with {@code OmsConfig.builder()...build()}, start from
 * {@link #defaults()}, or copy with {@code OmsConfig.builder().from(base)}.
 */
@Value.Immutable
@OmsStyle
public abstract class OmsConfig {
    /** Most lines an order may have; larger orders are refused as oversized. Default 500. */
    @Value.Default
    public int maxLinesPerOrder() {
        return 500;
    }

    /** Most units one line may order. Default 100,000. */
    @Value.Default
    public int maxUnitsPerLine() {
        return 100_000;
    }

    /** How often a command is decided again after a concurrent change before giving up. Default 16. */
    @Value.Default
    public int maxCommitAttempts() {
        return 16;
    }

    /** Whether each successful command delivers pending outbox events to listeners right away. Default true. */
    @Value.Default
    public boolean deliverEventsAfterCommit() {
        return true;
    }

    /**
     * With an inventory: how long the stock of a paid, authorised or COD order is held between its
     * reservation and the allocation's commit, after which it is confirmed. A crash in between leaves a
     * hold that lapses after this long. Default 5 minutes.
     */
    @Value.Default
    public java.time.Duration allocationHold() {
        return java.time.Duration.ofMinutes(5);
    }

    /**
     * With an inventory: how long the stock of an allocated order that is not paid yet stays held; when it
     * lapses, {@link Oms#expireStockHolds} deallocates the order. Default 30 minutes.
     */
    @Value.Default
    public java.time.Duration unpaidHold() {
        return java.time.Duration.ofMinutes(30);
    }

    @Value.Check
    protected void check() {
        if (allocationHold().isNegative()
                || allocationHold().isZero()
                || unpaidHold().isNegative()
                || unpaidHold().isZero()) {
            throw new InvalidArgumentException("OmsConfig hold durations must be positive; was " + this);
        }
        if (maxLinesPerOrder() < 1 || maxUnitsPerLine() < 1 || maxCommitAttempts() < 1) {
            throw new InvalidArgumentException("OmsConfig limits must be positive; was " + this);
        }
    }

    /** The defaults. */
    public static OmsConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OmsConfig}. */
    public static class Builder extends ImmutableOmsConfig.Builder {}
}
