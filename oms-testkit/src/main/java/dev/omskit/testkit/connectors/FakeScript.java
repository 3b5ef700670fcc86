package dev.omskit.testkit.connectors;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.core.support.Checks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a fake connector does on its next calls, scripted by a test, and what it was called with. Each
 * fake owns one: {@code fake.script().failNext(2, FailureKind.RETRYABLE)} makes its next two calls
 * throw, {@code rateLimitNext(1, Duration.ofSeconds(1))} answers the next with a rate limit, {@code
 * delayNext(1, Duration.ofMillis(500))} makes it slow, {@code authenticationFailsNext(1)} refuses the
 * credentials once, {@code failRandomly(0.3, FailureKind.RETRYABLE, new Random(seed))} fails about a
 * third of the calls (chaos tests). {@link #calls()} lists every call in order for assertions. Thread-safe.
 */
public final class FakeScript {
    /**
     * One recorded call.
     *
     * @param operation the SPI method, e.g. {@code pushStock}
     * @param argument what it was called with (the request value)
     * @param outcome {@code ok} or the failure kind it was answered with
     */
    public record Call(String operation, Object argument, String outcome) {}

    private sealed interface Step {
        record Fail(FailureKind kind, Optional<Duration> retryAfter) implements Step {}

        record Delay(Duration delay) implements Step {}
    }

    private final String connector;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Step> next = new ArrayDeque<>();
    private final java.util.Map<String, Deque<Step>> nextOf = new java.util.HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private double failureRate;
    private FailureKind randomKind = FailureKind.RETRYABLE;
    private java.util.Random random;

    public FakeScript(String connector) {
        this.connector = Checks.notNull("connector", connector);
    }

    /** The next {@code times} calls fail with {@code kind}. */
    public FakeScript failNext(int times, FailureKind kind) {
        return add(times, new Step.Fail(Checks.notNull("kind", kind), Optional.empty()));
    }

    /**
     * The next {@code times} calls of {@code operation} (e.g. {@code pushStock}) fail with {@code kind};
     * other operations are unaffected. Played before the steps scripted for any operation.
     */
    public FakeScript failNext(String operation, int times, FailureKind kind) {
        Checks.notNull("operation", operation);
        Step step = new Step.Fail(Checks.notNull("kind", kind), Optional.empty());
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        lock.lock();
        try {
            Deque<Step> steps = nextOf.computeIfAbsent(operation, o -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                steps.addLast(step);
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** The next {@code times} calls are answered with a rate limit asking to wait {@code retryAfter}. */
    public FakeScript rateLimitNext(int times, Duration retryAfter) {
        return add(times, new Step.Fail(FailureKind.RATE_LIMITED, Optional.of(retryAfter)));
    }

    /** The next {@code times} calls are refused as unauthenticated. */
    public FakeScript authenticationFailsNext(int times) {
        return failNext(times, FailureKind.AUTHENTICATION_FAILED);
    }

    /** The next {@code times} calls take {@code delay} before answering (for timeouts). */
    public FakeScript delayNext(int times, Duration delay) {
        return add(times, new Step.Delay(Checks.notNull("delay", delay)));
    }

    /**
     * From now on, each call not otherwise scripted fails with {@code kind} with probability {@code rate},
     * drawn from {@code random} (seed it, so a failing chaos test can be replayed); {@code rate} 0 stops it.
     */
    public FakeScript failRandomly(double rate, FailureKind kind, java.util.Random random) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1]; was " + rate);
        }
        lock.lock();
        try {
            this.failureRate = rate;
            this.randomKind = Checks.notNull("kind", kind);
            this.random = Checks.notNull("random", random);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Forgets what was scripted and recorded. */
    public void reset() {
        lock.lock();
        try {
            next.clear();
            nextOf.clear();
            calls.clear();
            failureRate = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Every call so far, oldest first. */
    public List<Call> calls() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    /** The calls of one operation. */
    public List<Call> calls(String operation) {
        return calls().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /**
     * Called by a fake at the start of each operation: records the call and plays the next scripted step
     * (sleeping, or throwing the scripted {@link ConnectorException}).
     */
    public void enter(String operation, Object argument) {
        Step step;
        lock.lock();
        try {
            Deque<Step> own = nextOf.get(operation);
            step = own == null || own.isEmpty() ? next.pollFirst() : own.pollFirst();
            if (step == null && failureRate > 0 && random.nextDouble() < failureRate) {
                step = new Step.Fail(randomKind, Optional.empty());
            }
            String outcome = step instanceof Step.Fail f ? f.kind().name() : "ok";
            calls.add(new Call(operation, argument, outcome));
        } finally {
            lock.unlock();
        }
        if (step instanceof Step.Delay d) {
            try {
                Thread.sleep(d.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.retryable(connector, operation, "interrupted while delayed");
            }
        } else if (step instanceof Step.Fail f) {
            throw new ConnectorException(
                    connector, operation, f.kind(), "scripted " + f.kind() + " failure", f.retryAfter(), 1, null);
        }
    }

    private FakeScript add(int times, Step step) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        lock.lock();
        try {
            for (int i = 0; i < times; i++) {
                next.addLast(step);
            }
        } finally {
            lock.unlock();
        }
        return this;
    }
}
