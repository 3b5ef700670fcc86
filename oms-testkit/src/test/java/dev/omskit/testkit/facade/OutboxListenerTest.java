package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.OmsConfig;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.event.OrderEventListener;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox and listeners (R-05, R-82)")
class OutboxListenerTest {

    /** Handles events unless it is down; while down it fails on the third event it would handle. */
    private static final class FlakyListener implements OrderEventListener {
        final List<String> handled = new ArrayList<>();
        int failures;
        boolean down = true;

        @Override
        public void on(OrderEvent event) {
            if (down && handled.size() == 2) {
                failures++;
                throw new IllegalStateException("downstream unavailable");
            }
            handled.add(event.header().eventId());
        }
    }

    private static List<String> ids(List<OrderEvent> trail) {
        return trail.stream().map(e -> e.header().eventId()).toList();
    }

    @Nested
    @DisplayName("a healthy listener, delivered after every commit")
    class Healthy {
        private final Harness h = Harness.create();

        @Test
        void listener_receivesEveryEventOnceInCommitOrder() {
            Order a = h.capture();
            Order b = h.capture();
            a = h.transition(a, OrderTriggers.ALLOCATE);
            b = h.placeHold(b, HoldType.FRAUD);
            a = h.transition(a, OrderTriggers.RELEASE);

            assertThat(h.deliveredIds())
                    .containsExactly(a.id() + "/1", b.id() + "/1", a.id() + "/2", b.id() + "/2", a.id() + "/3")
                    .doesNotHaveDuplicates();
            assertThat(h.storage.pendingOutboxSize()).isZero();
            assertThat(h.delivered).extracting(OrderEvent::header).allSatisfy(header -> assertThat(header.tenant())
                    .isEqualTo(OrderFixtures.TENANT));
        }
    }

    @Nested
    @DisplayName("a listener that fails on the third event")
    class FailingListener {
        private final FlakyListener flaky = new FlakyListener();
        private final Harness h = Harness.create(b -> b.listener(flaky));

        @Test
        void listenerFailure_leavesEventPendingAndRedeliversItWithLaterEventsInOrder() {
            Order a = h.capture();
            a = h.transition(a, OrderTriggers.ALLOCATE);

            Order held = h.placeHold(a, HoldType.MANUAL);
            Order b = h.capture();
            Order released = h.releaseHold(held, HoldType.MANUAL);

            assertThat(held).isOnHold(HoldType.MANUAL);
            assertThat(h.reload(released)).hasVersion(4);
            assertThat(flaky.handled).containsExactly(a.id() + "/1", a.id() + "/2");
            assertThat(flaky.failures).isGreaterThanOrEqualTo(1);
            assertThat(h.storage.pendingOutboxSize()).isEqualTo(3);

            flaky.down = false;
            int delivered = h.oms.deliverEvents();

            assertThat(delivered).isEqualTo(3);
            List<String> expected = Stream.concat(ids(h.trail(a)).stream(), ids(h.trail(b)).stream())
                    .toList();
            assertThat(flaky.handled)
                    .containsExactlyInAnyOrderElementsOf(expected)
                    .containsSubsequence(ids(h.trail(a)))
                    .containsSubsequence(ids(h.trail(b)))
                    .startsWith(a.id() + "/1", a.id() + "/2", a.id() + "/3");
            assertThat(h.storage.pendingOutboxSize()).isZero();
            assertThat(h.oms.deliverEvents()).isZero();
        }

        @Test
        void listenerFailure_doesNotFailTheCommand() {
            Order a = h.transition(h.capture(), OrderTriggers.ALLOCATE);

            Order held = h.placeHold(a, HoldType.FRAUD);

            assertThat(h.reload(held)).isOnHold(HoldType.FRAUD).hasVersion(3);
            assertThat(h.trail(held)).hasSize(3);
        }
    }

    @Nested
    @DisplayName("delivery after commit switched off")
    class DeferredDelivery {
        private final Harness h = Harness.create(b ->
                b.config(OmsConfig.builder().deliverEventsAfterCommit(false).build()));

        @Test
        void commands_withoutDeliverAfterCommit_deliverNothingUntilDeliverEvents() {
            Order a = h.transition(h.capture(), OrderTriggers.ALLOCATE);
            Order b = h.capture();

            assertThat(h.delivered).isEmpty();
            assertThat(h.storage.pendingOutboxSize()).isEqualTo(3);

            assertThat(h.oms.deliverEvents()).isEqualTo(3);

            assertThat(h.deliveredIds()).containsExactly(a.id() + "/1", a.id() + "/2", b.id() + "/1");
            assertThat(h.storage.pendingOutboxSize()).isZero();
            assertThat(h.oms.deliverEvents()).isZero();
            assertThat(h.delivered).hasSize(3);
        }
    }
}
