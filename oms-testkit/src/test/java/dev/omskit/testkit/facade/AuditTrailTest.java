package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.internal.OrderEvolver;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.OrderFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Audit trail (R-15)")
class AuditTrailTest {
    private final Harness h = Harness.create();

    @Nested
    @DisplayName("an order taken through capture, hold, edit, payment, partial cancel, release, ship, deliver")
    class FullJourney {
        private final List<Instant> times = new ArrayList<>();
        private final List<Actor> actors = new ArrayList<>();
        private Order order;

        private Instant tick() {
            Instant now = h.clock.advance(Duration.ofMinutes(10));
            times.add(now);
            return now;
        }

        @BeforeEach
        void runJourney() {
            Actor linh = Actor.agent("linh");
            Actor gateway = Actor.system("payment-gateway");
            tick();
            actors.add(Actor.channel(OrderFixtures.WEB.id()));
            order = h.capture(b -> b.paymentStatus(Optional.empty())
                    .lines(List.of(OrderFixtures.line("SKU-1", 3, 100_000), OrderFixtures.line("SKU-2", 1, 5_000))));
            tick();
            actors.add(Actor.agent("agent-1"));
            order = h.placeHold(order, HoldType.ADDRESS);
            tick();
            actors.add(linh);
            order = h.oms.edit(EditOrder.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(linh)
                    .putChangeQuantities(LineId.of("L1"), 4L)
                    .build());
            tick();
            actors.add(Actor.agent("agent-1"));
            order = h.releaseHold(order, HoldType.ADDRESS);
            tick();
            actors.add(gateway);
            order = h.oms.recordPayment(RecordPayment.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(gateway)
                    .trigger(PaymentStates.CAPTURE)
                    .amount(order.totals().total())
                    .build());
            tick();
            actors.add(linh);
            order = h.oms.cancel(CancelOrder.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(linh)
                    .reason("SKU-2 discontinued")
                    .putLines(LineId.of("L2"), 1)
                    .build());
            for (var trigger : List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE)) {
                tick();
                actors.add(Actor.system("test"));
                order = h.transition(order, trigger);
            }
            tick();
            actors.add(Actor.system("test"));
            order = h.oms.transition(OrderFixtures.transition(order, OrderTriggers.SHIP, "L1", 1));
            for (var trigger : List.of(OrderTriggers.SHIP, OrderTriggers.DELIVER)) {
                tick();
                actors.add(Actor.system("test"));
                order = h.transition(order, trigger);
            }
        }

        @Test
        void auditTrail_everyEntry_hasActorTimeAndStatusBeforeAndAfter() {
            List<AuditEntry> audit = h.oms.auditTrail(order.tenant(), order.id());

            assertThat(audit).hasSize(11).hasSize((int) order.version());
            assertThat(audit).extracting(AuditEntry::actor).containsExactlyElementsOf(actors);
            assertThat(audit).extracting(AuditEntry::at).containsExactlyElementsOf(times);
            assertThat(audit)
                    .extracting(AuditEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
            assertThat(audit.get(0).from()).isEmpty();
            for (int i = 1; i < audit.size(); i++) {
                assertThat(audit.get(i).from())
                        .as("entry %s starts where %s ended", i + 1, i)
                        .contains(audit.get(i - 1).to());
            }
            assertThat(audit).allSatisfy(e -> assertThat(e.what()).isNotBlank());
            assertThat(audit)
                    .extracting(e -> e.to().toString())
                    .containsExactly(
                            "CREATED",
                            "CREATED",
                            "CREATED",
                            "CREATED",
                            "CREATED",
                            "CREATED",
                            "ALLOCATED",
                            "RELEASED",
                            "PARTIALLY_SHIPPED",
                            "SHIPPED",
                            "DELIVERED");
            assertThat(audit.get(audit.size() - 1).to()).isEqualTo(OrderStatus.parse("DELIVERED"));
        }

        @Test
        void replay_ofStoredEvents_equalsStoredOrder() {
            List<OrderEvent> events = h.oms.events(order.tenant(), order.id());

            Order replayed = new OrderEvolver(h.oms.lifecycle(order.tenant())).replay(events);

            assertThat(replayed).isEqualTo(h.reload(order)).isEqualTo(order);
            assertThat(replayed).hasStatus("DELIVERED").hasVersion(11);
        }

        @Test
        void replay_ofEveryPrefix_equalsTheOrderAfterThatEvent() {
            List<OrderEvent> events = h.oms.events(order.tenant(), order.id());
            OrderEvolver evolver = new OrderEvolver(h.oms.lifecycle(order.tenant()));

            for (int n = 1; n <= events.size(); n++) {
                Order prefix = evolver.replay(events.subList(0, n));
                assertThat(prefix).hasVersion(n);
                assertThat(prefix.status()).isEqualTo(events.get(n - 1).header().toStatus());
                assertThat(prefix.updatedAt()).isEqualTo(times.get(n - 1));
            }
        }
    }
}
