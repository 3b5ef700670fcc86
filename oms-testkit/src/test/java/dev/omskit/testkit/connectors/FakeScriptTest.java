package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fakes are scripted per call and record what they were called with")
class FakeScriptTest {
    private final FakeScript script = new FakeScript("fake-channel");

    @Test
    @DisplayName("scripted failures play in order, then calls pass; every call is recorded with its outcome")
    void scriptedSteps_playInOrder() {
        script.failNext(1, FailureKind.RETRYABLE).rateLimitNext(1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> script.enter("pushStock", "SKU-1=5"))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE));
        assertThatThrownBy(() -> script.enter("pushStock", "SKU-1=5"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryAfter())
                        .contains(Duration.ofSeconds(2)));
        script.enter("pushStock", "SKU-1=5");

        assertThat(script.calls())
                .extracting(FakeScript.Call::outcome)
                .containsExactly("RETRYABLE", "RATE_LIMITED", "ok");
        assertThat(script.calls("pushStock")).hasSize(3);
        assertThat(script.calls("pullOrders")).isEmpty();
    }

    @Test
    @DisplayName("a delayed call answers late; reset forgets the script and the record")
    void delay_andReset() {
        script.delayNext(1, Duration.ofMillis(50)).authenticationFailsNext(1);
        long start = System.nanoTime();
        script.enter("rates", "HCM->HN");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));

        script.reset();

        script.enter("rates", "HCM->HN");
        assertThat(script.calls()).hasSize(1);
    }

    @Test
    @DisplayName("a webhook request prints neither its header values nor its body")
    void webhookRequest_printsNoSecrets() {
        WebhookRequest request = new WebhookRequest(
                Map.of("X-Shopify-Hmac-Sha256", "c2VjcmV0"),
                "{\"email\":\"an@example.com\"}".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-12-02T00:00:00Z"));

        assertThat(request.header("x-shopify-hmac-sha256")).contains("c2VjcmV0");
        assertThat(request.toString()).doesNotContain("c2VjcmV0").doesNotContain("an@example.com");
        assertThat(request.bodyText()).contains("an@example.com");
    }
}
