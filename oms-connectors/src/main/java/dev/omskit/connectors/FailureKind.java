package dev.omskit.connectors;

/**
 * Why a call to a remote system failed, which decides what the resilience layer and the sync engine do
 * with it: retry now, retry later, or park the work for a person.
 */
public enum FailureKind {
    /** A transient failure (a 5xx, a connection reset, a dropped response): retried with backoff. */
    RETRYABLE(true),
    /** The call did not answer in time: retried with backoff. */
    TIMEOUT(true),
    /** The provider asks us to slow down, possibly saying for how long: retried after that. */
    RATE_LIMITED(true),
    /** The provider refused the request as such (bad data, a rule): retrying the same call fails again. */
    NOT_RETRYABLE(false),
    /** The credentials were refused or expired: nothing succeeds until someone fixes them. */
    AUTHENTICATION_FAILED(false),
    /** The circuit breaker is open after repeated failures: not attempted; try again later. */
    CIRCUIT_OPEN(false),
    /** Too many calls to this provider are in flight already: not attempted; try again later. */
    BULKHEAD_FULL(false);

    private final boolean retriedInCall;

    FailureKind(boolean retriedInCall) {
        this.retriedInCall = retriedInCall;
    }

    /** Whether the resilience layer retries it within the same call. */
    public boolean retriedInCall() {
        return retriedInCall;
    }

    /**
     * Whether the same work may succeed later without anyone changing it (everything but {@link
     * #NOT_RETRYABLE} and {@link #AUTHENTICATION_FAILED}); the sync engine re-queues such work and parks
     * the rest.
     */
    public boolean mayPassLater() {
        return this != NOT_RETRYABLE && this != AUTHENTICATION_FAILED;
    }
}
