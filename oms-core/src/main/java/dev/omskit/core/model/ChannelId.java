package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * A sales channel of a tenant, for example `web`, `shopee-vn` or `phone`.
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record ChannelId(String value) implements Comparable<ChannelId> {
    public ChannelId {
        Checks.id("channel id", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    @Override
    public int compareTo(ChannelId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
