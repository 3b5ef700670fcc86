package dev.omskit.connectors.fulfilment;

import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * One page of polled confirmations.
 *
 * @param confirmations oldest first
 * @param nextCursor where the next poll starts (persist it once the page is applied); the same cursor as
 *     asked when the page is empty
 * @param more whether more confirmations are waiting beyond this page
 */
public record ConfirmationPage(List<FulfilmentConfirmation> confirmations, String nextCursor, boolean more) {
    public ConfirmationPage {
        confirmations = List.copyOf(Checks.notNull("confirmations", confirmations));
        Checks.notNull("nextCursor", nextCursor);
    }
}
