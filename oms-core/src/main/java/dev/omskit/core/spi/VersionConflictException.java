package dev.omskit.core.spi;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.model.OrderId;

/** The order changed since it was read: its stored version is not the commit's expected version. */
public class VersionConflictException extends ConflictException {
    public VersionConflictException(OrderId order, long expected, long actual) {
        super("order '" + order + "' is at version " + actual + ", expected " + expected);
    }
}
