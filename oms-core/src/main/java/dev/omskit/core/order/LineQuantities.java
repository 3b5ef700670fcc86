package dev.omskit.core.order;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.lifecycle.State;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many units of one line are in each stage. Only stages holding units are kept; the total is the
 * ordered quantity and no operation here changes it except {@link #plus} and {@link #minus}, which edits
 * use.
 *
 * @param byStage units per stage, every count positive
 */
public record LineQuantities(Map<State, Integer> byStage) {
    public LineQuantities {
        Objects.requireNonNull(byStage, "byStage");
        Map<State, Integer> copy = new LinkedHashMap<>();
        byStage.forEach((stage, count) -> {
            Objects.requireNonNull(stage, "stage");
            if (count == null || count < 0) {
                throw new InvalidArgumentException("units in stage " + stage + " must not be negative; was " + count);
            }
            if (count > 0) {
                copy.put(stage, count);
            }
        });
        byStage = Collections.unmodifiableMap(copy);
    }

    /** {@code units} units, all in {@code stage}. */
    public static LineQuantities of(State stage, int units) {
        return new LineQuantities(Map.of(stage, units));
    }

    /** Units in {@code stage} (0 if none). */
    public int get(State stage) {
        return byStage.getOrDefault(stage, 0);
    }

    /** All units of the line: the ordered quantity. */
    public int total() {
        int total = 0;
        for (int count : byStage.values()) {
            total += count;
        }
        return total;
    }

    /** Moves {@code units} from one stage to another; the total is unchanged. */
    public LineQuantities move(State from, State to, int units) {
        if (units <= 0 || get(from) < units) {
            throw new InvalidArgumentException(
                    "cannot move " + units + " units from " + from + " to " + to + "; " + from + " holds " + get(from));
        }
        Map<State, Integer> next = new LinkedHashMap<>(byStage);
        next.merge(from, -units, Integer::sum);
        next.merge(to, units, Integer::sum);
        return new LineQuantities(next);
    }

    /** Adds {@code units} in {@code stage}. */
    public LineQuantities plus(State stage, int units) {
        Map<State, Integer> next = new LinkedHashMap<>(byStage);
        next.merge(stage, units, Integer::sum);
        return new LineQuantities(next);
    }

    /** Removes {@code units} from {@code stage}. */
    public LineQuantities minus(State stage, int units) {
        if (units < 0 || get(stage) < units) {
            throw new InvalidArgumentException(
                    "cannot remove " + units + " units from " + stage + "; it holds " + get(stage));
        }
        Map<State, Integer> next = new LinkedHashMap<>(byStage);
        next.merge(stage, -units, Integer::sum);
        return new LineQuantities(next);
    }

    /** For example {@code {ALLOCATED=2, CANCELLED=1}}. */
    @Override
    public String toString() {
        return byStage.toString();
    }
}
