package dev.omskit.core.order;

import static dev.omskit.core.order.OrderStages.ALLOCATED;
import static dev.omskit.core.order.OrderStages.BACKORDERED;
import static dev.omskit.core.order.OrderStages.CANCELLED;
import static dev.omskit.core.order.OrderStages.CREATED;
import static dev.omskit.core.order.OrderStages.DELIVERED;
import static dev.omskit.core.order.OrderStages.RELEASED;
import static dev.omskit.core.order.OrderStages.RETURNED;
import static dev.omskit.core.order.OrderStages.SHIPPED;
import static dev.omskit.core.order.OrderTriggers.ALLOCATE;
import static dev.omskit.core.order.OrderTriggers.BACKORDER;
import static dev.omskit.core.order.OrderTriggers.CANCEL;
import static dev.omskit.core.order.OrderTriggers.DEALLOCATE;
import static dev.omskit.core.order.OrderTriggers.DELIVER;
import static dev.omskit.core.order.OrderTriggers.RELEASE;
import static dev.omskit.core.order.OrderTriggers.RETURN;
import static dev.omskit.core.order.OrderTriggers.SHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.LifecycleDefinitionException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.VatRate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("OrderLifecycle")
class OrderLifecycleTest {
    private static final State FRAUD_REVIEW = State.of("FRAUD_REVIEW");
    private static final Trigger APPROVE = Trigger.of("APPROVE");

    /** Short-hand for one row of an expected table: the trigger and the stage it leads to. */
    private static Map<Trigger, State> row(Object... triggerThenState) {
        Map<Trigger, State> row = new LinkedHashMap<>();
        for (int i = 0; i < triggerThenState.length; i += 2) {
            row.put((Trigger) triggerThenState[i], (State) triggerThenState[i + 1]);
        }
        return row;
    }

    /** Checks every state x every trigger of {@code lifecycle} against {@code expected}; absent means none. */
    private static <C> void assertTable(Lifecycle<C> lifecycle, Map<State, Map<Trigger, State>> expected) {
        assertThat(lifecycle.states()).containsExactlyElementsOf(expected.keySet());
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (State from : lifecycle.states()) {
            for (Trigger trigger : lifecycle.triggers()) {
                Optional<State> actual = lifecycle.transition(from, trigger).map(Transition::to);
                Optional<State> wanted = Optional.ofNullable(expected.get(from).get(trigger));
                if (!actual.equals(wanted)) {
                    mismatches.add(from + " on " + trigger + ": expected "
                            + wanted.map(State::name).orElse("none") + ", was "
                            + actual.map(State::name).orElse("none"));
                }
                checked++;
            }
        }
        assertThat(mismatches).as("transition table mismatches").isEmpty();
        assertThat(checked)
                .isEqualTo(lifecycle.states().size() * lifecycle.triggers().size());
        int expectedTransitions = expected.values().stream().mapToInt(Map::size).sum();
        assertThat(lifecycle.transitions()).hasSize(expectedTransitions);
    }

    private static OrderLine line(String id, Map<State, Integer> byStage) {
        return OrderLine.builder()
                .id(LineId.of(id))
                .sku(Sku.of("SKU-" + id))
                .unitPrice(Money.of("1000", "VND"))
                .discount(Money.of("0", "VND"))
                .vatRate(VatRate.ZERO)
                .quantities(new LineQuantities(byStage))
                .build();
    }

    @Nested
    @DisplayName("the default stages")
    class DefaultStages {
        private final Lifecycle<OrderTransitionContext> stages = OrderLifecycle.defaultStages();

