package dev.omskit.connectors.channel;

import dev.omskit.core.support.Checks;

/**
 * Where a pull stopped: an opaque string the channel hands out and the sync engine persists unread. Only
 * the connector that issued it knows what it means (a timestamp, a page token, a sequence number).
 *
 * @param value the opaque value; empty for {@link #START}
 */
public record ChannelCursor(String value) {
    /** The beginning: a pull from here returns the oldest data the channel still serves. */
    public static final ChannelCursor START = new ChannelCursor("");

    public ChannelCursor {
        Checks.notNull("cursor", value);
        if (value.length() > 2048) {
            throw new dev.omskit.core.error.InvalidArgumentException(
                    "a channel cursor must be at most 2048 characters; was " + value.length());
        }
    }

    /** The cursor with this value. */
    public static ChannelCursor of(String value) {
        return new ChannelCursor(value);
    }

    /** Whether this is {@link #START}. */
    public boolean isStart() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return isStart() ? "START" : value;
    }
}
