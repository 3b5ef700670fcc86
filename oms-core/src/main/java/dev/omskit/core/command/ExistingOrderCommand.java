package dev.omskit.core.command;

import dev.omskit.core.model.OrderId;
import java.util.Optional;

/**
 * A command on an order that exists. With {@link #expectedVersion()} set, the command is refused when the
 * order has changed since the caller read it (optimistic edits from a UI); without it, the facade retries
 * on concurrent changes by deciding again on the fresh order.
 */
public interface ExistingOrderCommand extends OrderCommand {
    OrderId orderId();

    Optional<Long> expectedVersion();
}
