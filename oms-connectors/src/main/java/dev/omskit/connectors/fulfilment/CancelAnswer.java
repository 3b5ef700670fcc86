package dev.omskit.connectors.fulfilment;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * What the location answered to a cancellation.
 *
 * @param requestId our request id
 * @param cancelled whether the request is cancelled now (also when it already was)
 * @param refusal why it could not be cancelled (already packed or shipped), when it was not
 */
public record CancelAnswer(String requestId, boolean cancelled, Optional<String> refusal) {
    public CancelAnswer {
        Checks.id("fulfilment request id", requestId);
        Checks.notNull("refusal", refusal);
        if (cancelled == refusal.isPresent()) {
            throw InvalidArgumentException.of(
                    "refusal",
                    "INCONSISTENT",
                    "a cancel answer has a refusal exactly when it is refused; request '" + requestId + "'");
        }
    }

    /** The request is cancelled. */
    public static CancelAnswer cancelled(String requestId) {
        return new CancelAnswer(requestId, true, Optional.empty());
    }

    /** The request goes on: the location refused to cancel it for {@code reason}. */
    public static CancelAnswer refused(String requestId, String reason) {
        return new CancelAnswer(requestId, false, Optional.of(reason));
    }
}
