package dev.omskit.core.error;

import java.util.Objects;

/**
 * One problem found in a request: where it is ({@code field}, a path such as {@code lines[2].quantity}),
 * a stable machine-readable {@code code} and a message naming the offending value.
 *
 * @param field the path of the offending field in the request, never blank
 * @param code a stable code such as {@code NOT_POSITIVE} or {@code CURRENCY_MISMATCH}
 * @param message a sentence for people, naming the value that was wrong
 */
public record Violation(String field, String code, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Shorthand constructor. */
    public static Violation of(String field, String code, String message) {
        return new Violation(field, code, message);
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + code + "]";
    }
}
