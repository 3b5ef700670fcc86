package dev.omskit.connectors.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does one type of work. The engine hands it leased items of one tenant, connector and type (a batch, so
 * stock pushes to one channel share a call) and applies the outcome it returns for each item's key.
 */
interface SyncHandler {
    /** Outcomes by item key; an item missing from the result is tried again after its lease. */
    Map<String, SyncOutcome> run(List<SyncWork> leased);

    /** How many items one call may take (1: one at a time). */
    default int batchSize() {
        return 1;
    }

    /** A handler taking up to {@code size} items per call. */
    static SyncHandler batched(int size, java.util.function.Function<List<SyncWork>, Map<String, SyncOutcome>> run) {
        return new SyncHandler() {
            @Override
            public Map<String, SyncOutcome> run(List<SyncWork> leased) {
                return run.apply(leased);
            }

            @Override
            public int batchSize() {
                return size;
            }
        };
    }

    /** A handler of one item at a time; whatever it throws becomes the item's outcome. */
    static SyncHandler each(Single single) {
        return leased -> {
            Map<String, SyncOutcome> out = new LinkedHashMap<>();
            for (SyncWork w : leased) {
                SyncOutcome outcome;
                try {
                    outcome = single.run(w);
                } catch (RuntimeException e) {
                    outcome = SyncOutcome.of(e);
                }
                out.put(w.key(), outcome);
            }
            return out;
        };
    }

    /** One item's work. */
    @FunctionalInterface
    interface Single {
        SyncOutcome run(SyncWork leased);
    }
}
