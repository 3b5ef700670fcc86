package dev.omskit.core.inventory;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import java.util.List;

/**
 * Where stock counters disagree with their sources of truth: on hand, quarantined and in transit with the
 * sums of the ledger, reserved with the open reservations.
 *
 * @param drifts one per cell and count that disagrees; empty when everything agrees
 * @param repairs the ledger entries a repair appended (empty for a check)
 */
public record DriftReport(List<Drift> drifts, List<LedgerEntry> repairs) {
    public DriftReport {
        drifts = List.copyOf(drifts);
        repairs = List.copyOf(repairs);
    }

    /**
     * One disagreement.
     *
     * @param sku the SKU
     * @param location the location
     * @param bucket {@code onHand}, {@code reserved}, {@code quarantined} or {@code inTransit}
     * @param counter what the counter says
     * @param expected what the ledger or the reservations say
     */
    public record Drift(Sku sku, LocationId location, String bucket, int counter, int expected) {
        /** What the counter must change by to agree. */
        public int correction() {
            return expected - counter;
        }

        @Override
        public String toString() {
            return sku + "@" + location + " " + bucket + ": counter " + counter + ", expected " + expected;
        }
    }

    public boolean isClean() {
        return drifts.isEmpty();
    }
}