        @Test
        @DisplayName("have exactly the expected transition for every stage and every trigger")
        void transition_everyStageAndTrigger_matchesTheTable() {
            Map<State, Map<Trigger, State>> expected = new LinkedHashMap<>();
            expected.put(CREATED, row(ALLOCATE, ALLOCATED, BACKORDER, BACKORDERED, CANCEL, CANCELLED));
            expected.put(BACKORDERED, row(ALLOCATE, ALLOCATED, CANCEL, CANCELLED));
            expected.put(ALLOCATED, row(DEALLOCATE, CREATED, RELEASE, RELEASED, CANCEL, CANCELLED));
            expected.put(RELEASED, row(DEALLOCATE, CREATED, SHIP, SHIPPED));
            expected.put(SHIPPED, row(DELIVER, DELIVERED, RETURN, RETURNED));
            expected.put(DELIVERED, row(RETURN, RETURNED));
            expected.put(RETURNED, row());
            expected.put(CANCELLED, row());

            assertThat(stages.triggers())
                    .containsExactly(ALLOCATE, BACKORDER, DEALLOCATE, RELEASE, SHIP, DELIVER, RETURN, CANCEL);
            assertTable(stages, expected);
        }

        @Test
        @DisplayName("start in CREATED and end in DELIVERED, RETURNED or CANCELLED")
        void stages_default_startInCreatedAndEndInFinalStages() {
            assertThat(stages.initialStates()).containsExactly(CREATED);
            assertThat(stages.finalStates()).containsExactly(DELIVERED, RETURNED, CANCELLED);
            assertThat(OrderLifecycle.defaults().initialStage()).isEqualTo(CREATED);
            assertThat(OrderLifecycle.defaults().name()).isEqualTo("order");
        }

        @Test
        @DisplayName("guard allocation against holds and release against holds and missing payment")
        void guards_allocateAndRelease_checkHoldsAndPayment() {
            assertThat(stages.require(CREATED, ALLOCATE).guards())
                    .extracting("name")
                    .containsExactly("notOnHold");
            assertThat(stages.require(BACKORDERED, ALLOCATE).guards())
                    .extracting("name")
                    .containsExactly("notOnHold");
            assertThat(stages.require(CREATED, BACKORDER).guards())
                    .extracting("name")
                    .containsExactly("notOnHold");
            assertThat(stages.require(ALLOCATED, RELEASE).guards())
                    .extracting("name")
                    .containsExactly("notOnHold", "paidOrCod");
            assertThat(stages.require(CREATED, CANCEL).guards()).isEmpty();
            assertThat(stages.require(RELEASED, SHIP).guards()).isEmpty();
        }

        @Test
        @DisplayName("let every stage reach a final stage by following transitions")
        void transitionsFrom_anyStage_reachAFinalStage() {
            for (State start : stages.states()) {
                Set<State> seen = new HashSet<>();
                Deque<State> queue = new ArrayDeque<>(List.of(start));
                boolean reachesFinal = false;
                while (!queue.isEmpty()) {
                    State s = queue.poll();
                    if (!seen.add(s)) {
                        continue;
                    }
                    if (stages.finalStates().contains(s)) {
                        reachesFinal = true;
                        break;
                    }
                    stages.transitionsFrom(s).forEach(t -> queue.add(t.to()));
                }
                assertThat(reachesFinal).as("%s reaches a final stage", start).isTrue();
            }
        }

        @Test
        @DisplayName("let every stage be reached from the initial stage")
        void transitionsFrom_initialStage_reachEveryStage() {
            Set<State> seen = new HashSet<>();
            Deque<State> queue = new ArrayDeque<>(stages.initialStates());
            while (!queue.isEmpty()) {
                State s = queue.poll();
                if (seen.add(s)) {
                    stages.transitionsFrom(s).forEach(t -> queue.add(t.to()));
                }
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(stages.states());
        }

        @Test
        @DisplayName("export a Mermaid diagram with guards in brackets")
        void toMermaid_defaults_containsLabelledTransitions() {
            String mermaid = OrderLifecycle.defaults().toMermaid();

            assertThat(mermaid)
                    .startsWith("---\ntitle: order\n---\nstateDiagram-v2\n")
                    .contains("    [*] --> CREATED\n")
                    .contains("    ALLOCATED --> RELEASED : RELEASE [notOnHold, paidOrCod]\n")
                    .contains("    CREATED --> ALLOCATED : ALLOCATE [notOnHold]\n")
                    .contains("    RELEASED --> SHIPPED : SHIP\n")
                    .contains("    CANCELLED --> [*]\n");
            assertThat(mermaid.lines().filter(l -> l.contains(" : "))).hasSize(13);
            assertThat(OrderLifecycle.defaults().toDot()).contains("\"ALLOCATED\" -> \"RELEASED\"");
        }
    }

