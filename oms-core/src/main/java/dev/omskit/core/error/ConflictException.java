package dev.omskit.core.error;

/**
 * A concurrent change or a reused key clashed with this request. Subtypes say which; the facade retries
 * version conflicts itself, so callers see this only when retrying did not help or cannot help.
 */
public class ConflictException extends OmsException {
    public ConflictException(String message) {
        super(ErrorCategory.CONFLICT, message);
    }
}
