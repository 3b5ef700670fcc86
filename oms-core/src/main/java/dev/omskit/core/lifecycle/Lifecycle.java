package dev.omskit.core.lifecycle;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A state machine declared as data: named states in rank (progress) order, the initial states a flow
 * starts in, the final states where it may end, and a table of {@link Transition transitions} from a
 * state on a {@link Trigger} to a state, each with its {@link Guard guards} and {@link Action actions}.
 * A lifecycle only describes the flow; it holds no current state: callers keep the state of their
 * aggregate and ask the lifecycle which transition applies ({@link #transition}, {@link #require}).
 *
 * <p>A lifecycle is built and validated by a {@link Builder}: every state is reachable from an initial
 * state and can reach a final state, and each (state, trigger) pair has at most one transition. A host
 * customises a lifecycle of the library through {@link #toBuilder()} instead of forking it. {@link
 * #toMermaid()} and {@link #toDot()} export it as a diagram.
 *
 * <p>Immutable and thread-safe (provided its guards and actions are); all queries are cheap and the
 * (state, trigger) lookup is a hash-map access.
 *
 * @param <C> the type of the context the guards and actions look at, for example an order
 */
public final class Lifecycle<C> {
    private final String name;
    private final List<State> states;
    private final Map<State, Integer> ranks;
    private final Set<State> initialStates;
    private final Set<State> finalStates;
    private final Set<Trigger> triggers;
    private final List<Transition<C>> transitions;
    private final Map<Key, Transition<C>> byKey;
    private final Map<State, List<Transition<C>>> byFrom;
    private final Map<Trigger, List<Transition<C>>> byTrigger;

    private Lifecycle(
            String name,
            List<State> states,
            Set<State> initialStates,
            Set<State> finalStates,
            List<Transition<C>> transitions) {
        this.name = name;
        this.states = List.copyOf(states);
        Map<State, Integer> rankMap = new HashMap<>();
        for (int i = 0; i < this.states.size(); i++) {
            rankMap.put(this.states.get(i), i);
        }
        this.ranks = Map.copyOf(rankMap);
        this.initialStates = Collections.unmodifiableSet(new LinkedHashSet<>(initialStates));
        this.finalStates = Collections.unmodifiableSet(new LinkedHashSet<>(finalStates));
        this.transitions = List.copyOf(transitions);

        Set<Trigger> triggerSet = new LinkedHashSet<>();
        Map<Key, Transition<C>> keyMap = new HashMap<>();
        Map<State, List<Transition<C>>> fromMap = new HashMap<>();
        Map<Trigger, List<Transition<C>>> triggerMap = new HashMap<>();
        for (Transition<C> t : this.transitions) {
            triggerSet.add(t.trigger());
            keyMap.put(new Key(t.from(), t.trigger()), t);
            fromMap.computeIfAbsent(t.from(), s -> new ArrayList<>()).add(t);
            triggerMap.computeIfAbsent(t.trigger(), s -> new ArrayList<>()).add(t);
        }
        this.triggers = Collections.unmodifiableSet(triggerSet);
        this.byKey = Map.copyOf(keyMap);
        this.byFrom = copyOfLists(fromMap);
        this.byTrigger = copyOfLists(triggerMap);
    }

    private static <K, V> Map<K, List<V>> copyOfLists(Map<K, List<V>> map) {
        Map<K, List<V>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Map.copyOf(copy);
    }

    /**
     * A new, empty builder for a lifecycle called {@code name}.
     *
     * @throws InvalidArgumentException if {@code name} is null or blank
     */
    public static <C> Builder<C> builder(String name) {
        return new Builder<>(LifecycleChecks.notBlank("Lifecycle name", name));
    }

    /** The name, for example {@code order}; used in messages and as the diagram title. */
    public String name() {
        return name;
    }

    /**
     * The states in declaration order, which is their rank: the order of progress through the flow. A
     * caller can derive an overall status from several parts (for example order lines) by comparing
     * ranks. Unmodifiable.
     */
    public List<State> states() {
        return states;
    }

    /**
     * The rank of {@code state}: its index in {@link #states()}.
     *
     * @throws InvalidArgumentException if {@code state} is not a state of this lifecycle
     */
    public int rank(State state) {
        Integer rank = ranks.get(LifecycleChecks.notNull("state", state));
        if (rank == null) {
            throw new InvalidArgumentException("State " + state + " is not a state of lifecycle '" + name + "'");
        }
        return rank;
    }

    /** Whether {@code state} is one of the states of this lifecycle. */
    public boolean contains(State state) {
        return ranks.containsKey(LifecycleChecks.notNull("state", state));
    }

    /** The states a flow may start in, in the order they were set; unmodifiable, never empty. */
    public Set<State> initialStates() {
        return initialStates;
    }

    /**
     * The states where a flow may end, in the order they were set; unmodifiable, never empty. A final
     * state may still have outgoing transitions (for example {@code DELIVERED} to {@code RETURNED}).
     */
    public Set<State> finalStates() {
        return finalStates;
    }

    /** Every trigger used by a transition, in order of first appearance in {@link #transitions()}. */
    public Set<Trigger> triggers() {
        return triggers;
    }

    /** Every transition, in declaration order; unmodifiable. */
    public List<Transition<C>> transitions() {
        return transitions;
    }

    /** The transition from {@code from} on {@code trigger}, if there is one. */
    public Optional<Transition<C>> transition(State from, Trigger trigger) {
        return Optional.ofNullable(
                byKey.get(new Key(LifecycleChecks.notNull("from", from), LifecycleChecks.notNull("trigger", trigger))));
    }

    /** The transitions on {@code trigger}, in declaration order; empty if there is none. Unmodifiable. */
    public List<Transition<C>> transitionsOn(Trigger trigger) {
        return byTrigger.getOrDefault(LifecycleChecks.notNull("trigger", trigger), List.of());
    }

    /** The transitions leaving {@code from}, in declaration order; empty if there is none. Unmodifiable. */
    public List<Transition<C>> transitionsFrom(State from) {
        return byFrom.getOrDefault(LifecycleChecks.notNull("from", from), List.of());
    }

    /**
     * The transition from {@code from} on {@code trigger}.
     *
     * @throws IllegalTransitionException if there is none (including when {@code from} is not a state of
     *     this lifecycle); its message lists the triggers allowed from {@code from}
     */
    public Transition<C> require(State from, Trigger trigger) {
        return transition(from, trigger)
                .orElseThrow(() -> new IllegalTransitionException(
                        name,
                        from,
                        trigger,
                        transitionsFrom(from).stream().map(Transition::trigger).collect(Collectors.toList())));
    }

    /**
     * A new builder holding everything of this lifecycle: its name, the states in rank order, the initial
     * and final states, and the transitions with their guards and actions. A host uses it to extend or
     * adjust a lifecycle of the library (add a step, a guard, an action; remove a transition) without
     * forking it; this lifecycle is not affected.
     */
    public Builder<C> toBuilder() {
        Builder<C> builder = new Builder<>(name);
        builder.states.addAll(states);
        builder.initialStates.addAll(initialStates);
        builder.finalStates.addAll(finalStates);
        for (Transition<C> t : transitions) {
            builder.drafts.add(new Draft<>(t.from(), t.trigger(), t.to(), t.guards(), t.actions()));
        }
        return builder;
    }

    /**
     * A Mermaid {@code stateDiagram-v2} of this lifecycle: a front-matter title, an arrow from {@code
     * [*]} to each initial state, one arrow per transition in declaration order labelled with its
     * trigger, its guards in brackets and its actions after a slash, and an arrow from each final state
     * to {@code [*]}. Deterministic.
     */
    public String toMermaid() {
        StringBuilder sb = new StringBuilder();
        sb.append("---\n").append("title: ").append(oneLine(name)).append('\n').append("---\n");
        sb.append("stateDiagram-v2\n");
        for (State s : initialStates) {
            sb.append("    [*] --> ").append(s).append('\n');
        }
        for (Transition<C> t : transitions) {
            sb.append("    ")
                    .append(t.from())
                    .append(" --> ")
                    .append(t.to())
                    .append(" : ")
                    .append(oneLine(label(t)))
                    .append('\n');
        }
        for (State s : finalStates) {
            sb.append("    ").append(s).append(" --> [*]\n");
        }
        return sb.toString();
    }

    /**
     * A Graphviz DOT digraph of this lifecycle, left to right: a point-shaped start node with an edge to
     * each initial state, every state as a rounded box in rank order (final states with a double
     * border), and one edge per transition in declaration order labelled like in {@link #toMermaid()}.
     * Deterministic.
     */
    public String toDot() {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph \"").append(dotEscape(name)).append("\" {\n");
        sb.append("    rankdir=LR;\n");
        sb.append("    node [shape=box, style=rounded];\n");
        sb.append("    \"__start\" [shape=point, label=\"\"];\n");
        for (State s : states) {
            sb.append("    \"").append(s).append('"');
            if (finalStates.contains(s)) {
                sb.append(" [peripheries=2]");
            }
            sb.append(";\n");
        }
        for (State s : initialStates) {
            sb.append("    \"__start\" -> \"").append(s).append("\";\n");
        }
        for (Transition<C> t : transitions) {
            sb.append("    \"")
                    .append(t.from())
                    .append("\" -> \"")
                    .append(t.to())
                    .append("\" [label=\"")
                    .append(dotEscape(label(t)))
                    .append("\"];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** For example {@code Lifecycle[order, 7 states, 12 transitions]}. */
    @Override
    public String toString() {
        return "Lifecycle[" + name + ", " + states.size() + " states, " + transitions.size() + " transitions]";
    }

    private static String label(Transition<?> t) {
        StringBuilder sb = new StringBuilder(t.trigger().name());
        if (!t.guards().isEmpty()) {
            sb.append(" [")
                    .append(t.guards().stream().map(Guard::name).collect(Collectors.joining(", ")))
                    .append(']');
        }
        if (!t.actions().isEmpty()) {
            sb.append(" / ").append(t.actions().stream().map(Action::name).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String dotEscape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> {}
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The lookup key of a transition. */
    private record Key(State from, Trigger trigger) {}

    /** A transition being declared: mutable guard and action lists. */
    private static final class Draft<C> {
        final State from;
        final Trigger trigger;
        final State to;
        final List<Guard<C>> guards;
        final List<Action<C>> actions;

        Draft(State from, Trigger trigger, State to, List<Guard<C>> guards, List<Action<C>> actions) {
            this.from = from;
            this.trigger = trigger;
            this.to = to;
            this.guards = new ArrayList<>(guards);
            this.actions = new ArrayList<>(actions);
        }

        boolean is(State from, Trigger trigger) {
            return this.from.equals(from) && this.trigger.equals(trigger);
        }

        String describe() {
            return from + " --" + trigger + "--> " + to;
        }
    }

    /**
     * Declares a {@link Lifecycle}: states in rank order, initial and final states, transitions with
     * guards and actions. Every method returns this builder. Mistakes that can only be judged on the
     * whole definition (an undeclared state, a guard on a transition that does not exist, an unreachable
     * state ...) are collected and reported together by {@link #build()}; only null arguments fail at
     * once, with an {@link InvalidArgumentException}.
     *
     * <p>Mutable and not thread-safe: use a builder from one thread, then share the built lifecycle.
     *
     * @param <C> the type of the context the guards and actions look at
     */
    public static final class Builder<C> {
        private final String name;
        private final List<State> states = new ArrayList<>();
        private final Set<State> initialStates = new LinkedHashSet<>();
        private final Set<State> finalStates = new LinkedHashSet<>();
        private final List<Draft<C>> drafts = new ArrayList<>();
        private final List<String> recordedProblems = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Appends {@code states} to the rank order; a state declared twice is a problem. */
        public Builder<C> state(State... states) {
            for (State s : nonNullStates("states", states)) {
                if (this.states.contains(s)) {
                    recordedProblems.add("state " + s + " is declared twice");
                } else {
                    this.states.add(s);
                }
            }
            return this;
        }

        /**
         * Inserts {@code newState} into the rank order just before {@code existing}. If {@code existing} is
         * not declared, that is a problem, and {@code newState} is appended so that the other checks still
         * run.
         */
        public Builder<C> stateBefore(State newState, State existing) {
            return insert("stateBefore", newState, existing, 0);
        }

        /**
         * Inserts {@code newState} into the rank order just after {@code existing}. If {@code existing} is
         * not declared, that is a problem, and {@code newState} is appended so that the other checks still
         * run.
         */
        public Builder<C> stateAfter(State newState, State existing) {
            return insert("stateAfter", newState, existing, 1);
        }

        private Builder<C> insert(String method, State newState, State existing, int offset) {
            LifecycleChecks.notNull("newState", newState);
            LifecycleChecks.notNull("existing", existing);
            if (states.contains(newState)) {
                recordedProblems.add("state " + newState + " is declared twice");
                return this;
            }
            int index = states.indexOf(existing);
            if (index < 0) {
                recordedProblems.add(
                        method + "(" + newState + ", " + existing + "): state " + existing + " is not declared");
                states.add(newState);
            } else {
                states.add(index + offset, newState);
            }
            return this;
        }

        /** Replaces the initial states, the states a flow may start in (one or more). */
        public Builder<C> initial(State... states) {
            List<State> checked = nonNullStates("initial states", states);
            initialStates.clear();
            initialStates.addAll(checked);
            return this;
        }

        /**
         * Replaces the final states, the states where a flow may end (one or more). A final state may
         * still have outgoing transitions, for example {@code DELIVERED} to {@code RETURNED}.
         */
        public Builder<C> finalStates(State... states) {
            List<State> checked = nonNullStates("final states", states);
            finalStates.clear();
            finalStates.addAll(checked);
            return this;
        }

        /** Declares a transition without guards or actions. */
        public Builder<C> transition(State from, Trigger trigger, State to) {
            return transition(from, trigger, to, List.of(), List.of());
        }

        /**
         * Declares a transition with its guards (checked in order) and actions (run in order). A second
         * transition from the same state on the same trigger is a problem.
         */
        public Builder<C> transition(
                State from, Trigger trigger, State to, List<Guard<C>> guards, List<Action<C>> actions) {
            LifecycleChecks.notNull("from", from);
            LifecycleChecks.notNull("trigger", trigger);
            LifecycleChecks.notNull("to", to);
            LifecycleChecks.notNull("guards", guards);
            LifecycleChecks.notNull("actions", actions);
            guards.forEach(g -> LifecycleChecks.notNull("guard", g));
            actions.forEach(a -> LifecycleChecks.notNull("action", a));
            drafts.add(new Draft<>(from, trigger, to, guards, actions));
            return this;
        }

        /**
         * Appends {@code guard} to the transition from {@code from} on {@code trigger}, which must already
         * be declared (otherwise that is a problem).
         */
        public Builder<C> guard(State from, Trigger trigger, Guard<C> guard) {
            LifecycleChecks.notNull("guard", guard);
            find(from, trigger)
                    .ifPresentOrElse(
                            d -> d.guards.add(guard),
                            () -> recordedProblems.add("guard " + guard.name() + ": no transition from " + from + " on "
                                    + trigger + " is declared"));
            return this;
        }

        /**
         * Appends {@code guard} to every transition on {@code trigger} declared so far; there must be at
         * least one (otherwise that is a problem).
         */
        public Builder<C> guard(Trigger trigger, Guard<C> guard) {
            LifecycleChecks.notNull("trigger", trigger);
            LifecycleChecks.notNull("guard", guard);
            boolean found = false;
            for (Draft<C> d : drafts) {
                if (d.trigger.equals(trigger)) {
                    d.guards.add(guard);
                    found = true;
                }
            }
            if (!found) {
                recordedProblems.add("guard " + guard.name() + ": no transition on " + trigger + " is declared");
            }
            return this;
        }

        /**
         * Appends {@code action} to the transition from {@code from} on {@code trigger}, which must already
         * be declared (otherwise that is a problem).
         */
        public Builder<C> action(State from, Trigger trigger, Action<C> action) {
            LifecycleChecks.notNull("action", action);
            find(from, trigger)
                    .ifPresentOrElse(
                            d -> d.actions.add(action),
                            () -> recordedProblems.add("action " + action.name() + ": no transition from " + from
                                    + " on " + trigger + " is declared"));
            return this;
        }

        /**
         * Removes the transition from {@code from} on {@code trigger}, which must be declared (otherwise
         * that is a problem).
         */
        public Builder<C> removeTransition(State from, Trigger trigger) {
            LifecycleChecks.notNull("from", from);
            LifecycleChecks.notNull("trigger", trigger);
            if (!drafts.removeIf(d -> d.is(from, trigger))) {
                recordedProblems.add(
                        "removeTransition: no transition from " + from + " on " + trigger + " is declared");
            }
            return this;
        }

        /**
         * Removes {@code state} with every transition from or to it and its membership of the initial and
         * final states. The state must be declared (otherwise that is a problem).
         */
        public Builder<C> removeState(State state) {
            LifecycleChecks.notNull("state", state);
            if (!states.remove(state)) {
                recordedProblems.add("removeState: state " + state + " is not declared");
                return this;
            }
            initialStates.remove(state);
            finalStates.remove(state);
            drafts.removeIf(d -> d.from.equals(state) || d.to.equals(state));
            return this;
        }

        /**
         * Validates the definition and builds the lifecycle.
         *
         * @throws LifecycleDefinitionException listing every problem found: no states, no initial or no
         *     final state, an initial or final state that is not declared, a state declared twice, an
         *     unknown anchor of {@code stateBefore} / {@code stateAfter}, a transition naming an undeclared
         *     state, two transitions from the same state on the same trigger, a guard, action or removal
         *     aimed at an undeclared transition, a state no initial state leads to, a state that leads to
         *     no final state
         */
        public Lifecycle<C> build() {
            List<String> problems = new ArrayList<>();
            if (states.isEmpty()) {
                problems.add("no states are declared");
            }
            problems.addAll(recordedProblems);
            Set<State> declared = new HashSet<>(states);
            if (initialStates.isEmpty()) {
                problems.add("no initial state is set");
            }
            if (finalStates.isEmpty()) {
                problems.add("no final state is set");
            }
            for (State s : initialStates) {
                if (!declared.contains(s)) {
                    problems.add("initial state " + s + " is not declared");
                }
            }
            for (State s : finalStates) {
                if (!declared.contains(s)) {
                    problems.add("final state " + s + " is not declared");
                }
            }

            // The graph checks follow every transition between declared states, duplicates included, so
            // that one mistake does not also show up as unreachable states.
            List<Draft<C>> valid = new ArrayList<>();
            Map<Key, Draft<C>> seen = new LinkedHashMap<>();
            for (Draft<C> d : drafts) {
                boolean ok = true;
                if (!declared.contains(d.from)) {
                    problems.add("transition " + d.describe() + " leaves undeclared state " + d.from);
                    ok = false;
                }
                if (!declared.contains(d.to)) {
                    problems.add("transition " + d.describe() + " enters undeclared state " + d.to);
                    ok = false;
                }
                Draft<C> first = seen.putIfAbsent(new Key(d.from, d.trigger), d);
                if (first != null) {
                    problems.add("two transitions from " + d.from + " on " + d.trigger + ": " + first.describe()
                            + " and " + d.describe());
                }
                if (ok) {
                    valid.add(d);
                }
            }

            Set<State> starts = new LinkedHashSet<>(initialStates);
            starts.retainAll(declared);
            if (!starts.isEmpty()) {
                Set<State> reached = walk(starts, valid, false);
                for (State s : states) {
                    if (!reached.contains(s)) {
                        problems.add("state " + s + " is unreachable from the initial states " + starts);
                    }
                }
            }
            Set<State> ends = new LinkedHashSet<>(finalStates);
            ends.retainAll(declared);
            if (!ends.isEmpty()) {
                Set<State> reaching = walk(ends, valid, true);
                for (State s : states) {
                    if (!reaching.contains(s)) {
                        problems.add("state " + s + " cannot reach any final state " + ends);
                    }
                }
            }

            if (!problems.isEmpty()) {
                throw new LifecycleDefinitionException(name, problems);
            }
            List<Transition<C>> transitions = new ArrayList<>();
            for (Draft<C> d : drafts) {
                transitions.add(new Transition<>(d.from, d.trigger, d.to, d.guards, d.actions));
            }
            return new Lifecycle<>(name, states, initialStates, finalStates, transitions);
        }

        /** The states reachable from {@code roots} along the transitions, or against them if reversed. */
        private static Set<State> walk(Set<State> roots, List<? extends Draft<?>> edges, boolean reversed) {
            Map<State, List<State>> next = new HashMap<>();
            for (Draft<?> d : edges) {
                State source = reversed ? d.to : d.from;
                State target = reversed ? d.from : d.to;
                next.computeIfAbsent(source, s -> new ArrayList<>()).add(target);
            }
            Set<State> visited = new HashSet<>(roots);
            Deque<State> queue = new ArrayDeque<>(roots);
            while (!queue.isEmpty()) {
                for (State target : next.getOrDefault(queue.poll(), List.of())) {
                    if (visited.add(target)) {
                        queue.add(target);
                    }
                }
            }
            return visited;
        }

        private Optional<Draft<C>> find(State from, Trigger trigger) {
            LifecycleChecks.notNull("from", from);
            LifecycleChecks.notNull("trigger", trigger);
            return drafts.stream().filter(d -> d.is(from, trigger)).findFirst();
        }

        private static List<State> nonNullStates(String what, State[] states) {
            LifecycleChecks.notNull(what, states);
            List<State> list = new ArrayList<>(states.length);
            for (State s : states) {
                list.add(LifecycleChecks.notNull("each of the " + what, s));
            }
            return list;
        }
    }
}
