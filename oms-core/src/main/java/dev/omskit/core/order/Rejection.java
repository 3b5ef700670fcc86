package dev.omskit.core.order;

import dev.omskit.core.support.Checks;

/**
 * An expected business outcome that refuses a command: the order is in the wrong state, on hold, not
 * editable any more. A value, not an exception: the decider returns it and the facade raises it as
 * {@link OrderRejectedException}.
 *
 * @param code a stable code, e.g. {@code ILLEGAL_TRANSITION}, {@code GUARD_REFUSED}, {@code NOT_EDITABLE}
 * @param message a sentence naming the order, the state and the values involved
 */
public record Rejection(String code, String message) {
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    public static final String GUARD_REFUSED = "GUARD_REFUSED";
    public static final String INSUFFICIENT_QUANTITY = "INSUFFICIENT_QUANTITY";
    public static final String NOT_EDITABLE = "NOT_EDITABLE";
    public static final String NOT_CANCELLABLE = "NOT_CANCELLABLE";
    public static final String ALREADY_ON_HOLD = "ALREADY_ON_HOLD";
    public static final String NOT_ON_HOLD = "NOT_ON_HOLD";
    public static final String STALE_VERSION = "STALE_VERSION";

    public Rejection {
        Checks.notNull("code", code);
        Checks.notNull("message", message);
    }

    /** A rejection with this code and message. */
    public static Rejection of(String code, String message) {
        return new Rejection(code, message);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
