package dev.omskit.core.lifecycle;

import static dev.omskit.core.lifecycle.Samples.ALLOCATE;
import static dev.omskit.core.lifecycle.Samples.ALLOCATED;
import static dev.omskit.core.lifecycle.Samples.CANCEL;
import static dev.omskit.core.lifecycle.Samples.CANCELLED;
import static dev.omskit.core.lifecycle.Samples.CREATED;
import static dev.omskit.core.lifecycle.Samples.DELIVER;
import static dev.omskit.core.lifecycle.Samples.DELIVERED;
import static dev.omskit.core.lifecycle.Samples.NOT_ON_HOLD;
import static dev.omskit.core.lifecycle.Samples.PAID;
import static dev.omskit.core.lifecycle.Samples.RESERVE_STOCK;
import static dev.omskit.core.lifecycle.Samples.RETURN;
import static dev.omskit.core.lifecycle.Samples.RETURNED;
import static dev.omskit.core.lifecycle.Samples.SHIP;
import static dev.omskit.core.lifecycle.Samples.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.Samples.Ctx;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Lifecycle.Builder")
class LifecycleBuilderTest {
    private static final State A = State.of("A");
    private static final State B = State.of("B");
    private static final State END = State.of("END");
    private static final State LIMBO = State.of("LIMBO");
    private static final State FRAUD_REVIEW = State.of("FRAUD_REVIEW");
    private static final Trigger GO = Trigger.of("GO");
    private static final Trigger RETRY = Trigger.of("RETRY");
    private static final Trigger FINISH = Trigger.of("FINISH");
    private static final Trigger APPROVE = Trigger.of("APPROVE");
    private static final Trigger REJECT = Trigger.of("REJECT");

    /** The problems reported by a build that must fail. */
    private static List<String> problemsOf(Lifecycle.Builder<?> builder) {
        LifecycleDefinitionException e = catchThrowableOfType(LifecycleDefinitionException.class, builder::build);
        assertThat(e).as("build() should fail").isNotNull();
        return e.problems();
    }

    /** A valid two-state builder to start from: A -GO-> END. */
    private static Lifecycle.Builder<Ctx> minimal() {
        return Lifecycle.<Ctx>builder("mini")
                .state(A, END)
                .initial(A)
                .finalStates(END)
                .transition(A, GO, END);
    }

    @Nested
    @DisplayName("when the definition is valid")
    class HappyPath {
        @Test
        @DisplayName("builds a lifecycle holding exactly what was declared")
        void build_whenValid_holdsDeclaration() {
            Lifecycle<Ctx> order = Samples.order();

            assertThat(order.name()).isEqualTo("order");
            assertThat(order.states()).containsExactly(CREATED, ALLOCATED, SHIPPED, DELIVERED, RETURNED, CANCELLED);
            assertThat(order.initialStates()).containsExactly(CREATED);
            assertThat(order.finalStates()).containsExactly(DELIVERED, RETURNED, CANCELLED);
            assertThat(order.triggers()).containsExactly(ALLOCATE, CANCEL, SHIP, DELIVER, RETURN);
            assertThat(order.transitions())
                    .extracting(Transition::toString)
                    .containsExactly(
                            "CREATED --ALLOCATE--> ALLOCATED",
                            "CREATED --CANCEL--> CANCELLED",
                            "ALLOCATED --SHIP--> SHIPPED",
                            "ALLOCATED --CANCEL--> CANCELLED",
                            "SHIPPED --DELIVER--> DELIVERED",
                            "DELIVERED --RETURN--> RETURNED");
            assertThat(order.require(CREATED, ALLOCATE).guards()).containsExactly(NOT_ON_HOLD, PAID);
            assertThat(order.require(CREATED, ALLOCATE).actions()).containsExactly(RESERVE_STOCK);
            assertThat(order).hasToString("Lifecycle[order, 6 states, 6 transitions]");
        }

