package dev.omskit.connectors.webhook;

import dev.omskit.core.support.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook as it arrived, before anything trusts it: headers (looked up case-insensitively), the raw
 * body bytes (signatures are computed over them, so they are kept exactly), and when it was received.
 * {@code toString} prints no header values and no body: they carry signatures and personal data.
 *
 * @param headers the HTTP headers
 * @param body the raw body
 * @param receivedAt when it arrived
 */
public record WebhookRequest(Map<String, String> headers, byte[] body, Instant receivedAt) {
    public WebhookRequest {
        Checks.notNull("headers", headers);
        Checks.notNull("body", body);
        Checks.notNull("receivedAt", receivedAt);
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body.clone();
    }

    /** The header, whatever its case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest w
                && w.headers.equals(headers)
                && java.util.Arrays.equals(w.body, body)
                && w.receivedAt.equals(receivedAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(headers, java.util.Arrays.hashCode(body), receivedAt);
    }

    @Override
    public String toString() {
        return "WebhookRequest[headers=" + headers.keySet() + ", " + body.length + " bytes, received " + receivedAt
                + "]";
    }
}
