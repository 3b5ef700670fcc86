package dev.omskit.core.error;

import java.util.Objects;

/**
 * The root of every exception omskit throws on purpose. Catch this one type to handle all of them, and
 * use {@link #category()} to decide what to tell a caller.
 *
 * <p>A failed operation has stored nothing and emitted no event, whatever the subtype.
 */
public abstract class OmsException extends RuntimeException {
    private final ErrorCategory category;

    protected OmsException(ErrorCategory category, String message) {
        super(message);
        this.category = Objects.requireNonNull(category, "category");
    }

    protected OmsException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    /** The broad kind of this error, for mapping to a transport status. */
    public final ErrorCategory category() {
        return category;
    }
}
