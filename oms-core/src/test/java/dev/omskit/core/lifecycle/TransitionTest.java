package dev.omskit.core.lifecycle;

import static dev.omskit.core.lifecycle.Samples.ALLOCATE;
import static dev.omskit.core.lifecycle.Samples.ALLOCATED;
import static dev.omskit.core.lifecycle.Samples.CANCEL;
import static dev.omskit.core.lifecycle.Samples.CANCELLED;
import static dev.omskit.core.lifecycle.Samples.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Guards, actions and transitions")
class TransitionTest {

    private static Transition<List<String>> transition(
            List<Guard<List<String>>> guards, List<Action<List<String>>> actions) {
        return Lifecycle.<List<String>>builder("t")
                .state(CREATED, ALLOCATED)
                .initial(CREATED)
                .finalStates(ALLOCATED)
                .transition(CREATED, ALLOCATE, ALLOCATED, guards, actions)
                .build()
                .require(CREATED, ALLOCATE);
    }

    private static Guard<List<String>> counting(String name, boolean allows, AtomicInteger calls) {
        return Guard.of(
                name,
                c -> {
                    calls.incrementAndGet();
                    return allows;
                },
                c -> name + " refused");
    }

    @Nested
    @DisplayName("Guard.of")
    class GuardFactory {
        @Test
        @DisplayName("allows when the predicate is true and gives the computed reason otherwise")
        void check_followsPredicate() {
            Guard<Integer> positive = Guard.of("positive", n -> n > 0, n -> n + " is not positive");

            assertThat(positive.name()).isEqualTo("positive");
            assertThat(positive.check(3)).isEmpty();
            assertThat(positive.check(-2)).contains("-2 is not positive");
        }

        @Test
        @DisplayName("falls back to a generic reason when the reason function returns null or blank")
        void check_whenReasonNullOrBlank_usesGenericReason() {
            Guard<String> nullReason = Guard.of("never", c -> false, c -> null);
            Guard<String> blankReason = Guard.of("never", c -> false, c -> "  ");

            assertThat(nullReason.check("x")).contains("refused by guard 'never'");
            assertThat(blankReason.check("x")).contains("refused by guard 'never'");
        }

        @Test
        @DisplayName("prints as Guard[name]")
        void toString_isGuardName() {
            assertThat(Guard.<String>of("notOnHold", c -> true, c -> "")).hasToString("Guard[notOnHold]");
        }

