package dev.omskit.core.lifecycle;

import static dev.omskit.core.lifecycle.Samples.ALLOCATE;
import static dev.omskit.core.lifecycle.Samples.ALLOCATED;
import static dev.omskit.core.lifecycle.Samples.CANCEL;
import static dev.omskit.core.lifecycle.Samples.CANCELLED;
import static dev.omskit.core.lifecycle.Samples.CREATED;
import static dev.omskit.core.lifecycle.Samples.DELIVER;
import static dev.omskit.core.lifecycle.Samples.DELIVERED;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Lifecycle queries")
class LifecycleQueryTest {
    private final Lifecycle<Ctx> order = Samples.order();

    @Nested
    @DisplayName("the transition table")
    class Table {
        @Test
        @DisplayName("gives, for every state and every trigger, the next state or an IllegalTransitionException")
        void require_everyStateAndTrigger_matchesTable() {
            Map<State, Map<Trigger, State>> expected = new LinkedHashMap<>();
            expected.put(CREATED, Map.of(ALLOCATE, ALLOCATED, CANCEL, CANCELLED));
            expected.put(ALLOCATED, Map.of(SHIP, SHIPPED, CANCEL, CANCELLED));
            expected.put(SHIPPED, Map.of(DELIVER, DELIVERED));
            expected.put(DELIVERED, Map.of(RETURN, RETURNED));
            expected.put(RETURNED, Map.of());
            expected.put(CANCELLED, Map.of());
            assertThat(order.states()).containsExactlyElementsOf(expected.keySet());
            assertThat(order.triggers()).containsExactlyInAnyOrder(ALLOCATE, SHIP, DELIVER, RETURN, CANCEL);

            int legal = 0;
            int illegal = 0;
            for (State from : order.states()) {
                for (Trigger trigger : order.triggers()) {
                    State next = expected.get(from).get(trigger);
                    if (next != null) {
                        assertThat(order.require(from, trigger).to())
                                .as("%s on %s", from, trigger)
                                .isEqualTo(next);
                        assertThat(order.transition(from, trigger))
                                .as("%s on %s", from, trigger)
                                .hasValueSatisfying(t -> assertThat(t.to()).isEqualTo(next));
                        legal++;
                    } else {
                        IllegalTransitionException e = catchThrowableOfType(
                                IllegalTransitionException.class, () -> order.require(from, trigger));
                        assertThat(e).as("%s on %s", from, trigger).isNotNull();
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.trigger()).isEqualTo(trigger);
                        assertThat(e.allowedTriggers())
                                .containsExactlyInAnyOrderElementsOf(
                                        expected.get(from).keySet());
                        assertThat(order.transition(from, trigger))
                                .as("%s on %s", from, trigger)
                                .isEmpty();
                        illegal++;
                    }
                }
            }
            assertThat(legal).isEqualTo(6).isEqualTo(order.transitions().size());
            assertThat(illegal).isEqualTo(6 * 5 - 6);
        }

