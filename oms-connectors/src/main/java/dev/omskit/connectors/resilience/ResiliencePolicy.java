package dev.omskit.connectors.resilience;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.OmsStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How calls to one provider are protected: a timeout per attempt, retries with exponential backoff and
 * jitter (retryable failures only; a rate limit waits as long as the provider asked), a circuit breaker
 * over the recent calls, a rate limit per provider account, and a bulkhead bounding the calls in flight.
 * Immutable; the defaults suit a marketplace API.
 */
@Value.Immutable
@OmsStyle
public abstract class ResiliencePolicy {
    /** How long one attempt may take before it counts as a {@code TIMEOUT}. */
    @Value.Default
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    /** Attempts per call, the first included. */
    @Value.Default
    public int maxAttempts() {
        return 4;
    }

    /** The wait before the first retry; doubled (by {@link #backoffMultiplier()}) each time after. */
    @Value.Default
    public Duration initialBackoff() {
        return Duration.ofMillis(200);
    }

    @Value.Default
    public double backoffMultiplier() {
        return 2.0;
    }

    /** The longest wait between attempts, a provider's retry-after included. */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofSeconds(30);
    }

    /** Each wait is randomised by up to this fraction either way, so clients do not retry in step. */
    @Value.Default
    public double jitter() {
        return 0.5;
    }

    /** Failure rate (percent of the recent calls) at which the circuit opens. */
    @Value.Default
    public float failureRateThreshold() {
        return 50f;
    }

    /** How many recent calls the failure rate is computed over. */
    @Value.Default
    public int slidingWindowSize() {
        return 20;
    }

    /** Calls needed in the window before the circuit may open. */
    @Value.Default
    public int minimumCalls() {
        return 10;
    }

    /** How long an open circuit refuses calls before letting a few through to test the provider. */
    @Value.Default
    public Duration openFor() {
        return Duration.ofSeconds(30);
    }

    /** Calls allowed per account in each {@link #ratePeriod()}. */
    @Value.Default
    public int callsPerPeriod() {
        return 50;
    }

    @Value.Default
    public Duration ratePeriod() {
        return Duration.ofSeconds(1);
    }

    /** How long a call waits for a permit of the rate limiter before failing {@code RATE_LIMITED}. */
    @Value.Default
    public Duration rateWait() {
        return Duration.ofMillis(500);
    }

    /** Calls to the provider in flight at once, over all its accounts. */
    @Value.Default
    public int maxConcurrentCalls() {
        return 16;
    }

    /** How long a call waits for a place in the bulkhead before failing {@code BULKHEAD_FULL}. */
    @Value.Default
    public Duration bulkheadWait() {
        return Duration.ZERO;
    }

    @Value.Check
    protected void check() {
        List<String> problems = new ArrayList<>();
        positive(problems, "timeout", timeout());
        positive(problems, "ratePeriod", ratePeriod());
        positive(problems, "openFor", openFor());
        if (initialBackoff().isNegative() || maxBackoff().compareTo(initialBackoff()) < 0) {
            problems.add("backoff: 0 <= initialBackoff <= maxBackoff; were " + initialBackoff() + ", " + maxBackoff());
        }
        if (rateWait().isNegative() || bulkheadWait().isNegative()) {
            problems.add("rateWait and bulkheadWait must not be negative");
        }
        if (maxAttempts() < 1) {
            problems.add("maxAttempts must be at least 1; was " + maxAttempts());
        }
        if (backoffMultiplier() < 1.0) {
            problems.add("backoffMultiplier must be at least 1; was " + backoffMultiplier());
        }
        if (jitter() < 0 || jitter() >= 1) {
            problems.add("jitter must be in [0, 1); was " + jitter());
        }
        if (failureRateThreshold() <= 0 || failureRateThreshold() > 100) {
            problems.add("failureRateThreshold must be in (0, 100]; was " + failureRateThreshold());
        }
        if (slidingWindowSize() < 1 || minimumCalls() < 1) {
            problems.add("slidingWindowSize and minimumCalls must be positive");
        }
        if (callsPerPeriod() < 1 || maxConcurrentCalls() < 1) {
            problems.add("callsPerPeriod and maxConcurrentCalls must be positive");
        }
        if (!problems.isEmpty()) {
            throw InvalidArgumentException.of(
                    "resiliencePolicy", "OUT_OF_RANGE", "invalid resilience policy: " + String.join("; ", problems));
        }
    }

    private static void positive(List<String> problems, String name, Duration d) {
        if (d.isZero() || d.isNegative()) {
            problems.add(name + " must be positive; was " + d);
        }
    }

    /** The defaults. */
    public static ResiliencePolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ResiliencePolicy}. */
    public static class Builder extends ImmutableResiliencePolicy.Builder {}
}
