package dev.omskit.testkit.connectors;

import dev.omskit.connectors.notify.NotificationSender;
import dev.omskit.testkit.tck.NotificationSenderConformanceKit;

/** The fake notification sender keeps the notifier SPI contract. */
class FakeNotificationSenderConformanceTest extends NotificationSenderConformanceKit {
    @Override
    protected NotificationSender create() {
        return new FakeNotificationSender();
    }

    @Override
    protected int delivered(NotificationSender sender, String notificationId) {
        return (int) ((FakeNotificationSender) sender)
                .sent().stream()
                        .filter(s -> s.notification().id().equals(notificationId))
                        .count();
    }
}
