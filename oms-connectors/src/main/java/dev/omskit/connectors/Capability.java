package dev.omskit.connectors;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;

/**
 * Something a connector can do, such as {@code PULL_ORDERS} or {@code COD_REMITTANCE}. Connectors declare
 * theirs ({@link Connector#capabilities()}); the sync engine asks before it calls, and a connector refuses
 * an operation it did not declare with a {@code NOT_RETRYABLE} failure. Each SPI names its capabilities
 * as constants.
 *
 * @param name upper-case letters, digits and underscores
 */
public record Capability(String name) {
    public Capability {
        Checks.notNull("name", name);
        if (!name.matches("[A-Z][A-Z0-9_]{0,59}")) {
            throw InvalidArgumentException.of(
                    "name",
                    "MALFORMED",
                    "a capability is upper-case letters, digits and underscores; was '" + name + "'");
        }
    }

    /** The capability named {@code name}. */
    public static Capability of(String name) {
        return new Capability(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
