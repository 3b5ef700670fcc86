package dev.omskit.core.spi;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.model.IdempotencyKey;

/** A commit carried an idempotency key the tenant has already used. */
public class DuplicateIdempotencyKeyException extends ConflictException {
    public DuplicateIdempotencyKeyException(IdempotencyKey key) {
        super("idempotency key '" + key + "' was already used");
    }
}
