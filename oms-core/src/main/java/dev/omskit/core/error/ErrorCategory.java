package dev.omskit.core.error;

/**
 * The broad kind of an {@link OmsException}, chosen so that a host can map every error of the library
 * to a transport status without knowing each exception type.
 *
 * <p>Suggested mappings: {@code INVALID_ARGUMENT} to HTTP 400 / gRPC INVALID_ARGUMENT, {@code
 * NOT_FOUND} to 404, {@code PERMISSION_DENIED} to 403, {@code CONFLICT} to 409 / ABORTED, {@code
 * FAILED_PRECONDITION} to 422 / FAILED_PRECONDITION, {@code UNAVAILABLE} to 503, {@code INTERNAL} to
 * 500.
 */
public enum ErrorCategory {
    /** The caller sent something malformed; retrying the same input fails again. */
    INVALID_ARGUMENT,
    /** The addressed order (or other aggregate) does not exist for the caller's tenant. */
    NOT_FOUND,
    /** The actor may not act on the addressed aggregate (for example another customer's order). */
    PERMISSION_DENIED,
    /** A concurrent change or a reused key clashed with this request; re-reading may resolve it. */
    CONFLICT,
    /** The request is well formed but the current state refuses it (an illegal transition). */
    FAILED_PRECONDITION,
    /** A dependency (storage, a remote system) is not reachable now; retrying later may succeed. */
    UNAVAILABLE,
    /** A bug or a broken invariant inside the library or a plugged-in implementation. */
    INTERNAL
}
