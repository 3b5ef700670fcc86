package dev.omskit.core.error;

/**
 * An idempotency key was sent again with a different payload (or for another kind of command). The first
 * command's result stands; nothing was changed by this one.
 */
public class IdempotencyConflictException extends ConflictException {
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
