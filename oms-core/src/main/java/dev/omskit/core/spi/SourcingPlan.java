package dev.omskit.core.spi;

import dev.omskit.core.inventory.StockLine;
import java.util.List;

/**
 * Where the units of an allocation come from: the lines to reserve (each {@code ref} is the order line id),
 * or, when the demand cannot be met in full, why not.
 *
 * @param lines what to reserve, all or nothing; empty when {@code unmet} is not
 * @param unmet one sentence per line that could not be sourced, naming the SKU and the units short
 */
public record SourcingPlan(List<StockLine> lines, List<String> unmet) {
    public SourcingPlan {
        lines = List.copyOf(lines);
        unmet = List.copyOf(unmet);
    }

    /** A plan that reserves these lines. */
    public static SourcingPlan of(List<StockLine> lines) {
        return new SourcingPlan(lines, List.of());
    }

    /** A plan that cannot be met. */
    public static SourcingPlan unmet(List<String> reasons) {
        return new SourcingPlan(List.of(), reasons);
    }

    public boolean isMet() {
        return unmet.isEmpty();
    }
}
