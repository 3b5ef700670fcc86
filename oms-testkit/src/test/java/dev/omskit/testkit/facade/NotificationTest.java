package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.notify.CustomerNotification;
import dev.omskit.core.notify.NotificationRules;
import dev.omskit.core.notify.NotificationType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Customers hear about the changes they see (R-45)")
class NotificationTest {
    private final List<CustomerNotification> sent = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("capture, shipping and delivery are told; allocation and release are internal")
    void customerVisibleChanges_areTold() {
        Harness h = Harness.create(b -> b.notifier(sent::add, NotificationRules.orderDefaults()));
        Order order = h.capture();
        for (var trigger :
                List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP, OrderTriggers.DELIVER)) {
            order = h.transition(order, trigger);
        }

        assertThat(sent)
                .extracting(CustomerNotification::type)
                .containsExactly(
                        NotificationType.ORDER_CONFIRMED,
                        NotificationType.ORDER_SHIPPED,
                        NotificationType.ORDER_DELIVERED);
        CustomerNotification shipped = sent.get(1);
        assertThat(shipped.orderId()).isEqualTo(order.id());
        assertThat(shipped.channelOrderId()).isEqualTo(order.channelOrderId());
        assertThat(shipped.data()).containsEntry("units", "2").containsEntry("status", "SHIPPED");
        assertThat(shipped.id()).isEqualTo(order.id() + "/4");
        assertThat(shipped.buyer().email()).contains("an@example.com");
    }

    @Test
    @DisplayName("the buyer's contact details never reach toString")
    void toString_redactsTheBuyer() {
        Harness h = Harness.create(b -> b.notifier(sent::add, NotificationRules.orderDefaults()));
        h.capture();

        assertThat(sent.get(0).toString())
                .doesNotContain("an@example.com")
                .doesNotContain("Nguyen Van An")
                .contains("ORDER_CONFIRMED");
    }

    @Test
    @DisplayName("a cancellation is told with its reason; a silenced rule tells nothing")
    void rules_canBeChanged() {
        NotificationRules rules = NotificationRules.orderDefaults().without("order", OrderTriggers.SHIP);
        Harness h = Harness.create(b -> b.notifier(sent::add, rules));
        Order order = h.capture();
        h.oms.cancel(OrderFixtures.cancelAll(order.tenant(), order.id(), "out of budget"));

        assertThat(sent)
                .extracting(CustomerNotification::type)
                .containsExactly(NotificationType.ORDER_CONFIRMED, NotificationType.ORDER_CANCELLED);
        assertThat(sent.get(1).data()).containsEntry("reason", "out of budget");
        assertThat(rules.tells("order", OrderTriggers.SHIP)).isFalse();
        assertThat(rules.tells("order", OrderTriggers.CANCEL)).isTrue();
    }

    @Test
    @DisplayName("a notifier that fails leaves the event in the outbox; it is sent on the next round")
    void failingNotifier_isRetried() {
        AtomicInteger failures = new AtomicInteger(1);
        Harness h = Harness.create(b -> b.notifier(
                n -> {
                    if (failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("SMS gateway down");
                    }
                    sent.add(n);
                },
                NotificationRules.orderDefaults()));
        h.capture();
        assertThat(sent).isEmpty();
        assertThat(h.storage.pendingOutboxSize()).isEqualTo(1);

        h.oms.deliverEvents();

        assertThat(sent).extracting(CustomerNotification::type).containsExactly(NotificationType.ORDER_CONFIRMED);
        assertThat(h.storage.pendingOutboxSize()).isZero();
    }
}