        @Test
        @DisplayName("every state reaches a final state by following transitions")
        void everyState_reachesAFinalState() {
            for (State start : order.states()) {
                List<State> seen = new ArrayList<>(List.of(start));
                for (int i = 0; i < seen.size(); i++) {
                    order.transitionsFrom(seen.get(i)).stream()
                            .map(Transition::to)
                            .filter(s -> !seen.contains(s))
                            .forEach(seen::add);
                }
                assertThat(seen).as("reachable from %s", start).containsAnyElementsOf(order.finalStates());
            }
        }
    }

    @Nested
    @DisplayName("require")
    class Require {
        @Test
        @DisplayName("names the allowed triggers in declaration order when the trigger is not allowed")
        void require_whenNoTransition_listsAllowedTriggers() {
            assertThatThrownBy(() -> order.require(CREATED, SHIP))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Lifecycle 'order' has no transition from CREATED on SHIP"
                            + " (triggers allowed from CREATED: ALLOCATE, CANCEL)");
        }

        @Test
        @DisplayName("says none when nothing leaves the state, and carries the lifecycle, state and trigger")
        void require_whenStateHasNoTransitions_saysNone() {
            IllegalTransitionException e =
                    catchThrowableOfType(IllegalTransitionException.class, () -> order.require(CANCELLED, SHIP));

            assertThat(e)
                    .hasMessage("Lifecycle 'order' has no transition from CANCELLED on SHIP"
                            + " (triggers allowed from CANCELLED: none)");
            assertThat(e.lifecycleName()).isEqualTo("order");
            assertThat(e.from()).isEqualTo(CANCELLED);
            assertThat(e.trigger()).isEqualTo(SHIP);
            assertThat(e.allowedTriggers()).isEmpty();
            assertThat(e.category()).isEqualTo(ErrorCategory.FAILED_PRECONDITION);
        }

        @Test
        @DisplayName("throws IllegalTransitionException for a state the lifecycle does not know")
        void require_whenUnknownState_throws() {
            assertThatThrownBy(() -> order.require(State.of("LIMBO"), SHIP))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Lifecycle 'order' has no transition from LIMBO on SHIP"
                            + " (triggers allowed from LIMBO: none)");
        }

        @Test
        @DisplayName("returns the declared transition with its guards and actions")
        void require_whenDeclared_returnsTransition() {
            Transition<Ctx> allocate = order.require(CREATED, ALLOCATE);

            assertThat(allocate.from()).isEqualTo(CREATED);
            assertThat(allocate.to()).isEqualTo(ALLOCATED);
            assertThat(allocate.guards()).extracting(Guard::name).containsExactly("notOnHold", "paid");
            assertThat(allocate.actions()).extracting(Action::name).containsExactly("reserveStock");
        }
    }

    @Nested
    @DisplayName("guards and actions of the sample order lifecycle")
    class Flow {
        @Test
        @DisplayName("a caller checks the guards, then runs the actions of the transition it takes")
        void allocate_whenAllowed_runsActions() {
            Ctx ctx = new Ctx("o-1");
            Transition<Ctx> allocate = order.require(CREATED, ALLOCATE);

            assertThat(allocate.refusal(ctx)).isEmpty();
            allocate.runActions(ctx);

            assertThat(ctx.log).containsExactly("reserveStock");
        }

        @Test
        @DisplayName("the first refusing guard gives the reason (on hold before not paid)")
        void allocate_whenOnHoldAndUnpaid_refusesWithFirstReason() {
            Ctx ctx = new Ctx("o-2");
            ctx.onHold = true;
            ctx.paid = false;

            assertThat(order.require(CREATED, ALLOCATE).refusal(ctx)).contains("order o-2 is on hold");
            ctx.onHold = false;
            assertThat(order.require(CREATED, ALLOCATE).refusal(ctx)).contains("order o-2 is not paid");
        }
    }

    @Nested
    @DisplayName("lookups")
    class Lookups {
        @Test
        @DisplayName("transitionsOn lists the transitions on a trigger in declaration order, or none")
        void transitionsOn_listsInDeclarationOrder() {
            assertThat(order.transitionsOn(CANCEL))
                    .extracting(Transition::toString)
                    .containsExactly("CREATED --CANCEL--> CANCELLED", "ALLOCATED --CANCEL--> CANCELLED");
            assertThat(order.transitionsOn(Trigger.of("REFUND"))).isEmpty();
        }

        @Test
        @DisplayName("transitionsFrom lists the transitions leaving a state in declaration order, or none")
        void transitionsFrom_listsInDeclarationOrder() {
            assertThat(order.transitionsFrom(ALLOCATED))
                    .extracting(Transition::toString)
                    .containsExactly("ALLOCATED --SHIP--> SHIPPED", "ALLOCATED --CANCEL--> CANCELLED");
            assertThat(order.transitionsFrom(RETURNED)).isEmpty();
            assertThat(order.transitionsFrom(State.of("LIMBO"))).isEmpty();
        }

        @Test
        @DisplayName("contains tells declared states from others")
        void contains_onlyDeclaredStates() {
            assertThat(order.contains(SHIPPED)).isTrue();
            assertThat(order.contains(State.of("LIMBO"))).isFalse();
        }

        @Test
        @DisplayName("rank follows the declaration order of the states")
        void rank_isDeclarationIndex() {
            for (int i = 0; i < order.states().size(); i++) {
                assertThat(order.rank(order.states().get(i))).isEqualTo(i);
            }
            assertThat(order.rank(SHIPPED)).isGreaterThan(order.rank(ALLOCATED));
        }

        @Test
        @DisplayName("null arguments are rejected with InvalidArgumentException")
        void queries_whenNull_throwInvalidArgument() {
            assertThatThrownBy(() -> order.transition(null, SHIP)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> order.transition(CREATED, null)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> order.rank(null)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> order.transitionsOn(null)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> order.transitionsFrom(null)).isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Nested
    @DisplayName("immutability")
    class Immutability {
        @Test
        @DisplayName("every returned collection is unmodifiable")
        void collections_areUnmodifiable() {
            assertThatThrownBy(() -> order.states().add(State.of("X")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.states().remove(0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.initialStates().add(SHIPPED))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.finalStates().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.triggers().remove(SHIP)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.transitions().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.transitionsOn(CANCEL).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.transitionsOn(Trigger.of("NOPE")).add(null))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.transitionsFrom(CREATED).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> order.require(CREATED, ALLOCATE).guards().clear())
                    .isInstanceOf(UnsupportedOperationException.class);

            assertThat(order.states()).hasSize(6);
            assertThat(order.transitions()).hasSize(6);
        }

        @Test
        @DisplayName("changing the lists given to the builder does not change the built lifecycle")
        void build_copiesGuardAndActionLists() {
            List<Guard<Ctx>> guards = new ArrayList<>(List.of(Samples.PAID));
            List<Action<Ctx>> actions = new ArrayList<>(List.of(Samples.RESERVE_STOCK));
            Lifecycle<Ctx> lifecycle = Lifecycle.<Ctx>builder("copy")
                    .state(CREATED, ALLOCATED)
                    .initial(CREATED)
                    .finalStates(ALLOCATED)
                    .transition(CREATED, ALLOCATE, ALLOCATED, guards, actions)
                    .build();

            guards.clear();
            actions.add(Samples.RELEASE_STOCK);

            assertThat(lifecycle.require(CREATED, ALLOCATE).guards()).containsExactly(Samples.PAID);
            assertThat(lifecycle.require(CREATED, ALLOCATE).actions()).containsExactly(Samples.RESERVE_STOCK);
        }

        @Test
        @DisplayName("changing the arrays given to the builder does not change the built lifecycle")
        void build_copiesStateArrays() {
            State[] states = {CREATED, ALLOCATED};
            State[] initial = {CREATED};
            Lifecycle.Builder<Ctx> builder = Lifecycle.<Ctx>builder("copy")
                    .state(states)
                    .initial(initial)
                    .finalStates(ALLOCATED)
                    .transition(CREATED, ALLOCATE, ALLOCATED);
            states[0] = SHIPPED;
            initial[0] = SHIPPED;

            Lifecycle<Ctx> lifecycle = builder.build();

            assertThat(lifecycle.states()).containsExactly(CREATED, ALLOCATED);
            assertThat(lifecycle.initialStates()).containsExactly(CREATED);
        }
    }
}
