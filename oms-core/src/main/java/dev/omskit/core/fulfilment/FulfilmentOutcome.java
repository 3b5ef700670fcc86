package dev.omskit.core.fulfilment;

import dev.omskit.core.order.Order;
import java.util.List;
import java.util.Optional;

/**
 * What a fulfilment command did: the order and requests after it, and for a short pick or a rejection
 * whether the missing units were placed again (the re-routing runs after the commit; its failure is
 * reported here, never undone: the units wait in {@code CREATED}).
 *
 * @param order the order after the command (after the re-routing when there was one)
 * @param requests the requests the command created or changed
 * @param rerouted whether units were handed to the {@code ShortPickRerouter} and it succeeded
 * @param rerouteProblem why the re-routing failed, if it did
 */
public record FulfilmentOutcome(
        Order order, List<FulfilmentRequest> requests, boolean rerouted, Optional<String> rerouteProblem) {
    public FulfilmentOutcome {
        requests = List.copyOf(requests);
    }

    /** The one request (for commands on one request). */
    public FulfilmentRequest request() {
        return requests.get(0);
    }
}
