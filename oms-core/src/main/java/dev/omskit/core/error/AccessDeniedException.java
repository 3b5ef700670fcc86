package dev.omskit.core.error;

/** The actor may not act on the addressed aggregate, for example a customer on another customer's order. */
public class AccessDeniedException extends OmsException {
    public AccessDeniedException(String message) {
        super(ErrorCategory.PERMISSION_DENIED, message);
    }
}
