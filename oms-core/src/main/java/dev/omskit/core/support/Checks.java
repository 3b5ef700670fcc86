package dev.omskit.core.support;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Shared validation rules for identifiers and short texts, so values and request validators agree. */
public final class Checks {
    /** Longest identifier accepted (tenant, order, line, SKU, channel ...). */
    public static final int MAX_ID_LENGTH = 128;

    private Checks() {}

    /**
     * The problem with {@code value} as an identifier of the given kind, or empty when it is fine: not
     * null, not blank, no leading or trailing white space, no control characters, at most {@link
     * #MAX_ID_LENGTH} characters.
     */
    public static Optional<String> idProblem(String kind, String value) {
        if (value == null) {
            return Optional.of(kind + " must not be null");
        }
        if (value.isBlank()) {
            return Optional.of(kind + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            return Optional.of(kind + " must be at most " + MAX_ID_LENGTH + " characters; was " + value.length());
        }
        if (!value.strip().equals(value)
                || Character.isSpaceChar(value.charAt(0))
                || Character.isSpaceChar(value.charAt(value.length() - 1))) {
            return Optional.of(kind + " must not start or end with white space; was '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return Optional.of(kind + " must not contain control characters; was '" + printable(value) + "'");
            }
        }
        return Optional.empty();
    }

    /** Returns {@code value} if it is a valid identifier, else throws {@link InvalidArgumentException}. */
    public static String id(String kind, String value) {
        Optional<String> problem = idProblem(kind, value);
        if (problem.isPresent()) {
            throw new InvalidArgumentException(problem.get());
        }
        return value;
    }

    /** Throws {@link InvalidArgumentException} naming {@code what} when {@code value} is null. */
    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new InvalidArgumentException(what + " must not be null");
        }
        return value;
    }

    private static String printable(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    /**
     * An unmodifiable copy of {@code map} that iterates in {@code map}'s order (unlike {@code Map.copyOf},
     * whose order changes from one JVM run to the next), so values print, serialise and compare in text the
     * same way every time. Like {@code Map.copyOf}, null keys and values are refused.
     */
    public static <K, V> Map<K, V> orderedCopy(String what, Map<? extends K, ? extends V> map) {
        notNull(what, map);
        Map<K, V> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((k, v) -> copy.put(
                Objects.requireNonNull(k, () -> what + " holds a null key"),
                Objects.requireNonNull(v, () -> what + " holds a null value for " + k)));
        return Collections.unmodifiableMap(copy);
    }
}
