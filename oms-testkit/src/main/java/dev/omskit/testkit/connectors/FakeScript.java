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
 * credentials once. {@link #calls()} lists every call in order for assertions. Thread-safe.
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
    private final List<Call> calls = new ArrayList<>();

    public FakeScript(String connector) {
        this.connector = Checks.notNull("connector", connector);
    }

    /** The next {@code times} calls fail with {@code kind}. */
    public FakeScript failNext(int times, FailureKind kind) {
        return add(times, new Step.Fail(Checks.notNull("kind", kind), Optional.empty()));
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

    /** Forgets what was scripted and recorded. */
    public void reset() {
        lock.lock();
        try {
            next.clear();
            calls.clear();
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
            step = next.pollFirst();
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
