package dev.omskit.core.spi;

import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Shortfall;
import java.util.List;

/** What {@link InventoryStore#commit} did. */
public sealed interface StockCommitResult {
    /** Everything was applied; the movements were appended as these entries. */
    record Applied(List<LedgerEntry> entries) implements StockCommitResult {
        public Applied {
            entries = List.copyOf(entries);
        }
    }

    /** Nothing was applied: these cells would have broken their invariants. */
    record Refused(List<Shortfall> shortfalls) implements StockCommitResult {
        public Refused {
            shortfalls = List.copyOf(shortfalls);
        }
    }

    /** Nothing was applied: the idempotency key was used before; these are the first commit's entries. */
    record Replayed(List<LedgerEntry> entries) implements StockCommitResult {
        public Replayed {
            entries = List.copyOf(entries);
        }
    }
}
