package dev.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.testkit.OrderFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {
    @Test
    void run_capturesAndAllocates_andNotifiesEveryEvent() {
        List<OrderEvent> notified = new ArrayList<>();

        List<AuditEntry> trail = QuickStart.run(notified::add, OrderFixtures.address());

        assertThat(trail).extracting(e -> e.to().toString()).containsExactly("CREATED", "ALLOCATED");
        assertThat(notified).hasSize(2);
    }
}