        @Test
        @DisplayName("accepts a single state that is both initial and final")
        void build_whenSingleInitialAndFinalState_succeeds() {
            Lifecycle<Ctx> single = Lifecycle.<Ctx>builder("single")
                    .state(A)
                    .initial(A)
                    .finalStates(A)
                    .build();

            assertThat(single.states()).containsExactly(A);
            assertThat(single.transitions()).isEmpty();
            assertThat(single.triggers()).isEmpty();
        }

        @Test
        @DisplayName("lets initial and finalStates replace earlier calls")
        void initialAndFinalStates_replacePreviousSets() {
            Lifecycle<Ctx> lifecycle = minimal()
                    .state(B)
                    .transition(B, GO, END)
                    .initial(B)
                    .initial(A, B)
                    .finalStates(A)
                    .finalStates(END)
                    .build();

            assertThat(lifecycle.initialStates()).containsExactly(A, B);
            assertThat(lifecycle.finalStates()).containsExactly(END);
        }

        @Test
        @DisplayName("accepts a final state with outgoing transitions")
        void build_whenFinalStateHasOutgoingTransition_succeeds() {
            Lifecycle<Ctx> order = Samples.order();

            assertThat(order.finalStates()).contains(DELIVERED);
            assertThat(order.transitionsFrom(DELIVERED))
                    .extracting(Transition::to)
                    .containsExactly(RETURNED);
        }

        @Test
        @DisplayName("appends guards and actions to declared transitions, by state and trigger or by trigger")
        void guardAndAction_appendToDeclaredTransitions() {
            Guard<Ctx> extra = Guard.of("extra", c -> true, c -> "");
            Guard<Ctx> onCancel = Guard.of("onCancel", c -> true, c -> "");
            Action<Ctx> log = Action.of("log", c -> c.log.add("log"));

            Lifecycle<Ctx> order = Samples.orderBuilder()
                    .guard(CREATED, ALLOCATE, extra)
                    .guard(CANCEL, onCancel)
                    .action(CREATED, ALLOCATE, log)
                    .build();

            assertThat(order.require(CREATED, ALLOCATE).guards()).containsExactly(NOT_ON_HOLD, PAID, extra);
            assertThat(order.require(CREATED, ALLOCATE).actions()).containsExactly(RESERVE_STOCK, log);
            assertThat(order.transitionsOn(CANCEL))
                    .allSatisfy(t -> assertThat(t.guards()).containsExactly(onCancel));
            assertThat(order.require(ALLOCATED, SHIP).guards()).isEmpty();
        }

        @Test
        @DisplayName("guard(trigger, guard) only affects transitions declared before it")
        void guardByTrigger_onlyAffectsTransitionsDeclaredSoFar() {
            Guard<Ctx> g = Guard.of("g", c -> true, c -> "");

            Lifecycle<Ctx> lifecycle = minimal()
                    .state(B)
                    .initial(A, B)
                    .guard(GO, g)
                    .transition(B, GO, END)
                    .build();

            assertThat(lifecycle.require(A, GO).guards()).containsExactly(g);
            assertThat(lifecycle.require(B, GO).guards()).isEmpty();
        }

        @Test
        @DisplayName("keeps a built lifecycle unchanged when the builder is used again")
        void build_thenBuilderChanged_lifecycleUnchanged() {
            Lifecycle.Builder<Ctx> builder = minimal();
            Lifecycle<Ctx> first = builder.build();

            builder.state(B).transition(A, RETRY, B).transition(B, GO, END).guard(A, GO, NOT_ON_HOLD);
            Lifecycle<Ctx> second = builder.build();

            assertThat(first.states()).containsExactly(A, END);
            assertThat(first.transitions()).hasSize(1);
            assertThat(first.require(A, GO).guards()).isEmpty();
            assertThat(second.states()).containsExactly(A, END, B);
            assertThat(second.transitions()).hasSize(3);
            assertThat(second.require(A, GO).guards()).containsExactly(NOT_ON_HOLD);
        }

