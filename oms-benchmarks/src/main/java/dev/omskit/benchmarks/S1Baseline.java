package dev.omskit.benchmarks;

import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit baseline of S1, shared by {@link CaptureBenchmark} and {@link OrderReservationBenchmark} so
 * both compare against the same raw loop on the same input: per line one hash lookup by SKU and one
 * bounded decrement (refilled when low, so it never runs dry), per order one small allocation. One
 * instance per benchmark state; not thread-safe.
 */
final class S1Baseline {
    private static final int INITIAL_STOCK = 1_000;
    private static final int REFILL = 1_000;

    /** What the baseline allocates per order: the one allocation it is allowed. */
    private record Reservation(String channelOrderId, int units) {}

    private final CaptureOrder[] captures;
    private final Map<String, int[]> stock = new HashMap<>();
    private int cursor;
    private long orders;
    private long reservedUnits;
    private long refilledUnits;

    S1Baseline(CaptureOrder[] captures) {
        this.captures = captures;
        for (int i = 0; i < BenchmarkData.SKUS; i++) {
            stock.put(BenchmarkData.sku(i), new int[] {INITIAL_STOCK});
        }
    }

    /** Reserves the next order of the ring; returns the one object it allocates. */
    Object next() {
        int k = cursor;
        cursor = k + 1 == captures.length ? 0 : k + 1;
        CaptureOrder order = captures[k];
        List<LineInput> in = order.lines();
        int units = 0;
        for (int i = 0, n = in.size(); i < n; i++) {
            LineInput line = in.get(i);
            int[] cell = stock.get(line.sku());
            int q = (int) line.quantity();
            if (cell[0] < q) {
                cell[0] += REFILL;
                refilledUnits += REFILL;
            }
            if (cell[0] >= q) {
                cell[0] -= q;
                units += q;
            }
        }
        reservedUnits += units;
        orders++;
        return new Reservation(order.channelOrderId(), units);
    }

    /** Throws (failing the run) when stock went negative or was not conserved, or fewer units than lines were reserved. */
    void verify(int lines) {
        if (orders == 0) {
            return;
        }
        long sum = 0;
        for (Map.Entry<String, int[]> e : stock.entrySet()) {
            int left = e.getValue()[0];
            if (left < 0) {
                BenchmarkData.check(false, "baseline stock of " + e.getKey() + " went negative: " + left);
            }
            sum += left;
        }
        long expected = (long) INITIAL_STOCK * BenchmarkData.SKUS + refilledUnits - reservedUnits;
        if (sum != expected) {
            BenchmarkData.check(
                    false,
                    "baseline stock not conserved: " + sum + " units left, expected " + expected
                            + " (initial + refills - reserved)");
        }
        BenchmarkData.check(reservedUnits >= orders * lines, "baseline reserved fewer units than lines");
    }
}
