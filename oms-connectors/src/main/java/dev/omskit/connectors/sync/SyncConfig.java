package dev.omskit.connectors.sync;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.OmsStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/** How the sync engine paces its work. Every value has a default; {@link #defaults()} is a sound start. */
@Value.Immutable
@OmsStyle
public abstract class SyncConfig {
    /** How many due items one round reads at a time. Default 100. */
    @Value.Default
    public int batchSize() {
        return 100;
    }

    /** How many batches one round runs at most before it returns. Default 20. */
    @Value.Default
    public int maxBatchesPerRound() {
        return 20;
    }

    /**
     * How long a worker holds an item it took: another engine instance takes it only after this, so it
     * must exceed the longest call (with the resilience layer's retries). Default 2 minutes.
     */
    @Value.Default
    public Duration lease() {
        return Duration.ofMinutes(2);
    }

    /** The wait after the first failure that may pass later; doubled each further failure. Default 5 s. */
    @Value.Default
    public Duration initialBackoff() {
        return Duration.ofSeconds(5);
    }

    /** The longest wait between attempts. Default 10 minutes. */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofMinutes(10);
    }

    /**
     * After how many failed attempts (each already retried by the resilience layer) work that kept failing
     * in ways that may pass is parked anyway, with its last failure. Default 12.
     */
    @Value.Default
    public int maxAttempts() {
        return 12;
    }

    /** How many orders one pull asks for. Default 50. */
    @Value.Default
    public int pageSize() {
        return 50;
    }

    /** How many pages one poll of a channel reads at most before it yields. Default 20. */
    @Value.Default
    public int maxPagesPerPoll() {
        return 20;
    }

    /** How many stock updates one push to a channel carries at most. Default 50. */
    @Value.Default
    public int stockBatchSize() {
        return 50;
    }

    /** Whether an order captured from a channel is allocated right after (as its own work). Default true. */
    @Value.Default
    public boolean allocateAfterCapture() {
        return true;
    }

    @Value.Check
    protected void check() {
        List<String> problems = new ArrayList<>();
        if (batchSize() < 1 || maxBatchesPerRound() < 1 || pageSize() < 1 || maxPagesPerPoll() < 1) {
            problems.add("batchSize, maxBatchesPerRound, pageSize and maxPagesPerPoll must be positive");
        }
        if (stockBatchSize() < 1 || maxAttempts() < 1) {
            problems.add("stockBatchSize and maxAttempts must be positive");
        }
        if (lease().isNegative() || lease().isZero()) {
            problems.add("lease must be positive; was " + lease());
        }
        if (initialBackoff().isNegative() || maxBackoff().compareTo(initialBackoff()) < 0) {
            problems.add("backoff: 0 <= initialBackoff <= maxBackoff; were " + initialBackoff() + ", " + maxBackoff());
        }
        if (!problems.isEmpty()) {
            throw InvalidArgumentException.of(
                    "syncConfig", "OUT_OF_RANGE", "invalid sync configuration: " + String.join("; ", problems));
        }
    }

    /** Every default. */
    public static SyncConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SyncConfig}. */
    public static class Builder extends ImmutableSyncConfig.Builder {}
}
