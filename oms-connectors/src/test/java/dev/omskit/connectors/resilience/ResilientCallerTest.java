package dev.omskit.connectors.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.InvalidArgumentException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resilience around every remote call (R-72)")
class ResilientCallerTest {
    private static final ResiliencePolicy FAST = ResiliencePolicy.builder()
            .timeout(Duration.ofMillis(300))
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(200))
            .jitter(0)
            .minimumCalls(50)
            .slidingWindowSize(50)
            .build();

    private ResilientCaller caller = ResilientCaller.of(FAST);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void close() {
        caller.close();
    }

    private ConnectorException failure(Runnable call) {
        try {
            call.run();
        } catch (ConnectorException e) {
            return e;
        }
        throw new AssertionError("expected a ConnectorException");
    }

    @Test
    @DisplayName("a retryable failure is retried until the call succeeds")
    void retryable_isRetriedUntilSuccess() {
        String result = caller.call("shopee-vn", "shop-1", "pullOrders", () -> {
            if (calls.incrementAndGet() < 3) {
                throw ConnectorException.retryable("shopee-vn", "pullOrders", "HTTP 503");
            }
            return "orders";
        });

        assertThat(result).isEqualTo("orders");
        assertThat(calls).hasValue(3);
    }

    @Test
    @DisplayName("a refused request and refused credentials are not retried")
    void notRetryableAndAuthentication_areNotRetried() {
        ConnectorException refused = failure(() -> caller.call("ghn", "acc", "createShipment", () -> {
            calls.incrementAndGet();
            throw ConnectorException.notRetryable("ghn", "createShipment", "HTTP 400 ward code unknown");
        }));
        assertThat(refused.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.category()).isEqualTo(ErrorCategory.FAILED_PRECONDITION);

        ConnectorException auth = failure(() -> caller.call("ghn", "acc", "createShipment", () -> {
            calls.incrementAndGet();
            throw ConnectorException.authenticationFailed("ghn", "createShipment", "token expired");
        }));
        assertThat(auth.kind()).isEqualTo(FailureKind.AUTHENTICATION_FAILED);
        assertThat(auth.kind().mayPassLater()).isFalse();
        assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName("after the last attempt the failure names the attempts made")
    void exhausted_namesTheAttempts() {
        ConnectorException e = failure(() -> caller.call("lazada", "seller-9", "pushStock", () -> {
            calls.incrementAndGet();
            throw ConnectorException.retryable("lazada", "pushStock", "HTTP 502");
        }));

        assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.connector()).isEqualTo("lazada");
        assertThat(e.operation()).isEqualTo("pushStock");
        assertThat(e.getMessage()).isEqualTo("lazada pushStock failed (RETRYABLE): HTTP 502");
        assertThat(calls).hasValue(3);
    }

    @Test
    @DisplayName("a rate limit waits as long as the provider asked before the next attempt")
    void rateLimited_waitsTheRetryAfter() {
        long[] at = new long[2];
        String result = caller.call("tiktok", "shop", "pushStock", () -> {
            int n = calls.incrementAndGet();
            at[n - 1] = System.nanoTime();
            if (n == 1) {
                throw ConnectorException.rateLimited(
                        "tiktok", "pushStock", "HTTP 429", Optional.of(Duration.ofMillis(120)));
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(Duration.ofNanos(at[1] - at[0])).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    @DisplayName("an I/O error is retried; any other exception of a connector is not")
    void ioIsRetryable_bugsAreNot() {
        String result = caller.call("misa", "acc", "issue", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("connection reset");
            }
            return "issued";
        });
        assertThat(result).isEqualTo("issued");

        calls.set(0);
        ConnectorException e = failure(() -> caller.call("misa", "acc", "issue", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("mapping bug");
        }));
        assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(e.getMessage()).contains("IllegalStateException").contains("mapping bug");
        assertThat(calls).hasValue(1);
    }

    @Test
    @DisplayName("an attempt past the timeout is cut off, interrupted, and counts as TIMEOUT")
    void slowAttempt_timesOut() {
        AtomicInteger interrupted = new AtomicInteger();
        ConnectorException e = failure(() -> caller.call("viettel-post", "acc", "rates", () -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ie) {
                interrupted.incrementAndGet();
                throw ie;
            }
            return "late";
        }));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).contains("no answer within PT0.3S");
    }

    @Test
    @DisplayName("repeated transient failures open the circuit: further calls fail without calling")
    void failures_openTheCircuit() {
        caller.close();
        caller = ResilientCaller.of(ResiliencePolicy.builder()
                .from(FAST)
                .maxAttempts(1)
                .minimumCalls(4)
                .slidingWindowSize(4)
                .openFor(Duration.ofMinutes(1))
                .build());
        for (int i = 0; i < 4; i++) {
            failure(() -> caller.call("shopify", "store", "pullOrders", () -> {
                calls.incrementAndGet();
                throw ConnectorException.retryable("shopify", "pullOrders", "HTTP 500");
            }));
        }
        assertThat(caller.circuitState("shopify")).isEqualTo("OPEN");

        ConnectorException open = failure(() -> caller.call("shopify", "store", "pullOrders", () -> {
            calls.incrementAndGet();
            return "never";
        }));

        assertThat(open.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(open.kind().mayPassLater()).isTrue();
        assertThat(open.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(calls).hasValue(4);
        assertThat(caller.circuitState("tiktok"))
                .as("breakers are per connector")
                .isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("refused requests say nothing about the provider's health: the circuit stays closed")
    void refusals_doNotOpenTheCircuit() {
        caller.close();
        caller = ResilientCaller.of(ResiliencePolicy.builder()
                .from(FAST)
                .minimumCalls(4)
                .slidingWindowSize(4)
                .build());
        for (int i = 0; i < 8; i++) {
            failure(() -> caller.call("shopify", "store", "pushTracking", () -> {
                throw ConnectorException.notRetryable("shopify", "pushTracking", "HTTP 422");
            }));
        }

        assertThat(caller.circuitState("shopify")).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("the rate limit is per provider account: one shop at its limit does not slow another")
    void rateLimit_isPerAccount() {
        caller.close();
        caller = ResilientCaller.of(ResiliencePolicy.builder()
                .from(FAST)
                .maxAttempts(1)
                .callsPerPeriod(2)
                .ratePeriod(Duration.ofMinutes(1))
                .rateWait(Duration.ZERO)
                .build());
        caller.call("shopee-vn", "shop-1", "pushStock", () -> "1");
        caller.call("shopee-vn", "shop-1", "pushStock", () -> "2");

        ConnectorException limited = failure(() -> caller.call("shopee-vn", "shop-1", "pushStock", () -> "3"));

        assertThat(limited.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(caller.call("shopee-vn", "shop-2", "pushStock", () -> "other shop"))
                .isEqualTo("other shop");
    }

    @Test
    @DisplayName("a full bulkhead refuses at once, without calling")
    void fullBulkhead_refusesAtOnce() throws Exception {
        caller.close();
        caller = ResilientCaller.of(ResiliencePolicy.builder()
                .from(FAST)
                .timeout(Duration.ofSeconds(5))
                .maxAttempts(1)
                .maxConcurrentCalls(1)
                .build());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> caller.call("ghn", "acc", "createShipment", () -> {
                inside.countDown();
                release.await(5, TimeUnit.SECONDS);
                return "first";
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            ConnectorException full = failure(() -> caller.call("ghn", "acc", "createShipment", () -> {
                calls.incrementAndGet();
                return "second";
            }));

            assertThat(full.kind()).isEqualTo(FailureKind.BULKHEAD_FULL);
            assertThat(calls).hasValue(0);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("backoff doubles up to the maximum; a provider's retry-after is capped by it too")
    void backoff_doublesAndIsCapped() {
        ResiliencePolicy p = ResiliencePolicy.builder()
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(700))
                .jitter(0)
                .build();

        assertThat(ResilientCaller.backoffWithoutJitter(p, 1)).isEqualTo(Duration.ofMillis(100));
        assertThat(ResilientCaller.backoffWithoutJitter(p, 3)).isEqualTo(Duration.ofMillis(400));
        assertThat(ResilientCaller.backoffWithoutJitter(p, 4)).isEqualTo(Duration.ofMillis(700));
        assertThat(ResilientCaller.waitMillis(p, 2, Optional.empty())).isEqualTo(200);
        assertThat(ResilientCaller.waitMillis(
                        p,
                        1,
                        Optional.of(ConnectorException.rateLimited("x", "y", "429", Optional.of(Duration.ofHours(1))))))
                .isEqualTo(700);
        ResiliencePolicy jittered =
                ResiliencePolicy.builder().from(p).jitter(0.5).build();
        for (int i = 0; i < 100; i++) {
            assertThat(ResilientCaller.waitMillis(jittered, 2, Optional.empty()))
                    .isBetween(100L, 300L);
        }
    }

    @Test
    @DisplayName("a policy out of range is refused with every problem named")
    void badPolicy_isRefused() {
        assertThatThrownBy(() -> ResiliencePolicy.builder()
                        .maxAttempts(0)
                        .jitter(1.5)
                        .timeout(Duration.ZERO)
                        .build())
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("OUT_OF_RANGE"))
                .hasMessageContaining("maxAttempts")
                .hasMessageContaining("jitter")
                .hasMessageContaining("timeout");
    }
}
