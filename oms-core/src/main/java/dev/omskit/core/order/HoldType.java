package dev.omskit.core.order;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.regex.Pattern;

/**
 * Why an order is held. The four usual kinds are constants; a host may name its own (e.g. {@code
 * CREDIT_CHECK}).
 *
 * @param name UPPER_SNAKE_CASE name
 */
public record HoldType(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Suspected fraud, awaiting review. */
    public static final HoldType FRAUD = new HoldType("FRAUD");
    /** Payment not confirmed (bank transfer awaited, authorisation failed). */
    public static final HoldType PAYMENT = new HoldType("PAYMENT");
    /** The address needs verification. */
    public static final HoldType ADDRESS = new HoldType("ADDRESS");
    /** Held by an agent for any other reason. */
    public static final HoldType MANUAL = new HoldType("MANUAL");

    public HoldType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidArgumentException.of(
                    "holdType",
                    "INVALID_NAME",
                    "hold type must be UPPER_SNAKE_CASE, at most 64 characters; was '" + name + "'");
        }
    }

    /** The hold type with this name. */
    public static HoldType of(String name) {
        return new HoldType(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
