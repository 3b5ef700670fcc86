package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Metrics")
class MetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Harness h = Harness.create(b -> b.meterRegistry(registry));

    private double captured(String channel) {
        return registry.get("omskit.orders.captured")
                .tag("channel", channel)
                .counter()
                .count();
    }

    private double commands(String command, String outcome) {
        return registry.get("omskit.commands")
                .tag("command", command)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Nested
    @DisplayName("orders captured from two channels")
    class Captures {
        @Test
        void capture_countsOrdersByChannelButNotDuplicates() {
            CaptureOrder web = OrderFixtures.capture().build();
            h.oms.capture(web);
            h.oms.capture(web);
            h.capture();
            h.capture(b -> b.channel(OrderFixtures.SHOPEE).actor(Actor.channel(OrderFixtures.SHOPEE.id())));

            assertThat(captured("web")).isEqualTo(2.0);
            assertThat(captured("shopee-vn")).isEqualTo(1.0);
            assertThat(registry.get("omskit.orders.captured")
                            .tag("channel", "shopee-vn")
                            .counter()
                            .getId()
                            .getTag("channel.kind"))
                    .isEqualTo("MARKETPLACE");
            assertThat(commands("CaptureOrder", "ok")).isEqualTo(3.0);
            assertThat(commands("CaptureOrder", "duplicate")).isEqualTo(1.0);
        }
    }

    @Nested
    @DisplayName("commands with each outcome")
    class Outcomes {
        @Test
        void commands_countOkRejectedAndInvalidOutcomes() {
            Order order = h.capture();
            h.transition(order, OrderTriggers.ALLOCATE);
            assertThatThrownBy(() -> h.transition(order, OrderTriggers.SHIP))
                    .isInstanceOf(OrderRejectedException.class);
            assertThatThrownBy(() -> h.transition(order, OrderTriggers.DELIVER))
                    .isInstanceOf(OrderRejectedException.class);
            assertThatThrownBy(() -> h.capture(b -> b.lines(List.of(OrderFixtures.line("SKU-1", 0, 1)))))
                    .isInstanceOf(InvalidArgumentException.class);
            CancelOrder noReason = CancelOrder.builder()
                    .from(OrderFixtures.cancelAll(order.tenant(), order.id(), "x"))
                    .reason("")
                    .build();
            assertThatThrownBy(() -> h.oms.cancel(noReason)).isInstanceOf(InvalidArgumentException.class);

            assertThat(commands("CaptureOrder", "ok")).isEqualTo(1.0);
            assertThat(commands("TransitionOrder", "ok")).isEqualTo(1.0);
            assertThat(commands("TransitionOrder", "rejected")).isEqualTo(2.0);
            assertThat(commands("CaptureOrder", "invalid")).isEqualTo(1.0);
            assertThat(commands("CancelOrder", "invalid")).isEqualTo(1.0);
        }
    }
}
