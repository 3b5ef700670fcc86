package dev.omskit.core.internal;

import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * What deciding a command produced: the events and the order they lead to, or a rejection.
 *
 * @param next the order after the events (absent when rejected)
 * @param events the new events (empty when rejected)
 * @param rejection why the command was refused
 */
public record Decision(Optional<Order> next, List<OrderEvent> events, Optional<Rejection> rejection) {
    public Decision {
        events = List.copyOf(events);
    }

    public static Decision accepted(Order next, List<OrderEvent> events) {
        return new Decision(Optional.of(next), events, Optional.empty());
    }

    public static Decision rejected(Rejection rejection) {
        return new Decision(Optional.empty(), List.of(), Optional.of(rejection));
    }

    public static Decision rejected(String code, String message) {
        return rejected(Rejection.of(code, message));
    }

    public boolean isRejected() {
        return rejection.isPresent();
    }
}
