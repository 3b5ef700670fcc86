package dev.omskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.TestOrders;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.event.OrderEvent.Change;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderTransitionContext;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random valid orders driven through random command sequences by the decider alone. Refusals and invalid
 * requests are allowed outcomes; the invariants must hold whatever happens.
 */
@Label("Order invariants under random command sequences")
class OrderPropertiesTest {
    private static final OrderLifecycle LIFECYCLE = OrderLifecycle.defaults();
    private static final OrderDecider DECIDER = TestOrders.decider();
    private static final OrderEvolver EVOLVER = new OrderEvolver(LIFECYCLE);
    private static final List<Trigger> PAYMENT_TRIGGERS =
            List.copyOf(LIFECYCLE.payment().triggers());
    private static final List<HoldType> HOLD_TYPES =
            List.of(HoldType.FRAUD, HoldType.PAYMENT, HoldType.ADDRESS, HoldType.MANUAL);

    // ------------------------------------------------------------------------------------ the model

    /** One command, described independently of the order it is applied to (lines by position). */
    interface Cmd {
        Decision apply(Order order, Instant now);
    }

    private static LineId lineAt(Order order, int index) {
        return order.lines().get(index % order.lines().size()).id();
    }

    record Move(Trigger trigger, boolean allUnits, int lineIndex, int units) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            Map<String, Integer> lines =
                    allUnits ? Map.of() : Map.of(lineAt(order, lineIndex).value(), units);
            return DECIDER.transition(order, TestOrders.transition(order, trigger, lines), now);
        }
    }

    record Cancel(boolean full, int lineIndex, int units) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            return DECIDER.cancel(
                    order,
                    full
                            ? TestOrders.cancelAll(order)
                            : TestOrders.cancel(
                                    order, Map.of(lineAt(order, lineIndex).value(), units)),
                    now);
        }
    }

    /** Places a hold of {@code type}, or releases one: an active hold if there is any, else {@code type}. */
    record Hold(HoldType type, boolean place) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            if (place) {
                return DECIDER.placeHold(order, TestOrders.placeHold(order, type), now);
            }
            HoldType release = order.holds().isEmpty()
                    ? type
                    : order.holds()
                            .get(HOLD_TYPES.indexOf(type) % order.holds().size())
                            .type();
            return DECIDER.releaseHold(order, TestOrders.releaseHold(order, release), now);
        }
    }

    record Pay(Trigger trigger, boolean withAmount) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            RecordPayment.Builder b = RecordPayment.builder().from(TestOrders.payment(order, trigger));
            if (withAmount) {
                b.amount(TestOrders.vnd(50_000));
            }
            return DECIDER.recordPayment(order, b.build(), now);
        }
    }

    record ChangeQuantity(int lineIndex, long quantity) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            return DECIDER.edit(
                    order,
                    TestOrders.edit(order)
                            .putChangeQuantities(lineAt(order, lineIndex), quantity)
                            .build(),
                    now);
        }
    }

    record AddLine(int quantity) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            return DECIDER.edit(
                    order,
                    TestOrders.edit(order)
                            .addAddLines(TestOrders.line("SKU-ADDED", quantity, 20_000))
                            .build(),
                    now);
        }
    }

    record RemoveLine(int lineIndex) implements Cmd {
        @Override
        public Decision apply(Order order, Instant now) {
            return DECIDER.edit(
                    order,
                    TestOrders.edit(order)
                            .addRemoveLines(lineAt(order, lineIndex))
                            .build(),
                    now);
        }
    }

    /** How one command ended. */
    enum Outcome {
        ACCEPTED,
        REJECTED,
        INVALID
    }

    /** One command applied to {@code before}: its outcome, the decision (absent when invalid), the order after. */
    record Step(Order before, Order snapshot, Cmd cmd, Outcome outcome, Optional<Decision> decision, Order after) {}

    /** A captured order and what every command did to it. */
    record Run(List<OrderEvent> captureEvents, Order captured, List<Step> steps) {
        List<OrderEvent> allEvents() {
            List<OrderEvent> all = new ArrayList<>(captureEvents);
            steps.stream()
                    .filter(s -> s.outcome() == Outcome.ACCEPTED)
                    .forEach(s -> all.addAll(s.decision().orElseThrow().events()));
            return all;
        }

        Order last() {
            return steps.isEmpty() ? captured : steps.get(steps.size() - 1).after();
        }
    }

    private static Run run(CaptureOrder capture, List<Cmd> cmds) {
        Decision captured = DECIDER.capture(capture, TestOrders.ORDER_ID, TestOrders.NOW);
        Order order = captured.next().orElseThrow();
        List<Step> steps = new ArrayList<>();
        Instant now = TestOrders.NOW;
        for (Cmd cmd : cmds) {
            now = now.plusSeconds(60);
            Order snapshot = Order.builder().from(order).build();
            Step step;
            try {
                Decision d = cmd.apply(order, now);
                step = d.isRejected()
                        ? new Step(order, snapshot, cmd, Outcome.REJECTED, Optional.of(d), order)
                        : new Step(
                                order,
                                snapshot,
                                cmd,
                                Outcome.ACCEPTED,
                                Optional.of(d),
                                d.next().orElseThrow());
            } catch (InvalidArgumentException e) {
                step = new Step(order, snapshot, cmd, Outcome.INVALID, Optional.empty(), order);
            }
            steps.add(step);
            order = step.after();
        }
        return new Run(captured.events(), captured.next().orElseThrow(), steps);
    }

    // ------------------------------------------------------------------------------------ generators

    @Provide
    Arbitrary<CaptureOrder> orders() {
        Arbitrary<List<Integer>> quantities =
                Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Tuple.Tuple2<PaymentMethod, Optional<State>>> payment = Arbitraries.frequency(
                Tuple.of(1, Tuple.of(PaymentMethod.PREPAID, Optional.<State>empty())),
                Tuple.of(1, Tuple.of(PaymentMethod.PREPAID, Optional.of(PaymentStates.AUTHORIZED))),
                Tuple.of(2, Tuple.of(PaymentMethod.PREPAID, Optional.of(PaymentStates.PAID))),
                Tuple.of(2, Tuple.of(PaymentMethod.CASH_ON_DELIVERY, Optional.<State>empty())));
        return Combinators.combine(quantities, payment).as((qs, pay) -> {
            CaptureOrder.Builder b = TestOrders.capture().paymentMethod(pay.get1());
            pay.get2().ifPresent(b::paymentStatus);
            for (int i = 0; i < qs.size(); i++) {
                b.addLines(TestOrders.line("SKU-" + (i + 1), qs.get(i), 100_000L * (i + 1), 1_000, "0.1"));
            }
            return b.build();
        });
    }

    @Provide
    Arbitrary<List<Cmd>> commands() {
        Arbitrary<Integer> lineIndex = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> units = Arbitraries.integers().between(1, 3);
        Arbitrary<Trigger> trigger = Arbitraries.frequency(
                Tuple.of(4, OrderTriggers.ALLOCATE),
                Tuple.of(1, OrderTriggers.BACKORDER),
                Tuple.of(1, OrderTriggers.DEALLOCATE),
                Tuple.of(4, OrderTriggers.RELEASE),
                Tuple.of(4, OrderTriggers.SHIP),
                Tuple.of(3, OrderTriggers.DELIVER),
                Tuple.of(1, OrderTriggers.RETURN),
                Tuple.of(1, OrderTriggers.CANCEL));
        Arbitrary<Cmd> move = Combinators.combine(trigger, Arbitraries.of(true, true, false), lineIndex, units)
                .as(Move::new);
        Arbitrary<Cmd> cancel = Combinators.combine(Arbitraries.of(true, false, false, false), lineIndex, units)
                .as(Cancel::new);
        Arbitrary<Cmd> hold = Combinators.combine(Arbitraries.of(HOLD_TYPES), Arbitraries.of(true, false, false))
                .as(Hold::new);
        Arbitrary<Cmd> pay = Combinators.combine(Arbitraries.of(PAYMENT_TRIGGERS), Arbitraries.of(true, false))
                .as(Pay::new);
        Arbitrary<Cmd> changeQuantity = Combinators.combine(
                        lineIndex, Arbitraries.longs().between(1, 6))
                .as(ChangeQuantity::new);
        Arbitrary<Cmd> addLine = Arbitraries.integers().between(1, 3).map(AddLine::new);
        Arbitrary<Cmd> removeLine = lineIndex.map(RemoveLine::new);
        Arbitrary<Cmd> any = Arbitraries.frequencyOf(
                Tuple.of(14, move),
                Tuple.of(1, cancel),
                Tuple.of(2, hold),
                Tuple.of(3, pay),
                Tuple.of(1, changeQuantity),
                Tuple.of(1, addLine),
                Tuple.of(1, removeLine));
        return any.list().ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    // ------------------------------------------------------------------------------------ properties

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("(a) quantities stay non-negative and units are conserved except by edits")
    void anyCommand_accepted_conservesUnitsExceptByEdits(
            @ForAll("orders") CaptureOrder capture, @ForAll("commands") List<Cmd> cmds) {
        Run run = run(capture, cmds);
        Map<LineId, Integer> expected = new LinkedHashMap<>();
        run.captured().lines().forEach(l -> expected.put(l.id(), l.ordered()));
        assertQuantities(run.captured(), expected);

        for (Step step : run.steps()) {
            if (step.outcome() != Outcome.ACCEPTED) {
                continue;
            }
            for (OrderEvent event : step.decision().orElseThrow().events()) {
                if (event instanceof OrderEvent.OrderEdited edited) {
                    for (Change change : edited.changes()) {
                        if (change instanceof Change.LineAdded added) {
                            assertThat(expected).doesNotContainKey(added.line().id());
                            expected.put(added.line().id(), added.line().ordered());
                        } else if (change instanceof Change.LineRemoved removed) {
                            assertThat(expected.remove(removed.line())).isEqualTo(removed.units());
                        } else if (change instanceof Change.LineQuantityChanged changed) {
                            expected.merge(changed.line(), changed.toUnits() - changed.fromUnits(), Integer::sum);
                            assertThat(step.after()
                                            .line(changed.line())
                                            .orElseThrow()
                                            .charged())
                                    .isEqualTo(changed.toUnits());
                        }
                    }
                }
            }
            assertQuantities(step.after(), expected);
        }
    }

    private static void assertQuantities(Order order, Map<LineId, Integer> expected) {
        assertThat(order.lines()).extracting(OrderLine::id).containsExactlyElementsOf(expected.keySet());
        for (OrderLine line : order.lines()) {
            assertThat(line.quantities().byStage().values())
                    .as("units per stage of %s", line.id())
                    .allSatisfy(units -> assertThat(units).isPositive());
            int sum = line.quantities().byStage().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            assertThat(sum).as("units of %s", line.id()).isEqualTo(line.ordered());
            assertThat(sum).as("units of %s", line.id()).isEqualTo(expected.get(line.id()));
            assertThat(line.quantities().byStage().keySet())
                    .as("stages of %s", line.id())
                    .allSatisfy(stage ->
                            assertThat(LIFECYCLE.stages().contains(stage)).isTrue());
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("(b) a refused or invalid command leaves the order unchanged and emits nothing")
    void anyCommand_refusedOrInvalid_leavesOrderUnchanged(
            @ForAll("orders") CaptureOrder capture, @ForAll("commands") List<Cmd> cmds) {
        Run run = run(capture, cmds);

        for (Step step : run.steps()) {
            if (step.outcome() == Outcome.ACCEPTED) {
                assertThat(step.decision().orElseThrow().events()).isNotEmpty();
                assertThat(step.decision().orElseThrow().rejection()).isEmpty();
                continue;
            }
            assertThat(step.after()).isSameAs(step.before());
            assertThat(step.before()).isEqualTo(step.snapshot());
            step.decision().ifPresent(d -> {
                assertThat(d.next()).isEmpty();
                assertThat(d.events()).isEmpty();
                assertThat(d.rejection()).isPresent();
            });
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("(c) replaying every event rebuilds the final order")
    void replay_allEvents_rebuildsTheOrder(@ForAll("orders") CaptureOrder capture, @ForAll("commands") List<Cmd> cmds) {
        Run run = run(capture, cmds);
        List<OrderEvent> trail = new ArrayList<>(run.captureEvents());

        assertThat(EVOLVER.replay(trail)).isEqualTo(run.captured());
        for (Step step : run.steps()) {
            if (step.outcome() == Outcome.ACCEPTED) {
                trail.addAll(step.decision().orElseThrow().events());
                assertThat(EVOLVER.replay(trail))
                        .as("replay after %s", step.cmd())
                        .isEqualTo(step.after());
            }
        }
        assertThat(EVOLVER.replay(run.allEvents())).isEqualTo(run.last());
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("(d) event sequences are consecutive and the version counts the events")
    void anyCommand_accepted_eventsConsecutiveAndVersionCountsThem(
            @ForAll("orders") CaptureOrder capture, @ForAll("commands") List<Cmd> cmds) {
        Run run = run(capture, cmds);
        List<OrderEvent> all = run.allEvents();

        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).header().sequence()).isEqualTo(i + 1L);
            assertThat(all.get(i).header().eventId()).isEqualTo(TestOrders.ORDER_ID + "/" + (i + 1));
        }
        assertThat(run.last().version()).isEqualTo(all.size());
        for (Step step : run.steps()) {
            if (step.outcome() == Outcome.ACCEPTED) {
                List<OrderEvent> events = step.decision().orElseThrow().events();
                assertThat(step.after().version()).isEqualTo(step.before().version() + events.size());
                assertThat(events.get(0).header().fromStatus())
                        .contains(step.before().status());
                assertThat(events.get(events.size() - 1).header().toStatus())
                        .isEqualTo(step.after().status());
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("(e) the status is always the one derived from the lines")
    void anyCommand_anyOutcome_statusIsDerivedFromLines(
            @ForAll("orders") CaptureOrder capture, @ForAll("commands") List<Cmd> cmds) {
        Run run = run(capture, cmds);

        assertThat(run.captured().status())
                .isEqualTo(LIFECYCLE.deriveStatus(run.captured().lines()));
        for (Step step : run.steps()) {
            assertThat(step.after().status())
                    .as("after %s", step.cmd())
                    .isEqualTo(LIFECYCLE.deriveStatus(step.after().lines()));
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @Label("(f) every unit move follows a transition of the lifecycle")
    void linesTransitioned_anyMove_followsALifecycleTransition(
            @ForAll("orders") CaptureOrder capture, @ForAll("commands") List<Cmd> cmds) {
        Run run = run(capture, cmds);

        for (OrderEvent event : run.allEvents()) {
            if (event instanceof OrderEvent.LinesTransitioned moved) {
                for (OrderEvent.LineMove move : moved.moves()) {
                    Optional<Transition<OrderTransitionContext>> t =
                            LIFECYCLE.stages().transition(move.from(), moved.trigger());
                    assertThat(t).as("%s on %s", move, moved.trigger()).isPresent();
                    assertThat(t.get().to()).isEqualTo(move.to());
                    assertThat(move.units()).isPositive();
                }
            }
        }
    }
}
