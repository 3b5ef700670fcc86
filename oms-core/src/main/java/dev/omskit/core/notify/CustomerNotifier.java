package dev.omskit.core.notify;

/**
 * Tells customers what happened to their orders: the seam for e-mail, SMS or chat connectors.
 *
 * @implSpec Called from the outbox relay, at least once per notification, in commit order per order: a
 *     notifier must drop repeats by {@link CustomerNotification#id()}. Throwing means "not sent, try
 *     again": the event stays in the outbox and is delivered again on the next round. Never log the
 *     buyer's contact details.
 */
@FunctionalInterface
public interface CustomerNotifier {
    /** Sends one notification. */
    void send(CustomerNotification notification);
}
