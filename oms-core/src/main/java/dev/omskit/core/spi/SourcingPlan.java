package dev.omskit.core.spi;

import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Map;

/**
 * Where the units of an allocation come from: the lines to reserve (each {@code ref} is the order line id)
 * and, when the demand cannot be met in full, what is short and why.
 *
 * @param lines what can be reserved (all of the demand when the plan is met, what there is otherwise)
 * @param unmet one sentence per line that could not be sourced in full, naming the SKU and the units short
 * @param shortUnits units short per order line; empty when the plan is met
 */
public record SourcingPlan(List<StockLine> lines, List<String> unmet, Map<LineId, Integer> shortUnits) {
    public SourcingPlan {
        lines = List.copyOf(lines);
        unmet = List.copyOf(unmet);
        shortUnits = Checks.orderedCopy("shortUnits", shortUnits);
    }

    /** A plan that reserves these lines. */
    public static SourcingPlan of(List<StockLine> lines) {
        return new SourcingPlan(lines, List.of(), Map.of());
    }

    public boolean isMet() {
        return unmet.isEmpty() && shortUnits.isEmpty();
    }
}
