package dev.omskit.connectors.webhook;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.support.Checks;

/**
 * A webhook was refused before anything happened: its signature did not verify, it was too old (a
 * replay), or its payload could not be parsed. The host answers the sender with an error status and
 * nothing else is done. The message names the reason, never the secret or the expected signature.
 */
public class WebhookRejectedException extends OmsException {
    /** Why a webhook was refused. */
    public enum Reason {
        /** No signature, or one that does not match the body and the shared secret. */
        BAD_SIGNATURE,
        /** Signed too long ago (or in the future): a possible replay. */
        STALE,
        /** Verified, but the payload is not what the provider's format says. */
        MALFORMED
    }

    private final String connector;
    private final Reason reason;

    public WebhookRejectedException(String connector, Reason reason, String message) {
        super(ErrorCategory.INVALID_ARGUMENT, connector + " webhook rejected (" + reason + "): " + message);
        this.connector = Checks.notNull("connector", connector);
        this.reason = Checks.notNull("reason", reason);
    }

    public String connector() {
        return connector;
    }

    public Reason reason() {
        return reason;
    }
}
