package dev.omskit.connectors.fulfilment;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.webhook.WebhookHandler;
import java.util.List;

/**
 * A location that fulfils for us through its own system: a WMS, a 3PL, a dropship vendor. We release a
 * core fulfilment request to it, may cancel it while it is not packed, and learn what it did from its
 * confirmations (accepted, rejected, picked with short picks, packed, shipped with parcels and tracking),
 * polled with a cursor or pushed as signed webhooks.
 *
 * @implSpec Thread-safe.
 *     <p><b>Idempotency.</b> {@link #release} is keyed by our request id ({@link
 *     FulfilmentRelease#requestId()}), sent to the provider as its idempotency key / external reference:
 *     releasing an id again returns the first {@link ReleaseAnswer} and creates no second job, whatever the
 *     content the second time. {@link #cancel} of a request already cancelled answers {@code cancelled}
 *     again. {@link #confirmations} has no effect: asking again with the same cursor returns the same
 *     confirmations (more may have been added at the end). Each confirmation carries the provider's event
 *     id; the same event may arrive more than once (a poll and a webhook, a webhook resent) and in any
 *     order, and its mapped core commands carry an idempotency key derived from that id, so applying it
 *     twice has one effect.
 *     <p><b>Rules.</b> An accepted release is also reported as an {@link FulfilmentConfirmation.Accepted}
 *     confirmation; a rejected one is not reported again. A request is cancellable until it is packed:
 *     afterwards {@link #cancel} answers {@link CancelAnswer#refused} with the provider's reason (a value,
 *     not an exception: it is an expected outcome). Polled confirmations come in the order the location did
 *     the work; webhooks may arrive in any order and more than once, so the engine applies a request's
 *     confirmations in their lifecycle order and skips event ids it has applied.
 *     <p><b>Failures</b> are {@code ConnectorException}s: content the provider refuses as such (unknown
 *     SKU or location code, malformed address) and an unknown request id are {@code NOT_RETRYABLE} with the
 *     provider's reason; refused credentials {@code AUTHENTICATION_FAILED}; throttling {@code RATE_LIMITED};
 *     5xx, resets and unparseable answers {@code RETRYABLE}; no answer in time {@code TIMEOUT}. Calling an
 *     operation whose capability is not declared fails {@code NOT_RETRYABLE} ({@link Connector#require}),
 *     also {@link #confirmationsWebhook()} without {@link #CONFIRMATIONS_WEBHOOK} (getting the handler
 *     makes no remote call). Webhooks are verified before they are parsed ({@link WebhookHandler}): a bad
 *     or missing signature is {@code BAD_SIGNATURE}, an old one {@code STALE}, an unmappable body {@code
 *     MALFORMED}. Messages never carry credentials, secrets or the ship-to address.
 */
public interface FulfilmentService extends Connector {
    /** {@link #release}: hand a fulfilment request to the location. */
    Capability RELEASE = Capability.of("RELEASE");
    /** {@link #cancel}: withdraw a released request not yet packed. */
    Capability CANCEL = Capability.of("CANCEL");
    /** {@link #confirmations}: poll the location's confirmations since a cursor. */
    Capability CONFIRMATIONS_POLL = Capability.of("CONFIRMATIONS_POLL");
    /** {@link #confirmationsWebhook()}: the location pushes its confirmations as signed webhooks. */
    Capability CONFIRMATIONS_WEBHOOK = Capability.of("CONFIRMATIONS_WEBHOOK");

    /** Always {@link ConnectorKind#FULFILMENT}. */
    @Override
    default ConnectorKind kind() {
        return ConnectorKind.FULFILMENT;
    }

    /** Hands a request to the location; idempotent by {@link FulfilmentRelease#requestId()}. */
    ReleaseAnswer release(FulfilmentRelease release);

    /** Withdraws a released request; refused (as a value) once it is packed or shipped. */
    CancelAnswer cancel(FulfilmentCancellation cancellation);

    /** The confirmations after {@code query}'s cursor, oldest first, at most its limit. */
    ConfirmationPage confirmations(ConfirmationsQuery query);

    /** The verify-then-parse handler of the location's confirmation webhooks. */
    WebhookHandler<List<FulfilmentConfirmation>> confirmationsWebhook();
}
