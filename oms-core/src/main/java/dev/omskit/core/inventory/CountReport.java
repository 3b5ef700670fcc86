package dev.omskit.core.inventory;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import java.util.List;
import java.util.Optional;

/**
 * What a stock count found: per SKU the system and counted quantities and the variance, and the shrinkage
 * (units missing) in total and at cost where cost prices are known.
 *
 * @param location the counted location
 * @param lines one per counted SKU, in SKU order
 * @param entries the ledger entries the count appended (one per SKU with a variance)
 */
public record CountReport(LocationId location, List<Line> lines, List<LedgerEntry> entries) {
    public CountReport {
        lines = List.copyOf(lines);
        entries = List.copyOf(entries);
    }

    /**
     * One counted SKU.
     *
     * @param sku the SKU
     * @param system on-hand units the system had
     * @param counted units counted
     * @param valueAtCost the variance at cost price, if the cost is known
     */
    public record Line(Sku sku, int system, int counted, Optional<Money> valueAtCost) {
        /** Counted minus system: negative is shrinkage, positive a surplus. */
        public int variance() {
            return counted - system;
        }
    }

    /** Units missing: the sum of the negative variances, as a positive number. */
    public int shrinkageUnits() {
        return lines.stream().mapToInt(l -> Math.max(0, -l.variance())).sum();
    }

    /** Units found beyond the system quantities. */
    public int surplusUnits() {
        return lines.stream().mapToInt(l -> Math.max(0, l.variance())).sum();
    }

    /** The lines whose variance is not zero. */
    public List<Line> variances() {
        return lines.stream().filter(l -> l.variance() != 0).toList();
    }

    /** A table for people. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Stock count at %s%n", location));
        sb.append(String.format("%-16s %8s %8s %9s %16s%n", "SKU", "system", "counted", "variance", "at cost"));
        for (Line l : lines) {
            sb.append(String.format(
                    "%-16s %8d %8d %+9d %16s%n",
                    l.sku(),
                    l.system(),
                    l.counted(),
                    l.variance(),
                    l.valueAtCost().map(Money::toString).orElse("-")));
        }
        sb.append(String.format("shrinkage %d unit(s), surplus %d unit(s)%n", shrinkageUnits(), surplusUnits()));
        return sb.toString();
    }
}