    @Nested
    @DisplayName("the default payment lifecycle")
    class DefaultPayment {
        private final Lifecycle<Order> payment = OrderLifecycle.defaultPayment();

        @Test
        @DisplayName("has exactly the expected transition for every state and every trigger")
        void transition_everyStateAndTrigger_matchesTheTable() {
            Map<State, Map<Trigger, State>> expected = new LinkedHashMap<>();
            expected.put(
                    PaymentStates.PENDING,
                    row(
                            PaymentStates.AUTHORIZE, PaymentStates.AUTHORIZED,
                            PaymentStates.CAPTURE, PaymentStates.PAID,
                            PaymentStates.FAIL, PaymentStates.FAILED,
                            PaymentStates.VOID, PaymentStates.VOIDED));
            expected.put(
                    PaymentStates.FAILED,
                    row(
                            PaymentStates.AUTHORIZE, PaymentStates.AUTHORIZED,
                            PaymentStates.CAPTURE, PaymentStates.PAID,
                            PaymentStates.VOID, PaymentStates.VOIDED));
            expected.put(
                    PaymentStates.AUTHORIZED,
                    row(PaymentStates.CAPTURE, PaymentStates.PAID, PaymentStates.VOID, PaymentStates.VOIDED));
            expected.put(
                    PaymentStates.PAID,
                    row(
                            PaymentStates.REFUND_PARTIAL, PaymentStates.PARTIALLY_REFUNDED,
                            PaymentStates.REFUND, PaymentStates.REFUNDED));
            expected.put(
                    PaymentStates.PARTIALLY_REFUNDED,
                    row(
                            PaymentStates.REFUND_PARTIAL, PaymentStates.PARTIALLY_REFUNDED,
                            PaymentStates.REFUND, PaymentStates.REFUNDED));
            expected.put(PaymentStates.REFUNDED, row());
            expected.put(PaymentStates.VOIDED, row());
            expected.put(
                    PaymentStates.COD_PENDING,
                    row(
                            PaymentStates.COLLECT_COD,
                            PaymentStates.COD_COLLECTED,
                            PaymentStates.VOID,
                            PaymentStates.VOIDED,
                            PaymentStates.COLLECT_COD_PARTIAL,
                            PaymentStates.COD_PARTIALLY_COLLECTED));
            expected.put(
                    PaymentStates.COD_PARTIALLY_COLLECTED,
                    row(
                            PaymentStates.COLLECT_COD_PARTIAL,
                            PaymentStates.COD_PARTIALLY_COLLECTED,
                            PaymentStates.COLLECT_COD,
                            PaymentStates.COD_COLLECTED));
            expected.put(
                    PaymentStates.COD_COLLECTED,
                    row(
                            PaymentStates.REFUND_PARTIAL, PaymentStates.PARTIALLY_REFUNDED,
                            PaymentStates.REFUND, PaymentStates.REFUNDED));

            assertThat(payment.triggers())
                    .containsExactlyInAnyOrder(
                            PaymentStates.AUTHORIZE,
                            PaymentStates.CAPTURE,
                            PaymentStates.FAIL,
                            PaymentStates.VOID,
                            PaymentStates.REFUND_PARTIAL,
                            PaymentStates.REFUND,
                            PaymentStates.COLLECT_COD,
                            PaymentStates.COLLECT_COD_PARTIAL);
            assertTable(payment, expected);
        }

