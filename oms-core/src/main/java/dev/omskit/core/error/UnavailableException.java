package dev.omskit.core.error;

/** A dependency (storage, a remote system) is not reachable now; retrying later may succeed. */
public class UnavailableException extends OmsException {
    public UnavailableException(String message, Throwable cause) {
        super(ErrorCategory.UNAVAILABLE, message, cause);
    }
}
