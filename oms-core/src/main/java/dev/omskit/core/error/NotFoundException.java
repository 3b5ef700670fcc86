package dev.omskit.core.error;

/** The addressed aggregate does not exist for the caller's tenant. */
public class NotFoundException extends OmsException {
    public NotFoundException(String message) {
        super(ErrorCategory.NOT_FOUND, message);
    }
}