        @Test
        @DisplayName("starts in PENDING, AUTHORIZED, PAID or COD_PENDING, each allowed only for its method")
        void isValidInitialPayment_perMethod_allowsOnlyItsStates() {
            OrderLifecycle l = OrderLifecycle.defaults();

            assertThat(payment.initialStates())
                    .containsExactly(
                            PaymentStates.PENDING,
                            PaymentStates.AUTHORIZED,
                            PaymentStates.PAID,
                            PaymentStates.COD_PENDING);
            assertThat(l.isValidInitialPayment(PaymentMethod.PREPAID, PaymentStates.PENDING))
                    .isTrue();
            assertThat(l.isValidInitialPayment(PaymentMethod.PREPAID, PaymentStates.PAID))
                    .isTrue();
            assertThat(l.isValidInitialPayment(PaymentMethod.PREPAID, PaymentStates.AUTHORIZED))
                    .isTrue();
            assertThat(l.isValidInitialPayment(PaymentMethod.PREPAID, PaymentStates.COD_PENDING))
                    .isFalse();
            assertThat(l.isValidInitialPayment(PaymentMethod.PREPAID, PaymentStates.REFUNDED))
                    .isFalse();
            assertThat(l.isValidInitialPayment(PaymentMethod.CASH_ON_DELIVERY, PaymentStates.COD_PENDING))
                    .isTrue();
            assertThat(l.isValidInitialPayment(PaymentMethod.CASH_ON_DELIVERY, PaymentStates.PAID))
                    .isFalse();
            assertThat(OrderLifecycle.defaultInitialPayment(PaymentMethod.PREPAID))
                    .isEqualTo(PaymentStates.PENDING);
            assertThat(OrderLifecycle.defaultInitialPayment(PaymentMethod.CASH_ON_DELIVERY))
                    .isEqualTo(PaymentStates.COD_PENDING);
        }
    }

    @Nested
    @DisplayName("deriveStatus")
    class DeriveStatus {
        private final OrderLifecycle lifecycle = OrderLifecycle.defaults();

        @Test
        @DisplayName("is CREATED when every unit is created")
        void deriveStatus_allCreated_isCreated() {
            OrderStatus status =
                    lifecycle.deriveStatus(List.of(line("L1", Map.of(CREATED, 2)), line("L2", Map.of(CREATED, 1))));

            assertThat(status).isEqualTo(OrderStatus.of(CREATED));
            assertThat(status).hasToString("CREATED");
        }

        @Test
        @DisplayName("is PARTIALLY_ALLOCATED when some units are allocated and others created")
        void deriveStatus_mixedAllocatedAndCreated_isPartiallyAllocated() {
            OrderStatus status = lifecycle.deriveStatus(
                    List.of(line("L1", Map.of(ALLOCATED, 1, CREATED, 1)), line("L2", Map.of(CREATED, 3))));

            assertThat(status).isEqualTo(OrderStatus.partially(ALLOCATED));
            assertThat(status).hasToString("PARTIALLY_ALLOCATED");
        }

        @Test
        @DisplayName("is CANCELLED when every unit is cancelled")
        void deriveStatus_allCancelled_isCancelled() {
            assertThat(lifecycle.deriveStatus(
                            List.of(line("L1", Map.of(CANCELLED, 2)), line("L2", Map.of(CANCELLED, 1)))))
                    .isEqualTo(OrderStatus.of(CANCELLED));
        }

        @Test
        @DisplayName("ignores cancelled units: 2 SHIPPED and 1 CANCELLED is SHIPPED")
        void deriveStatus_shippedAndCancelled_isShipped() {
            assertThat(lifecycle.deriveStatus(List.of(line("L1", Map.of(SHIPPED, 2, CANCELLED, 1)))))
                    .isEqualTo(OrderStatus.of(SHIPPED));
            assertThat(lifecycle.deriveStatus(
                            List.of(line("L1", Map.of(SHIPPED, 2)), line("L2", Map.of(CANCELLED, 4)))))
                    .isEqualTo(OrderStatus.of(SHIPPED));
        }

        @Test
        @DisplayName("is PARTIALLY_RETURNED when some units are delivered and others returned")
        void deriveStatus_deliveredAndReturned_isPartiallyReturned() {
            assertThat(lifecycle.deriveStatus(List.of(line("L1", Map.of(DELIVERED, 1, RETURNED, 1)))))
                    .isEqualTo(OrderStatus.partially(RETURNED));
        }

