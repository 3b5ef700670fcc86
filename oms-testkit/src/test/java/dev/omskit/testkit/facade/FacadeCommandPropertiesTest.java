package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.internal.OrderEvolver;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.OrderFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of facade commands on three orders, from one thread: whatever is accepted or refused,
 * every line's units add up to what was ordered, refused commands change nothing, and the trail rebuilds
 * the stored order.
 */
@Label("Facade command sequences")
class FacadeCommandPropertiesTest {
    private static final Actor ACTOR = Actor.agent("prop");

    enum Kind {
        ALLOCATE,
        BACKORDER,
        DEALLOCATE,
        RELEASE,
        SHIP,
        DELIVER,
        RETURN,
        CANCEL,
        HOLD,
        UNHOLD,
        EDIT_QUANTITY,
        ADD_LINE,
        PAY
    }

    /** One command: which order, what, which line (L1..L3, L3 often absent) and how many units (0: all). */
    record Step(int order, Kind kind, int line, int units) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 3))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    @Label("any command sequence keeps quantities conserved and refusals side-effect free")
    void anySequence_keepsQuantitiesConservedAndRefusalsSideEffectFree(@ForAll("steps") List<Step> steps) {
        Harness h = Harness.create();
        List<Order> orders = List.of(
                h.capture(b -> b.lines(
                        List.of(OrderFixtures.line("SKU-1", 3, 100_000), OrderFixtures.line("SKU-2", 1, 50_000)))),
                h.capture(b -> b.paymentStatus(Optional.empty())),
                h.capture(b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                        .paymentStatus(Optional.empty())
                        .lines(List.of(
                                OrderFixtures.line("SKU-3", 1, 10_000), OrderFixtures.line("SKU-4", 2, 20_000)))));
        Map<OrderId, Map<LineId, Integer>> ordered = new HashMap<>();
        for (Order o : orders) {
            Map<LineId, Integer> lines = new HashMap<>();
            o.lines().forEach(l -> lines.put(l.id(), l.ordered()));
            ordered.put(o.id(), lines);
        }

        for (Step step : steps) {
            Order before = h.reload(orders.get(step.order()));
            int trailBefore = h.trail(before).size();
            try {
                Order after = apply(h, before, step);
                assertThat(after.version()).as("%s", step).isGreaterThan(before.version());
                assertThat(h.reload(before)).isEqualTo(after);
                track(ordered.get(before.id()), before, after, step);
            } catch (OrderRejectedException | InvalidArgumentException refused) {
                assertThat(h.reload(before)).as("order after refused %s", step).isEqualTo(before);
                assertThat(h.trail(before)).as("trail after refused %s", step).hasSize(trailBefore);
            }
            assertConsistent(h, h.reload(before), ordered.get(before.id()));
        }

        long events = orders.stream().mapToLong(o -> h.reload(o).version()).sum();
        assertThat(h.storage.pendingOutboxSize()).isZero();
        assertThat(h.delivered).hasSize((int) events);
    }

    private static Order apply(Harness h, Order order, Step step) {
        LineId line = LineId.of("L" + step.line());
        return switch (step.kind()) {
            case ALLOCATE -> h.oms.transition(transition(order, OrderTriggers.ALLOCATE, line, step.units()));
            case BACKORDER -> h.oms.transition(transition(order, OrderTriggers.BACKORDER, line, step.units()));
            case DEALLOCATE -> h.oms.transition(transition(order, OrderTriggers.DEALLOCATE, line, step.units()));
            case RELEASE -> h.oms.transition(transition(order, OrderTriggers.RELEASE, line, step.units()));
            case SHIP -> h.oms.transition(transition(order, OrderTriggers.SHIP, line, step.units()));
            case DELIVER -> h.oms.transition(transition(order, OrderTriggers.DELIVER, line, step.units()));
            case RETURN -> h.oms.transition(transition(order, OrderTriggers.RETURN, line, step.units()));
            case CANCEL -> {
                CancelOrder.Builder cancel = CancelOrder.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .actor(ACTOR)
                        .reason("property");
                if (step.units() > 0) {
                    cancel.putLines(line, step.units());
                }
                yield h.oms.cancel(cancel.build());
            }
            case HOLD -> h.placeHold(order, HoldType.MANUAL);
            case UNHOLD -> h.releaseHold(order, HoldType.MANUAL);
            case EDIT_QUANTITY -> h.oms.edit(
                    edit(order).putChangeQuantities(line, (long) step.units()).build());
            case ADD_LINE -> h.oms.edit(edit(order)
                    .addAddLines(OrderFixtures.line("SKU-X" + step.line(), Math.max(1, step.units()), 1_000))
                    .build());
            case PAY -> h.oms.recordPayment(RecordPayment.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(ACTOR)
                    .trigger(step.units() % 2 == 0 ? PaymentStates.CAPTURE : PaymentStates.COLLECT_COD)
                    .build());
        };
    }

    private static TransitionOrder transition(Order order, Trigger trigger, LineId line, int units) {
        TransitionOrder.Builder b = TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(ACTOR)
                .trigger(trigger);
        if (units > 0) {
            b.putLines(line, units);
        }
        return b.build();
    }

    private static EditOrder.Builder edit(Order order) {
        return EditOrder.builder().tenant(order.tenant()).orderId(order.id()).actor(ACTOR);
    }

    /** Updates the model of ordered units per line after an accepted command. */
    private static void track(Map<LineId, Integer> model, Order before, Order after, Step step) {
        if (step.kind() == Kind.EDIT_QUANTITY) {
            LineId id = LineId.of("L" + step.line());
            OrderLine old = before.line(id).orElseThrow();
            model.put(id, old.ordered() - old.charged() + step.units());
        } else if (step.kind() == Kind.ADD_LINE) {
            for (OrderLine line : after.lines()) {
                if (before.line(line.id()).isEmpty()) {
                    assertThat(line.ordered()).isEqualTo(Math.max(1, step.units()));
                    assertThat(line.quantity(OrderStages.CREATED)).isEqualTo(line.ordered());
                    model.put(line.id(), line.ordered());
                }
            }
        }
        assertThat(after.lines()).extracting(OrderLine::id).containsExactlyInAnyOrderElementsOf(model.keySet());
    }

    private static void assertConsistent(Harness h, Order stored, Map<LineId, Integer> model) {
        for (OrderLine line : stored.lines()) {
            int sum = line.quantities().byStage().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            assertThat(line.quantities().byStage().values())
                    .allSatisfy(units -> assertThat(units).isPositive());
            assertThat(sum).as("units of %s in %s", line.id(), stored.id()).isEqualTo(model.get(line.id()));
            assertThat(line.charged() + line.quantity(OrderStages.CANCELLED)).isEqualTo(sum);
        }
        assertThat(h.trail(stored)).hasSize((int) stored.version());
        assertThat(stored.status()).isEqualTo(h.oms.lifecycle(stored.tenant()).deriveStatus(stored.lines()));
        assertThat(new OrderEvolver(h.oms.lifecycle(stored.tenant())).replay(h.trail(stored)))
                .isEqualTo(stored);
    }
}
