package dev.omskit.connectors;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.support.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * A call to a remote system failed: which connector and operation, what kind of failure (see {@link
 * FailureKind}), for a rate limit how long to wait, and how many attempts were made. The one error model
 * of every connector: implementations map their provider's answers to it, and the resilience layer
 * decides from it. The message never carries credentials or personal data.
 */
public class ConnectorException extends OmsException {
    private final String connector;
    private final String operation;
    private final FailureKind kind;
    private final Duration retryAfter;
    private final int attempts;

    public ConnectorException(
            String connector,
            String operation,
            FailureKind kind,
            String message,
            Optional<Duration> retryAfter,
            int attempts,
            Throwable cause) {
        super(categoryOf(kind), connector + " " + operation + " failed (" + kind + "): " + message, cause);
        this.connector = Checks.notNull("connector", connector);
        this.operation = Checks.notNull("operation", operation);
        this.kind = Checks.notNull("kind", kind);
        this.retryAfter = Checks.notNull("retryAfter", retryAfter).orElse(null);
        this.attempts = attempts;
    }

    /** A transient failure, worth retrying. */
    public static ConnectorException retryable(String connector, String operation, String message) {
        return new ConnectorException(connector, operation, FailureKind.RETRYABLE, message, Optional.empty(), 1, null);
    }

    /** A transient failure with its cause (an I/O error). */
    public static ConnectorException retryable(String connector, String operation, String message, Throwable cause) {
        return new ConnectorException(connector, operation, FailureKind.RETRYABLE, message, Optional.empty(), 1, cause);
    }

    /** The provider refused the request as such. */
    public static ConnectorException notRetryable(String connector, String operation, String message) {
        return new ConnectorException(
                connector, operation, FailureKind.NOT_RETRYABLE, message, Optional.empty(), 1, null);
    }

    /** The provider asks to slow down, for {@code retryAfter} if it said. */
    public static ConnectorException rateLimited(
            String connector, String operation, String message, Optional<Duration> retryAfter) {
        return new ConnectorException(connector, operation, FailureKind.RATE_LIMITED, message, retryAfter, 1, null);
    }

    /** The credentials were refused. */
    public static ConnectorException authenticationFailed(String connector, String operation, String message) {
        return new ConnectorException(
                connector, operation, FailureKind.AUTHENTICATION_FAILED, message, Optional.empty(), 1, null);
    }

    /** The connector that failed, e.g. {@code shopee-vn}. */
    public String connector() {
        return connector;
    }

    /** The operation, e.g. {@code pushStock}. */
    public String operation() {
        return operation;
    }

    public FailureKind kind() {
        return kind;
    }

    /** For a rate limit: how long the provider asked to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many attempts the resilience layer made before giving up (1 without it). */
    public int attempts() {
        return attempts;
    }

    /** The same failure, noting the attempts made. */
    public ConnectorException afterAttempts(int made) {
        ConnectorException e = new ConnectorException(
                connector, operation, kind, rawMessage(), retryAfter(), made, getCause() == null ? this : getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    private String rawMessage() {
        String m = getMessage();
        String prefix = connector + " " + operation + " failed (" + kind + "): ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static ErrorCategory categoryOf(FailureKind kind) {
        return switch (kind) {
            case NOT_RETRYABLE -> ErrorCategory.FAILED_PRECONDITION;
            case AUTHENTICATION_FAILED -> ErrorCategory.PERMISSION_DENIED;
            default -> ErrorCategory.UNAVAILABLE;
        };
    }
}
