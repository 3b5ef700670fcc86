package dev.omskit.connectors.fulfilment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;

/**
 * Withdraw a released request.
 *
 * @param requestId our request id
 * @param reason why (the order was cancelled, re-routed ...); not blank
 */
public record FulfilmentCancellation(String requestId, String reason) {
    public FulfilmentCancellation {
        Checks.id("fulfilment request id", requestId);
        if (reason == null || reason.isBlank()) {
            throw InvalidArgumentException.of("reason", "BLANK", "say why request '" + requestId + "' is cancelled");
        }
    }
}
