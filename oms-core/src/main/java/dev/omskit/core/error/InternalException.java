package dev.omskit.core.error;

/** A broken invariant inside the library or inside a plugged-in implementation: a bug to report. */
public class InternalException extends OmsException {
    public InternalException(String message) {
        super(ErrorCategory.INTERNAL, message);
    }

    public InternalException(String message, Throwable cause) {
        super(ErrorCategory.INTERNAL, message, cause);
    }
}