        @Test
        @DisplayName("takes the most advanced stage over all lines")
        void deriveStatus_acrossLines_mostAdvancedStage() {
            assertThat(lifecycle.deriveStatus(List.of(
                            line("L1", Map.of(BACKORDERED, 1)),
                            line("L2", Map.of(RELEASED, 2)),
                            line("L3", Map.of(CREATED, 1)))))
                    .isEqualTo(OrderStatus.partially(RELEASED));
        }

        @Test
        @DisplayName("round-trips through parse")
        void orderStatus_parse_roundTrips() {
            assertThat(OrderStatus.parse("PARTIALLY_SHIPPED")).isEqualTo(OrderStatus.partially(SHIPPED));
            assertThat(OrderStatus.parse("SHIPPED")).isEqualTo(OrderStatus.of(SHIPPED));
        }
    }

    @Nested
    @DisplayName("isEditable")
    class Editable {
        @Test
        @DisplayName("is true for stages before RELEASED and false from RELEASED on and for CANCELLED")
        void isEditable_eachStage_trueOnlyBeforeReleased() {
            OrderLifecycle l = OrderLifecycle.defaults();
            Map<State, Boolean> expected = new LinkedHashMap<>();
            expected.put(CREATED, true);
            expected.put(BACKORDERED, true);
            expected.put(ALLOCATED, true);
            expected.put(RELEASED, false);
            expected.put(SHIPPED, false);
            expected.put(DELIVERED, false);
            expected.put(RETURNED, false);
            expected.put(CANCELLED, false);

            assertThat(expected.keySet()).containsExactlyElementsOf(l.stages().states());
            expected.forEach((stage, editable) ->
                    assertThat(l.isEditable(stage)).as("%s", stage).isEqualTo(editable));
        }
    }

    @Nested
    @DisplayName("a custom lifecycle")
    class Custom {
        private Lifecycle.Builder<OrderTransitionContext> withFraudReview() {
            return OrderLifecycle.defaultStages().toBuilder()
                    .stateBefore(FRAUD_REVIEW, CREATED)
                    .initial(FRAUD_REVIEW)
                    .transition(FRAUD_REVIEW, APPROVE, CREATED)
                    .transition(FRAUD_REVIEW, CANCEL, CANCELLED);
        }

        @Test
        @DisplayName("with a fraud review before CREATED starts there, is editable there and keeps the defaults")
        void of_fraudReviewStage_works() {
            OrderLifecycle l = OrderLifecycle.of(withFraudReview().build());

            assertThat(l.initialStage()).isEqualTo(FRAUD_REVIEW);
            assertThat(l.isEditable(FRAUD_REVIEW)).isTrue();
            assertThat(l.isEditable(RELEASED)).isFalse();
            assertThat(l.stages().states().get(0)).isEqualTo(FRAUD_REVIEW);
            assertThat(l.stages().transition(FRAUD_REVIEW, APPROVE).map(Transition::to))
                    .contains(CREATED);
            assertThat(l.stages().transition(CREATED, ALLOCATE).map(Transition::to))
                    .contains(ALLOCATED);
            assertThat(l.payment()).isSameAs(OrderLifecycle.defaultPayment());
            assertThat(l.deriveStatus(List.of(line("L1", Map.of(FRAUD_REVIEW, 1, CREATED, 1)))))
                    .isEqualTo(OrderStatus.partially(CREATED));
            assertThat(OrderLifecycle.defaults().initialStage()).isEqualTo(CREATED);
        }

        @Test
        @DisplayName("without a CANCELLED stage is refused listing the missing stage and the missing CANCEL")
        void of_withoutCancelled_isRefused() {
            Lifecycle<OrderTransitionContext> noCancel = OrderLifecycle.defaultStages().toBuilder()
                    .removeState(CANCELLED)
                    .build();

            assertThatThrownBy(() -> OrderLifecycle.of(noCancel))
                    .isInstanceOf(LifecycleDefinitionException.class)
                    .satisfies(e -> assertThat(((LifecycleDefinitionException) e).problems())
                            .containsExactly(
                                    "an order lifecycle needs the final stage CANCELLED",
                                    "an order lifecycle needs at least one transition on CANCEL"))
                    .satisfies(e -> assertThat(((LifecycleDefinitionException) e).lifecycleName())
                            .isEqualTo("order"));
        }

