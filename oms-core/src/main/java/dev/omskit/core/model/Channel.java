package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * A sales channel of a tenant: its id and kind, e.g. {@code Channel.of("shopee-vn", MARKETPLACE)}.
 *
 * @param id the channel's id
 * @param kind what kind of channel it is
 */
public record Channel(ChannelId id, ChannelKind kind) {
    public Channel {
        Checks.notNull("channel id", id);
        Checks.notNull("channel kind", kind);
    }

    /** The channel with this id and kind. */
    public static Channel of(String id, ChannelKind kind) {
        return new Channel(ChannelId.of(id), kind);
    }

    @Override
    public String toString() {
        return id + " (" + kind + ")";
    }
}
