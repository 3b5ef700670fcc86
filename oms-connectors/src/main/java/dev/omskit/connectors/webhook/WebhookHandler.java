package dev.omskit.connectors.webhook;

/**
 * Turns a webhook into a typed event, verify-then-parse: the signature (and freshness) is checked on the
 * raw request first, and only a verified request is parsed.
 *
 * @param <E> the parsed event type, e.g. a channel order notification or a tracking update
 * @implSpec {@link #verify} must not parse the body beyond what the signature scheme needs, and throws
 *     {@link WebhookRejectedException} ({@code BAD_SIGNATURE} or {@code STALE}) when the request is not
 *     authentic. {@link #parse} is only called on a verified request and throws {@code MALFORMED} for a
 *     payload it cannot map. Neither has side effects; comparisons of signatures are constant-time.
 */
public interface WebhookHandler<E> {
    /** Checks that the request is authentic; throws otherwise. */
    void verify(WebhookRequest request);

    /** Maps a verified request to its event. */
    E parse(WebhookRequest request);

    /** {@link #verify}, then {@link #parse}: the only way the sync engine reads a webhook. */
    default E accept(WebhookRequest request) {
        verify(request);
        return parse(request);
    }
}