        @Test
        @DisplayName("with CANCELLED not final is refused")
        void of_cancelledNotFinal_isRefused() {
            Lifecycle<OrderTransitionContext> cancelNotFinal = OrderLifecycle.defaultStages().toBuilder()
                    .finalStates(DELIVERED, RETURNED)
                    .transition(CANCELLED, Trigger.of("REOPEN"), CREATED)
                    .build();

            assertThatThrownBy(() -> OrderLifecycle.of(cancelNotFinal))
                    .isInstanceOf(LifecycleDefinitionException.class)
                    .satisfies(e -> assertThat(((LifecycleDefinitionException) e).problems())
                            .containsExactly("an order lifecycle needs the final stage CANCELLED"));
        }

        @Test
        @DisplayName("with two initial stages is refused naming both")
        void of_twoInitialStages_isRefused() {
            Lifecycle<OrderTransitionContext> twoInitial =
                    withFraudReview().initial(FRAUD_REVIEW, CREATED).build();

            assertThatThrownBy(() -> OrderLifecycle.of(twoInitial))
                    .isInstanceOf(LifecycleDefinitionException.class)
                    .satisfies(e -> assertThat(((LifecycleDefinitionException) e).problems())
                            .singleElement()
                            .asString()
                            .contains("exactly one initial stage")
                            .contains("[FRAUD_REVIEW, CREATED]"));
        }

        @Test
        @DisplayName("without a RELEASED stage is refused")
        void of_withoutReleased_isRefused() {
            Lifecycle<OrderTransitionContext> noRelease = OrderLifecycle.defaultStages().toBuilder()
                    .removeState(RELEASED)
                    .transition(ALLOCATED, SHIP, SHIPPED)
                    .build();

            assertThatThrownBy(() -> OrderLifecycle.of(noRelease))
                    .isInstanceOf(LifecycleDefinitionException.class)
                    .hasMessageContaining("RELEASED")
                    .satisfies(e -> assertThat(((LifecycleDefinitionException) e).problems())
                            .containsExactly("an order lifecycle needs the stage RELEASED (edits stop there)"));
        }

        @Test
        @DisplayName("lists every problem at once")
        void of_severalProblems_listsThemAll() {
            Lifecycle<OrderTransitionContext> broken = OrderLifecycle.defaultStages().toBuilder()
                    .removeState(CANCELLED)
                    .removeState(RELEASED)
                    .transition(ALLOCATED, SHIP, SHIPPED)
                    .initial(CREATED, BACKORDERED)
                    .build();

            assertThatThrownBy(() -> OrderLifecycle.of(broken))
                    .isInstanceOf(LifecycleDefinitionException.class)
                    .satisfies(e -> assertThat(((LifecycleDefinitionException) e).problems())
                            .hasSize(4));
        }

        @Test
        @DisplayName("with a payment lifecycle lacking COD_PENDING as initial state is refused")
        void of_paymentWithoutCodPending_isRefused() {
            Lifecycle<Order> payment = OrderLifecycle.defaultPayment().toBuilder()
                    .initial(PaymentStates.PENDING, PaymentStates.AUTHORIZED, PaymentStates.PAID)
                    .removeState(PaymentStates.COD_PENDING)
                    .removeState(PaymentStates.COD_PARTIALLY_COLLECTED)
                    .removeState(PaymentStates.COD_COLLECTED)
                    .build();

            try {
                OrderLifecycle.of(OrderLifecycle.defaultStages(), payment);
                fail("expected a LifecycleDefinitionException");
            } catch (LifecycleDefinitionException e) {
                assertThat(e.problems()).containsExactly("a payment lifecycle needs the initial state COD_PENDING");
            }
        }
    }
}
