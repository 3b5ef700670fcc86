package dev.omskit.connectors.notify;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.core.notify.CustomerNotification;
import dev.omskit.core.notify.CustomerNotifier;

/**
 * Sends customer notifications by e-mail, SMS or chat (Zalo, Messenger ...): the connector side of
 * core's {@link CustomerNotifier}, so an instance can be given to {@code Oms.Builder.notifier} directly
 * (through the resilience layer in production).
 *
 * @implSpec Thread-safe. Sending is idempotent by {@link CustomerNotification#id()}: the outbox delivers
 *     at least once, and a repeat must not reach the customer twice. A notification it cannot address
 *     (no e-mail for an e-mail sender, a phone number the provider refuses) is {@code NOT_RETRYABLE}. The
 *     buyer's contact details never reach logs or exception messages.
 */
public interface NotificationSender extends Connector, CustomerNotifier {
    /** Sends e-mail. */
    Capability EMAIL = Capability.of("EMAIL");
    /** Sends SMS. */
    Capability SMS = Capability.of("SMS");
    /** Sends chat messages. */
    Capability CHAT = Capability.of("CHAT");

    @Override
    default ConnectorKind kind() {
        return ConnectorKind.NOTIFIER;
    }
}
