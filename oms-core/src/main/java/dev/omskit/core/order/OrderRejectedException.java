package dev.omskit.core.order;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;

/**
 * The order's current state refused the command (an illegal transition, a guard, a hold, an edit after
 * release). Nothing was stored and no event was emitted; {@link #rejection()} says why.
 */
public class OrderRejectedException extends OmsException {
    private final transient Rejection rejection;

    public OrderRejectedException(Rejection rejection) {
        super(ErrorCategory.FAILED_PRECONDITION, rejection.message());
        this.rejection = rejection;
    }

    /** The refusal as a value: its stable code and message. */
    public Rejection rejection() {
        return rejection;
    }
}
