package dev.omskit.core.spi;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What a command with an idempotency key produced: the fingerprint of its payload (a SHA-256 of its
 * canonical form) and the order as it was right after the command. Stored in the same commit as the
 * change.
 *
 * @param tenant the tenant
 * @param key the caller's key, unique per tenant
 * @param commandType the command's simple type name, e.g. {@code CancelOrder}
 * @param fingerprint hex SHA-256 of the command's canonical payload
 * @param orderId the order the command acted on
 * @param result the order right after the command
 * @param recordedAt when
 * @param documents the order documents the command wrote, as they were right after it
 */
public record IdempotencyRecord(
        TenantId tenant,
        IdempotencyKey key,
        String commandType,
        String fingerprint,
        OrderId orderId,
        Order result,
        Instant recordedAt,
        List<OrderDocument> documents) {
    /** A record of a command that wrote no documents. */
    public IdempotencyRecord(
            TenantId tenant,
            IdempotencyKey key,
            String commandType,
            String fingerprint,
            OrderId orderId,
            Order result,
            Instant recordedAt) {
        this(tenant, key, commandType, fingerprint, orderId, result, recordedAt, List.of());
    }

    public IdempotencyRecord {
        documents = List.copyOf(documents);
        Checks.notNull("tenant", tenant);
        Checks.notNull("key", key);
        Checks.notNull("commandType", commandType);
        Checks.notNull("fingerprint", fingerprint);
        Checks.notNull("orderId", orderId);
        Checks.notNull("result", result);
        Checks.notNull("recordedAt", recordedAt);
    }
}
