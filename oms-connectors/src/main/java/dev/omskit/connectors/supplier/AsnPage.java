package dev.omskit.connectors.supplier;

import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * One page of polled advance shipping notices.
 *
 * @param notices oldest first
 * @param nextCursor where the next poll starts (persist it once the page is applied); the cursor asked
 *     when the page is empty
 * @param more whether more notices wait beyond this page
 */
public record AsnPage(List<AdvanceShippingNotice> notices, String nextCursor, boolean more) {
    public AsnPage {
        notices = List.copyOf(Checks.notNull("notices", notices));
        Checks.notNull("nextCursor", nextCursor);
    }
}
