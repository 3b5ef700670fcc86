package dev.omskit.connectors.sync;

import dev.omskit.connectors.channel.ChannelOrder;

/** Placeholder replaced by the codec branch before commit. */
final class ChannelOrderJson {
    private ChannelOrderJson() {}

    static String write(ChannelOrder order) {
        throw new UnsupportedOperationException();
    }

    static ChannelOrder read(String json) {
        throw new UnsupportedOperationException();
    }
}
