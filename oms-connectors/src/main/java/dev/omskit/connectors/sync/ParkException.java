package dev.omskit.connectors.sync;

import dev.omskit.connectors.FailureKind;

/** Thrown by a work handler that knows the work cannot succeed by retrying: the item is parked with the message. */
final class ParkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    ParkException(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ParkException(String message) {
        this(FailureKind.NOT_RETRYABLE, message);
    }

    FailureKind kind() {
        return kind;
    }
}
