package dev.omskit.core.command;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.TenantId;
import java.util.Optional;

/**
 * What every command carries: the tenant, the actor, and an optional idempotency key. Sending a command
 * again with the same key and the same payload returns the first result; the same key with a different
 * payload is an {@code IdempotencyConflictException}.
 */
public interface OrderCommand {
    TenantId tenant();

    Actor actor();

    Optional<IdempotencyKey> idempotencyKey();
}
