package dev.omskit.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request was malformed. {@link #violations()} lists every problem found, not just the first, so a
 * caller can fix them all in one go. Nothing was stored and nothing was emitted.
 */
public class InvalidArgumentException extends OmsException {
    private final List<Violation> violations;

    /**
     * An error for a single problem described by {@code message}; used where a value validates itself on
     * construction (and by the generated builders when a required attribute is missing).
     */
    public InvalidArgumentException(String message) {
        this(List.of(Violation.of("value", "INVALID", message)));
    }

    /** An error listing every violation found in one request. */
    public InvalidArgumentException(List<Violation> violations) {
        super(ErrorCategory.INVALID_ARGUMENT, describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** An error for a single violation. */
    public static InvalidArgumentException of(String field, String code, String message) {
        return new InvalidArgumentException(List.of(Violation.of(field, code, message)));
    }

    /** Every problem found in the request, in the order they were found; never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidArgumentException needs at least one violation");
        }
        if (violations.size() == 1) {
            Violation v = violations.get(0);
            return "value".equals(v.field()) ? v.message() : v.field() + ": " + v.message();
        }
        return violations.size() + " problems: "
                + violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