        @Test
        @DisplayName("rejects a blank or null lifecycle name and null arguments at once")
        void builder_whenNameBlankOrArgumentNull_throwsInvalidArgument() {
            assertThatThrownBy(() -> Lifecycle.builder("  "))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Lifecycle name must not be blank; was '  '");
            assertThatThrownBy(() -> Lifecycle.builder(null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Lifecycle name must not be null");
            assertThatThrownBy(() -> minimal().state(A, null)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> minimal().transition(A, null, END)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> minimal().guard(A, GO, null)).isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Nested
    @DisplayName("when the definition has a problem")
    class Problems {
        @Test
        @DisplayName("reports a lifecycle without states")
        void build_whenNoStates_listsIt() {
            assertThat(problemsOf(Lifecycle.<Ctx>builder("empty"))).contains("no states are declared");
        }

        @Test
        @DisplayName("reports a missing initial state")
        void build_whenNoInitialState_listsIt() {
            Lifecycle.Builder<Ctx> builder =
                    Lifecycle.<Ctx>builder("x").state(A, END).finalStates(END).transition(A, GO, END);

            assertThat(problemsOf(builder)).containsExactly("no initial state is set");
        }

        @Test
        @DisplayName("reports an empty initial() call as a missing initial state")
        void build_whenInitialCalledWithoutStates_listsNoInitialState() {
            assertThat(problemsOf(minimal().initial())).containsExactly("no initial state is set");
        }

        @Test
        @DisplayName("reports a missing final state")
        void build_whenNoFinalState_listsIt() {
            Lifecycle.Builder<Ctx> builder =
                    Lifecycle.<Ctx>builder("x").state(A, END).initial(A).transition(A, GO, END);

            assertThat(problemsOf(builder)).containsExactly("no final state is set");
        }

        @Test
        @DisplayName("reports an initial state that is not declared")
        void build_whenInitialStateUndeclared_listsIt() {
            assertThat(problemsOf(minimal().initial(A, B))).containsExactly("initial state B is not declared");
        }

        @Test
        @DisplayName("reports a final state that is not declared")
        void build_whenFinalStateUndeclared_listsIt() {
            assertThat(problemsOf(minimal().finalStates(END, LIMBO)))
                    .containsExactly("final state LIMBO is not declared");
        }

        @Test
        @DisplayName("reports a state declared twice, also through stateBefore and stateAfter")
        void build_whenStateDeclaredTwice_listsIt() {
            assertThat(problemsOf(minimal().state(A))).containsExactly("state A is declared twice");
            assertThat(problemsOf(minimal().stateBefore(END, A))).containsExactly("state END is declared twice");
            assertThat(problemsOf(minimal().stateAfter(A, END))).containsExactly("state A is declared twice");
        }

        @Test
        @DisplayName("reports stateBefore and stateAfter anchored on an unknown state")
        void build_whenStateBeforeOrAfterUnknownExisting_listsIt() {
            Lifecycle.Builder<Ctx> builder = minimal()
                    .stateBefore(B, LIMBO)
                    .stateAfter(FRAUD_REVIEW, LIMBO)
                    .transition(A, RETRY, B)
                    .transition(B, GO, END)
                    .transition(A, APPROVE, FRAUD_REVIEW)
                    .transition(FRAUD_REVIEW, GO, END);

            assertThat(problemsOf(builder))
                    .containsExactly(
                            "stateBefore(B, LIMBO): state LIMBO is not declared",
                            "stateAfter(FRAUD_REVIEW, LIMBO): state LIMBO is not declared");
        }

        @Test
        @DisplayName("reports transitions that leave or enter an undeclared state")
        void build_whenTransitionReferencesUndeclaredState_listsIt() {
            Lifecycle.Builder<Ctx> builder =
                    minimal().transition(A, RETRY, LIMBO).transition(B, GO, END);

            assertThat(problemsOf(builder))
                    .containsExactly(
                            "transition A --RETRY--> LIMBO enters undeclared state LIMBO",
                            "transition B --GO--> END leaves undeclared state B");
        }

        @Test
        @DisplayName("reports two transitions from the same state on the same trigger")
        void build_whenDuplicateFromAndTrigger_listsIt() {
            Lifecycle.Builder<Ctx> builder =
                    minimal().state(B).transition(A, GO, B).transition(B, GO, END);

            assertThat(problemsOf(builder))
                    .containsExactly("two transitions from A on GO: A --GO--> END and A --GO--> B");
        }

        @Test
        @DisplayName("reports a guard aimed at a transition that is not declared")
        void build_whenGuardTargetsUndeclaredTransition_listsIt() {
            assertThat(problemsOf(minimal().guard(END, GO, NOT_ON_HOLD)))
                    .containsExactly("guard notOnHold: no transition from END on GO is declared");
        }

        @Test
        @DisplayName("reports a guard aimed at a trigger that no transition uses")
        void build_whenGuardByTriggerMatchesNothing_listsIt() {
            assertThat(problemsOf(minimal().guard(RETRY, PAID)))
                    .containsExactly("guard paid: no transition on RETRY is declared");
        }

        @Test
        @DisplayName("reports a guard declared before its transition")
        void build_whenGuardPrecedesTransition_listsIt() {
            Lifecycle.Builder<Ctx> builder = Lifecycle.<Ctx>builder("x")
                    .state(A, END)
                    .initial(A)
                    .finalStates(END)
                    .guard(A, GO, PAID)
                    .transition(A, GO, END);

            assertThat(problemsOf(builder)).containsExactly("guard paid: no transition from A on GO is declared");
        }

        @Test
        @DisplayName("reports an action aimed at a transition that is not declared")
        void build_whenActionTargetsUndeclaredTransition_listsIt() {
            assertThat(problemsOf(minimal().action(A, RETRY, RESERVE_STOCK)))
                    .containsExactly("action reserveStock: no transition from A on RETRY is declared");
        }

        @Test
        @DisplayName("reports the removal of a transition that is not declared")
        void build_whenRemoveTransitionUndeclared_listsIt() {
            assertThat(problemsOf(minimal().removeTransition(END, GO)))
                    .containsExactly("removeTransition: no transition from END on GO is declared");
        }

        @Test
        @DisplayName("reports the removal of a state that is not declared")
        void build_whenRemoveStateUndeclared_listsIt() {
            assertThat(problemsOf(minimal().removeState(LIMBO)))
                    .containsExactly("removeState: state LIMBO is not declared");
        }

        @Test
        @DisplayName("reports a state that no initial state leads to")
        void build_whenStateUnreachable_listsIt() {
            Lifecycle.Builder<Ctx> builder =
                    Samples.orderBuilder().state(FRAUD_REVIEW).transition(FRAUD_REVIEW, APPROVE, ALLOCATED);

            assertThat(problemsOf(builder))
                    .containsExactly("state FRAUD_REVIEW is unreachable from the initial states [CREATED]");
        }

        @Test
        @DisplayName("reports a state from which no final state can be reached")
        void build_whenStateCannotReachFinal_listsIt() {
            Lifecycle.Builder<Ctx> builder = Lifecycle.<Ctx>builder("x")
                    .state(CREATED, LIMBO, DELIVERED, CANCELLED)
                    .initial(CREATED)
                    .finalStates(DELIVERED, CANCELLED)
                    .transition(CREATED, GO, DELIVERED)
                    .transition(CREATED, CANCEL, CANCELLED)
                    .transition(CREATED, RETRY, LIMBO)
                    .transition(LIMBO, RETRY, LIMBO);

            assertThat(problemsOf(builder))
                    .containsExactly("state LIMBO cannot reach any final state [DELIVERED, CANCELLED]");
        }

        @Test
        @DisplayName("reports a cycle with no way out as unable to reach a final state")
        void build_whenCycleHasNoExit_listsEveryStateOfIt() {
            Lifecycle.Builder<Ctx> builder = Lifecycle.<Ctx>builder("loop")
                    .state(A, B, END)
                    .initial(A)
                    .finalStates(END)
                    .transition(A, GO, B)
                    .transition(B, RETRY, A);

            assertThat(problemsOf(builder))
                    .containsExactly(
                            "state END is unreachable from the initial states [A]",
                            "state A cannot reach any final state [END]",
                            "state B cannot reach any final state [END]");
        }

        @Test
        @DisplayName("lists every problem at once, not just the first")
        void build_whenSeveralProblems_listsAll() {
            Lifecycle.Builder<Ctx> builder = Lifecycle.<Ctx>builder("broken")
                    .state(A, B, A)
                    .stateAfter(FRAUD_REVIEW, SHIPPED)
                    .initial(A, CREATED)
                    .transition(A, GO, B)
                    .transition(A, GO, END)
                    .transition(B, RETRY, LIMBO)
                    .guard(B, FINISH, PAID)
                    .action(END, FINISH, RESERVE_STOCK)
                    .removeTransition(A, REJECT);

            LifecycleDefinitionException e = catchThrowableOfType(LifecycleDefinitionException.class, builder::build);
            assertThat(e).isNotNull();

            List<String> expected = List.of(
                    "state A is declared twice",
                    "stateAfter(FRAUD_REVIEW, SHIPPED): state SHIPPED is not declared",
                    "guard paid: no transition from B on FINISH is declared",
                    "action reserveStock: no transition from END on FINISH is declared",
                    "removeTransition: no transition from A on REJECT is declared",
                    "no final state is set",
                    "initial state CREATED is not declared",
                    "transition A --GO--> END enters undeclared state END",
                    "two transitions from A on GO: A --GO--> B and A --GO--> END",
                    "transition B --RETRY--> LIMBO enters undeclared state LIMBO",
                    "state FRAUD_REVIEW is unreachable from the initial states [A]");
            assertThat(e.problems()).containsExactlyElementsOf(expected);
            assertThat(e.lifecycleName()).isEqualTo("broken");
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ARGUMENT);
            assertThat(e).hasMessage("Lifecycle 'broken' is invalid: " + String.join("; ", expected));
        }

        @Test
        @DisplayName("returns an unmodifiable problem list")
        void problems_areUnmodifiable() {
            List<String> problems = problemsOf(Lifecycle.<Ctx>builder("empty"));

            assertThatThrownBy(() -> problems.add("more")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("reachability")
    class Reachability {
        @Test
        @DisplayName("accepts a retry loop A -> B -> A with an exit B -> END")
        void build_whenRetryLoopHasExit_succeeds() {
            Lifecycle<Ctx> loop = Lifecycle.<Ctx>builder("retry")
                    .state(A, B, END)
                    .initial(A)
                    .finalStates(END)
                    .transition(A, GO, B)
                    .transition(B, RETRY, A)
                    .transition(B, FINISH, END)
                    .build();

            assertThat(loop.require(B, RETRY).to()).isEqualTo(A);
            assertThat(loop.require(B, FINISH).to()).isEqualTo(END);
        }

        @Test
        @DisplayName("accepts a self-loop on a state that can also move on")
        void build_whenSelfLoop_succeeds() {
            Lifecycle<Ctx> lifecycle = minimal().transition(A, RETRY, A).build();

            assertThat(lifecycle.require(A, RETRY).to()).isEqualTo(A);
        }

        @Test
        @DisplayName("counts a state as reachable from any one of several initial states")
        void build_whenReachableFromSecondInitialOnly_succeeds() {
            Lifecycle<Ctx> lifecycle =
                    minimal().state(B).initial(A, B).transition(B, GO, END).build();

            assertThat(lifecycle.initialStates()).containsExactly(A, B);
        }

        @Test
        @DisplayName("does not follow a removed transition")
        void build_whenOnlyPathRemoved_reportsUnreachable() {
            Lifecycle.Builder<Ctx> builder = Samples.orderBuilder().removeTransition(DELIVERED, RETURN);

            assertThat(problemsOf(builder))
                    .containsExactly("state RETURNED is unreachable from the initial states [CREATED]");
        }
    }

    @Nested
    @DisplayName("rank order")
    class RankOrder {
        @Test
        @DisplayName("follows state() calls, with stateBefore and stateAfter inserting next to their anchor")
        void stateBeforeAndAfter_insertIntoRankOrder() {
            State packed = State.of("PACKED");
            State paid = State.of("PAID");
            Lifecycle<Ctx> order = Samples.orderBuilder()
                    .stateAfter(packed, ALLOCATED)
                    .stateBefore(paid, ALLOCATED)
                    .stateAfter(FRAUD_REVIEW, CANCELLED)
                    .transition(ALLOCATED, Trigger.of("PACK"), packed)
                    .transition(packed, SHIP, SHIPPED)
                    .transition(CREATED, Trigger.of("PAY"), paid)
                    .transition(paid, ALLOCATE, ALLOCATED)
                    .transition(CANCELLED, Trigger.of("REVIEW"), FRAUD_REVIEW)
                    .transition(FRAUD_REVIEW, REJECT, CANCELLED)
                    .build();

            assertThat(order.states())
                    .containsExactly(
                            CREATED, paid, ALLOCATED, packed, SHIPPED, DELIVERED, RETURNED, CANCELLED, FRAUD_REVIEW);
            assertThat(order.rank(CREATED)).isZero();
            assertThat(order.rank(paid)).isEqualTo(1);
            assertThat(order.rank(packed)).isEqualTo(3);
            assertThat(order.rank(FRAUD_REVIEW)).isEqualTo(8);
        }

        @Test
        @DisplayName("rank() of a state the lifecycle does not know names the state and the lifecycle")
        void rank_whenUnknownState_throwsNamingIt() {
            assertThatThrownBy(() -> Samples.order().rank(LIMBO))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("State LIMBO is not a state of lifecycle 'order'");
        }
    }

    @Nested
    @DisplayName("toBuilder")
    class ToBuilder {
        @Test
        @DisplayName("rebuilds an equal lifecycle when nothing is changed")
        void toBuilder_unchanged_buildsSameDefinition() {
            Lifecycle<Ctx> order = Samples.order();

            Lifecycle<Ctx> copy = order.toBuilder().build();

            assertThat(copy.name()).isEqualTo(order.name());
            assertThat(copy.states()).isEqualTo(order.states());
            assertThat(copy.initialStates()).containsExactlyElementsOf(order.initialStates());
            assertThat(copy.finalStates()).containsExactlyElementsOf(order.finalStates());
            assertThat(copy.transitions()).isEqualTo(order.transitions());
            assertThat(copy.toMermaid()).isEqualTo(order.toMermaid());
        }

        @Test
        @DisplayName("lets a host add a FRAUD_REVIEW step before CREATED without changing the original")
        void toBuilder_addFraudReviewStep_extendsCopyOnly() {
            Lifecycle<Ctx> order = Samples.order();
            Guard<Ctx> notFlagged = Guard.of("notFlagged", c -> !c.onHold, c -> "order " + c.id + " is flagged");

            Lifecycle<Ctx> extended = order.toBuilder()
                    .stateBefore(FRAUD_REVIEW, CREATED)
                    .initial(FRAUD_REVIEW)
                    .transition(FRAUD_REVIEW, APPROVE, CREATED, List.of(notFlagged), List.of())
                    .transition(FRAUD_REVIEW, REJECT, CANCELLED)
                    .guard(CREATED, ALLOCATE, notFlagged)
                    .build();

            assertThat(extended.states())
                    .containsExactly(FRAUD_REVIEW, CREATED, ALLOCATED, SHIPPED, DELIVERED, RETURNED, CANCELLED);
            assertThat(extended.rank(FRAUD_REVIEW)).isZero();
            assertThat(extended.rank(CREATED)).isEqualTo(1);
            assertThat(extended.initialStates()).containsExactly(FRAUD_REVIEW);
            assertThat(extended.require(FRAUD_REVIEW, APPROVE).to()).isEqualTo(CREATED);
            assertThat(extended.require(CREATED, ALLOCATE).guards()).containsExactly(NOT_ON_HOLD, PAID, notFlagged);
            assertThat(extended.require(CREATED, ALLOCATE).actions()).containsExactly(RESERVE_STOCK);
            assertThat(extended.transitions()).hasSize(8);

            assertThat(order.states()).containsExactly(CREATED, ALLOCATED, SHIPPED, DELIVERED, RETURNED, CANCELLED);
            assertThat(order.rank(CREATED)).isZero();
            assertThat(order.contains(FRAUD_REVIEW)).isFalse();
            assertThat(order.initialStates()).containsExactly(CREATED);
            assertThat(order.transitions()).hasSize(6);
            assertThat(order.require(CREATED, ALLOCATE).guards()).containsExactly(NOT_ON_HOLD, PAID);
            assertThat(order.transition(FRAUD_REVIEW, APPROVE)).isEmpty();
        }

        @Test
        @DisplayName("gives independent builders: changing one does not affect another")
        void toBuilder_twice_buildersAreIndependent() {
            Lifecycle<Ctx> order = Samples.order();
            Lifecycle.Builder<Ctx> first = order.toBuilder();
            Lifecycle.Builder<Ctx> second = order.toBuilder();

            first.guard(CREATED, CANCEL, PAID)
                    .removeTransition(DELIVERED, RETURN)
                    .removeState(RETURNED);

            assertThat(second.build().require(CREATED, CANCEL).guards()).isEmpty();
            assertThat(second.build().contains(RETURNED)).isTrue();
            assertThat(first.build().require(CREATED, CANCEL).guards()).containsExactly(PAID);
        }
    }

    @Nested
    @DisplayName("removal")
    class Removal {
        @Test
        @DisplayName("removeState drops the state, its transitions and its final membership")
        void removeState_dropsTransitionsAndFinalMembership() {
            Lifecycle<Ctx> withoutReturns =
                    Samples.order().toBuilder().removeState(RETURNED).build();

            assertThat(withoutReturns.states()).doesNotContain(RETURNED);
            assertThat(withoutReturns.finalStates()).containsExactly(DELIVERED, CANCELLED);
            assertThat(withoutReturns.transitionsFrom(DELIVERED)).isEmpty();
            assertThat(withoutReturns.triggers()).doesNotContain(RETURN);
            assertThat(withoutReturns.transitions()).hasSize(5);
            assertThat(withoutReturns.rank(CANCELLED)).isEqualTo(4);
        }

        @Test
        @DisplayName("removeState of an initial state drops its initial membership and outgoing transitions")
        void removeState_whenInitial_dropsInitialMembership() {
            Lifecycle.Builder<Ctx> builder = Samples.order().toBuilder()
                    .stateBefore(FRAUD_REVIEW, CREATED)
                    .transition(FRAUD_REVIEW, APPROVE, CREATED)
                    .initial(FRAUD_REVIEW, CREATED)
                    .removeState(FRAUD_REVIEW);

            Lifecycle<Ctx> lifecycle = builder.build();

            assertThat(lifecycle.initialStates()).containsExactly(CREATED);
            assertThat(lifecycle.triggers()).doesNotContain(APPROVE);
        }

        @Test
        @DisplayName("removeState of the only initial state leaves the lifecycle without one")
        void removeState_whenOnlyInitial_buildReportsNoInitial() {
            assertThat(problemsOf(minimal().removeState(A))).containsExactly("no initial state is set");
        }

        @Test
        @DisplayName("removeTransition drops just that transition")
        void removeTransition_dropsIt() {
            Lifecycle<Ctx> lifecycle = Samples.order().toBuilder()
                    .removeTransition(ALLOCATED, CANCEL)
                    .build();

            assertThat(lifecycle.transition(ALLOCATED, CANCEL)).isEmpty();
            assertThat(lifecycle.transition(CREATED, CANCEL)).isPresent();
            assertThat(lifecycle.transitionsOn(CANCEL))
                    .extracting(Transition::from)
                    .containsExactly(CREATED);
            assertThat(lifecycle.transitions()).hasSize(5);
        }

        @Test
        @DisplayName("removeTransition then transition replaces a transition's target")
        void removeTransition_thenRedeclare_replacesTarget() {
            Lifecycle<Ctx> lifecycle = Samples.order().toBuilder()
                    .removeTransition(SHIPPED, DELIVER)
                    .transition(SHIPPED, DELIVER, DELIVERED, List.of(PAID), List.of())
                    .build();

            assertThat(lifecycle.require(SHIPPED, DELIVER).guards()).containsExactly(PAID);
            assertThat(lifecycle.transitions()).last().hasToString("SHIPPED --DELIVER--> DELIVERED");
        }
    }
}
