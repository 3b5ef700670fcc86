package dev.omskit.connectors;

import java.util.Set;

/**
 * A connection to one remote system: a sales channel, a carrier, a payment gateway, an e-invoice
 * provider, a warehouse, a supplier ... Every connector SPI extends it.
 *
 * @implSpec Thread-safe. {@link #id()} is stable and unique among the host's connectors (it keys
 *     resilience, metrics, cursors and parked work). {@link #capabilities()} is fixed for the
 *     connector's life. Every failure of a remote call is thrown as a {@link ConnectorException} of the
 *     right {@link FailureKind}; credentials never appear in messages, {@code toString} or logs.
 */
public interface Connector {
    /** For example {@code shopee-vn} or {@code ghn}. */
    String id();

    ConnectorKind kind();

    /** What this connector can do. */
    Set<Capability> capabilities();

    /** Whether it declared {@code capability}. */
    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Throws a {@code NOT_RETRYABLE} {@link ConnectorException} naming the operation when {@code
     * capability} was not declared; connectors call it first in each optional operation.
     */
    default void require(Capability capability, String operation) {
        if (!can(capability)) {
            throw ConnectorException.notRetryable(
                    id(), operation, "the connector does not declare " + capability + "; it has " + capabilities());
        }
    }
}
