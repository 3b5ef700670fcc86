package dev.omskit.connectors.sync;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What became of one leased work item; the engine turns it into the item's next state. */
sealed interface SyncOutcome {
    /** Done; {@code result} is kept as the payload when present. */
    record Done(Optional<Map<String, String>> result) implements SyncOutcome {}

    /**
     * Failed in a way that may pass later; tried again after {@code after} (or the engine's backoff).
     * {@code counted} is false when nothing reached the remote system (circuit open, bulkhead full).
     */
    record Later(FailureKind kind, String reason, Optional<Duration> after, boolean counted) implements SyncOutcome {}

    /** Failed for good: parked for a person with its reason. */
    record Park(FailureKind kind, String reason) implements SyncOutcome {}

    /** Not finished, by design (a repeating poll): pending again at {@code at} with {@code payload}. */
    record Again(Instant at, Map<String, String> payload) implements SyncOutcome {}

    static SyncOutcome done() {
        return new Done(Optional.empty());
    }

    static SyncOutcome done(Map<String, String> result) {
        return new Done(Optional.of(result));
    }

    /** The outcome a failure stands for: the single place where exceptions become retry or park. */
    static SyncOutcome of(Throwable e) {
        if (e instanceof ParkException p) {
            return new Park(p.kind(), p.getMessage());
        }
        if (e instanceof ConnectorException c) {
            if (c.kind().mayPassLater()) {
                boolean reached = c.kind() != FailureKind.CIRCUIT_OPEN && c.kind() != FailureKind.BULKHEAD_FULL;
                return new Later(c.kind(), c.getMessage(), c.retryAfter(), reached);
            }
            return new Park(c.kind(), c.getMessage());
        }
        if (e instanceof OmsException o) {
            ErrorCategory category = o.category();
            return switch (category) {
                case INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED, FAILED_PRECONDITION -> new Park(
                        FailureKind.NOT_RETRYABLE, category + ": " + o.getMessage());
                case CONFLICT, UNAVAILABLE, INTERNAL -> new Later(
                        FailureKind.RETRYABLE, category + ": " + o.getMessage(), Optional.empty(), true);
            };
        }
        return new Later(FailureKind.RETRYABLE, "unexpected " + e, Optional.empty(), true);
    }
}
