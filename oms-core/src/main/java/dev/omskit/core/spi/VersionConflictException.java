package dev.omskit.core.spi;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.model.OrderId;

/**
 * The order, or one of the documents written with it, changed since it was read: its stored version is not
 * the commit's expected version.
 */
public class VersionConflictException extends ConflictException {
    public VersionConflictException(OrderId order, long expected, long actual) {
        super("order '" + order + "' is at version " + actual + ", expected " + expected);
    }

    /** A document of the commit moved on. */
    public VersionConflictException(
            dev.omskit.core.document.DocumentKind<?> kind, String id, long expected, long actual) {
        super(kind + " '" + id + "' is at version " + actual + ", expected " + expected);
    }
}
