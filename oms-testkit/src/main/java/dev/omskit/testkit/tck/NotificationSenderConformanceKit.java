package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.notify.NotificationSender;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.notify.CustomerNotification;
import dev.omskit.core.notify.NotificationType;
import dev.omskit.testkit.OrderFixtures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of {@link NotificationSender}: it declares at least one of e-mail, SMS or chat; a
 * notification sent twice reaches the customer once; one it cannot address is {@code NOT_RETRYABLE}
 * without the buyer's contact details in the message. Extend it with {@link #create()} and {@link
 * #delivered}, which tells how many times the provider's double delivered a notification.
 */
public abstract class NotificationSenderConformanceKit {
    /** A fresh connector for each test. */
    protected abstract NotificationSender create();

    /** How many messages the provider (its double) delivered for the notification with this id. */
    protected abstract int delivered(NotificationSender sender, String notificationId);

    private static CustomerNotification notification(String id, Buyer buyer) {
        return new CustomerNotification(
                id,
                OrderFixtures.TENANT,
                OrderId.of("o-1"),
                "W-1",
                OrderFixtures.WEB.id(),
                Optional.empty(),
                buyer,
                NotificationType.ORDER_SHIPPED,
                Instant.parse("2026-12-02T00:00:00Z"),
                "handed over to GHN",
                Map.of("references", "GHN:T-1"));
    }

    @Test
    @DisplayName("it is a NOTIFIER declaring e-mail, SMS or chat")
    void declaresAChannel() {
        NotificationSender sender = create();
        assertThat(sender.kind()).isEqualTo(ConnectorKind.NOTIFIER);
        assertThat(sender.capabilities())
                .containsAnyOf(NotificationSender.EMAIL, NotificationSender.SMS, NotificationSender.CHAT);
    }

    @Test
    @DisplayName("a notification delivered twice by the outbox reaches the customer once")
    void repeat_isSentOnce() {
        NotificationSender sender = create();
        Buyer buyer = Buyer.builder()
                .name("Nguyen Van An")
                .email("an@example.com")
                .phone("0901234567")
                .build();
        sender.send(notification("o-1/4", buyer));
        sender.send(notification("o-1/4", buyer));

        assertThat(delivered(sender, "o-1/4")).isEqualTo(1);
    }

    @Test
    @DisplayName("a buyer it cannot reach is NOT_RETRYABLE, and the message names no contact detail")
    void unreachable_isNotRetryable() {
        NotificationSender sender = create();
        CustomerNotification nobody = notification("o-1/5", Buyer.named("Tran Thi Binh"));

        assertThatThrownBy(() -> sender.send(nobody))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE))
                .message()
                .doesNotContain("Tran Thi Binh");
        assertThat(delivered(sender, "o-1/5")).isZero();
    }
}
