package dev.omskit.core.shipment;

import dev.omskit.core.model.Money;

/**
 * Cash on delivery of one order over its live shipments.
 *
 * @param cashOnDelivery whether the order is paid on delivery
 * @param due the COD due, summed over live shipments (with accepted mismatches)
 * @param remitted what carriers remitted for them
 * @param outstanding {@code due - remitted}
 * @param mismatches shipments whose remittance does not match and waits for a resolution
 */
public record CodSummary(boolean cashOnDelivery, Money due, Money remitted, Money outstanding, int mismatches) {
    /** Whether everything due was remitted and no mismatch waits. */
    public boolean isSettled() {
        return outstanding.isZero() && mismatches == 0;
    }
}
