package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.notify.NotificationSender;
import dev.omskit.core.notify.CustomerNotification;
import dev.omskit.core.support.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A notification sender in memory: a notification goes by e-mail when the buyer has an address and the
 * sender declares {@code EMAIL}, else by SMS when the buyer has a phone and {@code SMS} is declared, else
 * it is refused {@code NOT_RETRYABLE}. Each notification id is sent once; repeats are counted. Scriptable
 * through {@link #script()}. Thread-safe.
 */
public final class FakeNotificationSender implements NotificationSender {
    /**
     * A message the fake sent.
     *
     * @param notification what was sent
     * @param via {@code EMAIL} or {@code SMS}
     */
    public record Sent(CustomerNotification notification, Capability via) {}

    private final String id;
    private final Set<Capability> capabilities;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    private final FakeScript script;

    /** A fake with id {@code fake-notifier} sending e-mail and SMS. */
    public FakeNotificationSender() {
        this("fake-notifier", Set.of(EMAIL, SMS));
    }

    public FakeNotificationSender(String id, Set<Capability> capabilities) {
        this.id = Checks.id("id", id);
        this.capabilities = Set.copyOf(capabilities);
        this.script = new FakeScript(id);
    }

    /** The scripted behaviour and the record of calls. */
    public FakeScript script() {
        return script;
    }

    /** What was sent, first sending of each notification, oldest first. */
    public List<Sent> sent() {
        synchronized (order) {
            return order.stream().map(sent::get).toList();
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void send(CustomerNotification notification) {
        Checks.notNull("notification", notification);
        script.enter("send", notification.id());
        Capability via;
        if (notification.buyer().email().isPresent() && can(EMAIL)) {
            via = EMAIL;
        } else if (notification.buyer().phone().isPresent() && can(SMS)) {
            via = SMS;
        } else {
            throw ConnectorException.notRetryable(
                    id,
                    "send",
                    "no way to reach the buyer of order " + notification.orderId() + " with " + capabilities);
        }
        Capability chosen = via;
        if (sent.putIfAbsent(notification.id(), new Sent(notification, chosen)) == null) {
            order.add(notification.id());
        }
    }
}
