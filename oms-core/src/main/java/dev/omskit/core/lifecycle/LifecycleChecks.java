package dev.omskit.core.lifecycle;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.regex.Pattern;

/** Validation rules shared by the types of this package; not part of the API. */
final class LifecycleChecks {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private LifecycleChecks() {}

    /** Returns {@code value} if it is an UPPER_SNAKE_CASE name of at most 64 characters, else throws. */
    static String upperSnake(String kind, String value) {
        if (value == null || !UPPER_SNAKE.matcher(value).matches()) {
            throw new InvalidArgumentException(kind
                    + " name must be UPPER_SNAKE_CASE (A-Z, 0-9, _), starting with a letter, at most 64 characters;"
                    + " was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    /** Returns {@code value} if it is neither null nor blank, else throws naming {@code what}. */
    static String notBlank(String what, String value) {
        if (value == null) {
            throw new InvalidArgumentException(what + " must not be null");
        }
        if (value.isBlank()) {
            throw new InvalidArgumentException(what + " must not be blank; was '" + value + "'");
        }
        return value;
    }

    /** Returns {@code value} if it is not null, else throws naming {@code what}. */
    static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new InvalidArgumentException(what + " must not be null");
        }
        return value;
    }
}
