package dev.omskit.connectors.channel;

import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * One page of a pull: the items, the cursor to pull the next page from, and whether more pages follow
 * now. The sync engine persists {@link #next()} only after it has taken every item of the page.
 *
 * @param items the items, in the channel's update order
 * @param next where the next pull starts; the same cursor as the request when the page is empty
 * @param hasMore whether a pull from {@code next} would return more right away
 * @param <T> the item type
 */
public record ChannelPage<T>(List<T> items, ChannelCursor next, boolean hasMore) {
    public ChannelPage {
        items = List.copyOf(Checks.notNull("items", items));
        Checks.notNull("next", next);
    }
}
