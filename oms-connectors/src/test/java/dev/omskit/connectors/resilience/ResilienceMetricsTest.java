package dev.omskit.connectors.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Calls, attempts, latency and circuit state per connector (Micrometer)")
class ResilienceMetricsTest {
    @Test
    @DisplayName("each call counts once by outcome, its attempts separately, and its latency")
    void calls_areCountedByOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResiliencePolicy policy = ResiliencePolicy.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .minimumCalls(5)
                .slidingWindowSize(5)
                .build();
        AtomicInteger n = new AtomicInteger();
        try (ResilientCaller caller = ResilientCaller.of(policy, Map.of(), registry)) {
            caller.call("ghn", "acc", "rates", () -> {
                if (n.incrementAndGet() == 1) {
                    throw ConnectorException.retryable("ghn", "rates", "HTTP 503");
                }
                return "ok";
            });
            assertThatThrownBy(() -> caller.call("ghn", "acc", "rates", () -> {
                        throw ConnectorException.retryable("ghn", "rates", "HTTP 503");
                    }))
                    .isInstanceOf(ConnectorException.class);

            assertThat(registry.get("omskit.connector.calls")
                            .tags("connector", "ghn", "operation", "rates", "outcome", "ok")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("omskit.connector.calls")
                            .tags("connector", "ghn", "outcome", "RETRYABLE")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("omskit.connector.attempts")
                            .tags("connector", "ghn")
                            .counter()
                            .count())
                    .isEqualTo(5);
            assertThat(registry.get("omskit.connector.latency")
                            .tags("connector", "ghn")
                            .timer()
                            .count())
                    .isEqualTo(2);
            assertThat(registry.get("omskit.connector.circuit.open")
                            .tags("connector", "ghn")
                            .gauge()
                            .value())
                    .as("4 of the last 5 attempts failed: the circuit is open")
                    .isEqualTo(1.0);
        }
    }
}