        @Test
        @DisplayName("rejects a blank or null name and null functions")
        void of_whenNameBlankOrArgumentsNull_throws() {
            assertThatThrownBy(() -> Guard.<String>of(" ", c -> true, c -> "r"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Guard name must not be blank; was ' '");
            assertThatThrownBy(() -> Guard.<String>of(null, c -> true, c -> "r"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Guard name must not be null");
            assertThatThrownBy(() -> Guard.<String>of("g", null, c -> "r"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("predicate");
            assertThatThrownBy(() -> Guard.<String>of("g", c -> true, null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("reason");
        }
    }

    @Nested
    @DisplayName("Action.of")
    class ActionFactory {
        @Test
        @DisplayName("runs its body on the context and prints as Action[name]")
        void execute_runsBody() {
            Action<List<String>> add = Action.of("addX", c -> c.add("x"));
            List<String> context = new ArrayList<>();

            add.execute(context);

            assertThat(context).containsExactly("x");
            assertThat(add.name()).isEqualTo("addX");
            assertThat(add).hasToString("Action[addX]");
        }

        @Test
        @DisplayName("rejects a blank name and a null body")
        void of_whenNameBlankOrBodyNull_throws() {
            assertThatThrownBy(() -> Action.<String>of("", c -> {}))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Action name must not be blank; was ''");
            assertThatThrownBy(() -> Action.<String>of("a", null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("body");
        }
    }

    @Nested
    @DisplayName("Transition.refusal")
    class Refusal {
        @Test
        @DisplayName("is empty when there are no guards")
        void refusal_whenNoGuards_isEmpty() {
            assertThat(transition(List.of(), List.of()).refusal(new ArrayList<>()))
                    .isEmpty();
        }

        @Test
        @DisplayName("is empty when every guard allows, after checking each of them once")
        void refusal_whenAllAllow_isEmptyAndChecksAll() {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            Transition<List<String>> t =
                    transition(List.of(counting("a", true, first), counting("b", true, second)), List.of());

            assertThat(t.refusal(new ArrayList<>())).isEmpty();
            assertThat(first).hasValue(1);
            assertThat(second).hasValue(1);
        }

        @Test
        @DisplayName("returns the reason of the first refusing guard and does not check later guards")
        void refusal_whenSecondGuardRefuses_returnsItsReasonAndSkipsThird() {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            AtomicInteger third = new AtomicInteger();
            Transition<List<String>> t = transition(
                    List.of(
                            counting("first", true, first),
                            counting("second", false, second),
                            counting("third", false, third)),
                    List.of());

            Optional<String> refusal = t.refusal(new ArrayList<>());

            assertThat(refusal).contains("second refused");
            assertThat(first).hasValue(1);
            assertThat(second).hasValue(1);
            assertThat(third).hasValue(0);
        }

        @Test
        @DisplayName("fails with an InternalException when a guard returns null")
        void refusal_whenGuardReturnsNull_throwsInternal() {
            Guard<List<String>> broken = new Guard<>() {
                @Override
                public String name() {
                    return "broken";
                }

                @Override
                public Optional<String> check(List<String> context) {
                    return null;
                }
            };
            Transition<List<String>> t = transition(List.of(broken), List.of());

            assertThatThrownBy(() -> t.refusal(new ArrayList<>()))
                    .isInstanceOf(InternalException.class)
                    .hasMessageContaining("broken")
                    .hasMessageContaining("CREATED --ALLOCATE--> ALLOCATED");
        }
    }

    @Nested
    @DisplayName("Transition.runActions")
    class RunActions {
        @Test
        @DisplayName("runs the actions in declaration order")
        void runActions_runsInOrder() {
            Transition<List<String>> t = transition(
                    List.of(),
                    List.of(
                            Action.of("one", c -> c.add("one")),
                            Action.of("two", c -> c.add("two")),
                            Action.of("three", c -> c.add("three"))));
            List<String> context = new ArrayList<>();

            t.runActions(context);

            assertThat(context).containsExactly("one", "two", "three");
        }

        @Test
        @DisplayName("stops at an action that throws; the later ones do not run")
        void runActions_whenActionThrows_propagatesAndStops() {
            Transition<List<String>> t = transition(
                    List.of(),
                    List.of(
                            Action.of("one", c -> c.add("one")),
                            Action.of("boom", c -> {
                                throw new IllegalStateException("boom");
                            }),
                            Action.of("three", c -> c.add("three"))));
            List<String> context = new ArrayList<>();

            assertThatThrownBy(() -> t.runActions(context)).hasMessage("boom");
            assertThat(context).containsExactly("one");
        }

        @Test
        @DisplayName("does nothing without actions")
        void runActions_whenNone_leavesContextUnchanged() {
            List<String> context = new ArrayList<>(List.of("before"));

            transition(List.of(), List.of()).runActions(context);

            assertThat(context).containsExactly("before");
        }
    }

    @Nested
    @DisplayName("A Transition value")
    class Value {
        @Test
        @DisplayName("exposes from, trigger, to, guards and actions, and prints as FROM --TRIGGER--> TO")
        void accessors_andToString() {
            Guard<List<String>> g = Guard.of("g", c -> true, c -> "");
            Action<List<String>> a = Action.of("a", c -> {});
            Transition<List<String>> t = transition(List.of(g), List.of(a));

            assertThat(t.from()).isEqualTo(CREATED);
            assertThat(t.trigger()).isEqualTo(ALLOCATE);
            assertThat(t.to()).isEqualTo(ALLOCATED);
            assertThat(t.guards()).containsExactly(g);
            assertThat(t.actions()).containsExactly(a);
            assertThat(t).hasToString("CREATED --ALLOCATE--> ALLOCATED");
        }

        @Test
        @DisplayName("is equal to another with the same endpoints, trigger, guards and actions only")
        void equals_comparesAllParts() {
            Guard<List<String>> g = Guard.of("g", c -> true, c -> "");
            Action<List<String>> a = Action.of("a", c -> {});
            Transition<List<String>> t = transition(List.of(g), List.of(a));
            Transition<List<String>> same = transition(List.of(g), List.of(a));
            Transition<List<String>> otherGuards = transition(List.of(), List.of(a));
            Transition<List<String>> otherActions = transition(List.of(g), List.of());

            assertThat(t).isEqualTo(same).hasSameHashCodeAs(same);
            assertThat(t).isNotEqualTo(otherGuards).isNotEqualTo(otherActions);
            Transition<List<String>> otherTarget = Lifecycle.<List<String>>builder("t")
                    .state(CREATED, ALLOCATED, CANCELLED)
                    .initial(CREATED)
                    .finalStates(ALLOCATED, CANCELLED)
                    .transition(CREATED, ALLOCATE, CANCELLED, List.of(g), List.of(a))
                    .transition(CREATED, CANCEL, ALLOCATED, List.of(g), List.of(a))
                    .build()
                    .require(CREATED, ALLOCATE);
            assertThat(t).isNotEqualTo(otherTarget);
            assertThat(t.equals(null)).isFalse();
            assertThat(t.equals("CREATED --ALLOCATE--> ALLOCATED")).isFalse();
        }

        @Test
        @DisplayName("returns unmodifiable guard and action lists")
        void lists_areUnmodifiable() {
            Transition<List<String>> t = transition(List.of(), List.of());

            assertThatThrownBy(() -> t.guards().add(Guard.of("g", c -> true, c -> "")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> t.actions().add(Action.of("a", c -> {})))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
