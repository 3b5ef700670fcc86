package dev.omskit.core.spi;

import dev.omskit.core.error.ConflictException;

/**
 * A reservation or transfer record in a {@link StockCommit} was changed (or created) by someone else since
 * it was read. Nothing of the commit was applied; re-read and decide again.
 */
public class StaleRecordException extends ConflictException {
    public StaleRecordException(String what, long expected, long actual) {
        super(what + " is at version " + actual + ", expected " + expected);
    }
}
