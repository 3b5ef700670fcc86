package dev.omskit.connectors.resilience;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.core.support.Checks;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs remote calls under a {@link ResiliencePolicy}: every attempt passes the provider's circuit
 * breaker, the account's rate limiter and the provider's bulkhead, and is cut off at the timeout; failed
 * attempts are retried with backoff while their {@link FailureKind} says so. Whatever goes wrong comes
 * out as one {@link ConnectorException}, naming the attempts made.
 *
 * <p>Failure kinds: a connector's own {@code ConnectorException} keeps its kind; an {@link IOException}
 * is {@code RETRYABLE}; a timeout {@code TIMEOUT}; any other exception a connector throws is {@code
 * NOT_RETRYABLE} (a bug is not cured by retrying). The circuit breaker counts only {@code RETRYABLE} and
 * {@code TIMEOUT} failures: a refused request or a rate limit says nothing about the provider's health.
 * An open circuit, a full bulkhead or an exhausted local rate limit fail without calling ({@code
 * CIRCUIT_OPEN}, {@code BULKHEAD_FULL}, {@code RATE_LIMITED} with the limiter's period as retry-after).
 *
 * <p>One caller serves many connectors: breakers, bulkheads and retries are kept per connector, rate
 * limiters per connector and account, each with the policy given for the connector (or the default).
 * Thread-safe. {@link #close()} stops the threads that enforce timeouts.
 */
public final class ResilientCaller implements AutoCloseable {
    private final ResiliencePolicy defaults;
    private final Map<String, ResiliencePolicy> policies;
    private final Map<String, Guards> guards = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final ExecutorService timeouts;
    private final MeterRegistry registry;

    private record Guards(ResiliencePolicy policy, CircuitBreaker breaker, Bulkhead bulkhead, TimeLimiter limiter) {}

    private ResilientCaller(ResiliencePolicy defaults, Map<String, ResiliencePolicy> policies, MeterRegistry registry) {
        this.defaults = defaults;
        this.policies = Map.copyOf(policies);
        this.registry = registry;
        AtomicInteger n = new AtomicInteger();
        this.timeouts = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "omskit-connector-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A caller with one policy for every connector. */
    public static ResilientCaller of(ResiliencePolicy policy) {
        return new ResilientCaller(Checks.notNull("policy", policy), Map.of(), null);
    }

    /** A caller with a default policy and policies of named connectors. */
    public static ResilientCaller of(ResiliencePolicy defaults, Map<String, ResiliencePolicy> perConnector) {
        return new ResilientCaller(
                Checks.notNull("defaults", defaults), Checks.notNull("perConnector", perConnector), null);
    }

    /**
     * A caller recording in {@code registry}: {@code omskit.connector.calls} (counter by connector,
     * operation and outcome: {@code ok} or the failure kind), {@code omskit.connector.attempts} (counter
     * of attempts, retries included), {@code omskit.connector.latency} (timer of whole calls by connector
     * and operation) and {@code omskit.connector.circuit.open} (gauge: 1 while a connector's circuit is
     * open or half open, else 0).
     */
    public static ResilientCaller of(
            ResiliencePolicy defaults, Map<String, ResiliencePolicy> perConnector, MeterRegistry registry) {
        return new ResilientCaller(
                Checks.notNull("defaults", defaults),
                Checks.notNull("perConnector", perConnector),
                Checks.notNull("registry", registry));
    }

    /**
     * Calls {@code call} for {@code operation} of {@code connector} on behalf of {@code account} (the
     * provider account whose rate limit applies, e.g. a shop id), under the connector's policy.
     *
     * @throws ConnectorException when every attempt failed or the call was not attempted
     */
    public <T> T call(String connector, String account, String operation, Callable<T> call) {
        Checks.notNull("connector", connector);
        Checks.notNull("account", account);
        Checks.notNull("operation", operation);
        Checks.notNull("call", call);
        Guards g = guards.computeIfAbsent(connector, this::guardsOf);
        RateLimiter rate = limiters.computeIfAbsent(connector + "\u0000" + account, k -> limiterOf(g.policy(), k));
        AtomicInteger attempts = new AtomicInteger();
        Callable<T> attempt = () -> {
            attempts.incrementAndGet();
            return attempt(connector, operation, g, rate, call);
        };
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return Retry.decorateCallable(retryOf(connector, g.policy()), attempt)
                    .call();
        } catch (ConnectorException e) {
            outcome = e.kind().name();
            throw e.afterAttempts(attempts.get());
        } catch (Exception e) {
            outcome = FailureKind.NOT_RETRYABLE.name();
            throw new ConnectorException(
                    connector,
                    operation,
                    FailureKind.NOT_RETRYABLE,
                    "unexpected " + e,
                    Optional.empty(),
                    attempts.get(),
                    e);
        } finally {
            record(connector, operation, outcome, attempts.get(), System.nanoTime() - start);
        }
    }

    private void record(String connector, String operation, String outcome, int attempts, long nanos) {
        if (registry == null) {
            return;
        }
        Counter.builder("omskit.connector.calls")
                .description("Calls to remote systems, by outcome")
                .tag("connector", connector)
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Counter.builder("omskit.connector.attempts")
                .description("Attempts of calls to remote systems, retries included")
                .tag("connector", connector)
                .tag("operation", operation)
                .register(registry)
                .increment(attempts);
        Timer.builder("omskit.connector.latency")
                .description("Time of whole calls to remote systems, retries and waits included")
                .tag("connector", connector)
                .tag("operation", operation)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The state of a connector's circuit breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} ...). */
    public String circuitState(String connector) {
        return guards.computeIfAbsent(connector, this::guardsOf)
                .breaker()
                .getState()
                .name();
    }

    private <T> T attempt(String connector, String operation, Guards g, RateLimiter rate, Callable<T> call) {
        Callable<T> timed = () -> timed(connector, operation, g, call);
        try {
            return CircuitBreaker.decorateCallable(
                            g.breaker(),
                            RateLimiter.decorateCallable(rate, Bulkhead.decorateCallable(g.bulkhead(), timed)))
                    .call();
        } catch (ConnectorException e) {
            throw e;
        } catch (CallNotPermittedException e) {
            throw new ConnectorException(
                    connector,
                    operation,
                    FailureKind.CIRCUIT_OPEN,
                    "circuit open after repeated failures; not attempted",
                    Optional.of(g.policy().openFor()),
                    1,
                    e);
        } catch (RequestNotPermitted e) {
            throw new ConnectorException(
                    connector,
                    operation,
                    FailureKind.RATE_LIMITED,
                    "local rate limit of " + g.policy().callsPerPeriod() + " calls per "
                            + g.policy().ratePeriod() + " reached",
                    Optional.of(g.policy().ratePeriod()),
                    1,
                    e);
        } catch (BulkheadFullException e) {
            throw new ConnectorException(
                    connector,
                    operation,
                    FailureKind.BULKHEAD_FULL,
                    g.policy().maxConcurrentCalls() + " calls already in flight",
                    Optional.empty(),
                    1,
                    e);
        } catch (Exception e) {
            throw mapped(connector, operation, e);
        }
    }

    private <T> T timed(String connector, String operation, Guards g, Callable<T> call) throws Exception {
        try {
            return g.limiter().executeFutureSupplier(() -> timeouts.submit(call));
        } catch (TimeoutException e) {
            throw new ConnectorException(
                    connector,
                    operation,
                    FailureKind.TIMEOUT,
                    "no answer within " + g.policy().timeout(),
                    Optional.empty(),
                    1,
                    e);
        } catch (ExecutionException e) {
            throw mapped(connector, operation, e.getCause() == null ? e : e.getCause());
        }
    }

    private static ConnectorException mapped(String connector, String operation, Throwable e) {
        if (e instanceof ConnectorException c) {
            return c;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return ConnectorException.retryable(connector, operation, "I/O error: " + e.getMessage(), e);
        }
        return new ConnectorException(
                connector,
                operation,
                FailureKind.NOT_RETRYABLE,
                "the connector threw " + e.getClass().getName() + ": " + e.getMessage(),
                Optional.empty(),
                1,
                e);
    }

    private Guards guardsOf(String connector) {
        ResiliencePolicy p = policies.getOrDefault(connector, defaults);
        CircuitBreaker breaker = CircuitBreaker.of(
                connector,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(p.failureRateThreshold())
                        .slidingWindowSize(p.slidingWindowSize())
                        .minimumNumberOfCalls(p.minimumCalls())
                        .waitDurationInOpenState(p.openFor())
                        .recordException(ResilientCaller::countsAgainstHealth)
                        .build());
        Bulkhead bulkhead = Bulkhead.of(
                connector,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(p.maxConcurrentCalls())
                        .maxWaitDuration(p.bulkheadWait())
                        .build());
        TimeLimiter limiter = TimeLimiter.of(
                connector,
                TimeLimiterConfig.custom()
                        .timeoutDuration(p.timeout())
                        .cancelRunningFuture(true)
                        .build());
        if (registry != null) {
            Gauge.builder("omskit.connector.circuit.open", breaker, b -> switch (b.getState()) {
                        case OPEN, HALF_OPEN, FORCED_OPEN -> 1.0;
                        default -> 0.0;
                    })
                    .description("1 while the connector's circuit breaker is open or half open")
                    .tag("connector", connector)
                    .register(registry);
        }
        return new Guards(p, breaker, bulkhead, limiter);
    }

    private static boolean countsAgainstHealth(Throwable e) {
        return e instanceof ConnectorException c
                && (c.kind() == FailureKind.RETRYABLE || c.kind() == FailureKind.TIMEOUT);
    }

    private static RateLimiter limiterOf(ResiliencePolicy p, String name) {
        return RateLimiter.of(
                name.replace('\u0000', '/'),
                RateLimiterConfig.custom()
                        .limitForPeriod(p.callsPerPeriod())
                        .limitRefreshPeriod(p.ratePeriod())
                        .timeoutDuration(p.rateWait())
                        .build());
    }

    private static Retry retryOf(String connector, ResiliencePolicy p) {
        return Retry.of(
                connector,
                RetryConfig.custom()
                        .maxAttempts(p.maxAttempts())
                        .retryOnException(e ->
                                e instanceof ConnectorException c && c.kind().retriedInCall())
                        .intervalBiFunction((attempt, outcome) -> waitMillis(
                                p, attempt, outcome.isLeft() ? Optional.of(outcome.getLeft()) : Optional.empty()))
                        .build());
    }

    /**
     * The wait before retry number {@code attempt}: what a rate-limited provider asked for, else the
     * exponential backoff with jitter; never above the policy's maximum.
     */
    static long waitMillis(ResiliencePolicy p, int attempt, Optional<Throwable> failure) {
        long max = p.maxBackoff().toMillis();
        if (failure.isPresent()
                && failure.get() instanceof ConnectorException c
                && c.retryAfter().isPresent()) {
            return Math.min(max, c.retryAfter().get().toMillis());
        }
        double base = p.initialBackoff().toMillis() * Math.pow(p.backoffMultiplier(), Math.max(0, attempt - 1));
        double jittered =
                base * (1 + p.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1));
        return Math.max(0, Math.min(max, Math.round(jittered)));
    }

    /** Stops the timeout threads; calls in flight are interrupted. */
    @Override
    public void close() {
        timeouts.shutdownNow();
    }

    /** The waits of a policy, for tests and documentation: attempt 1, 2, ... without jitter. */
    static Duration backoffWithoutJitter(ResiliencePolicy p, int attempt) {
        double base = p.initialBackoff().toMillis() * Math.pow(p.backoffMultiplier(), Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(p.maxBackoff().toMillis(), Math.round(base)));
    }
}
