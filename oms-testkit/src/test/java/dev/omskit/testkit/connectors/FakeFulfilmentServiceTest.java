package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.fulfilment.ConfirmationsQuery;
import dev.omskit.connectors.fulfilment.FulfilmentCancellation;
import dev.omskit.connectors.fulfilment.FulfilmentConfirmation;
import dev.omskit.connectors.fulfilment.FulfilmentRelease;
import dev.omskit.connectors.webhook.WebhookHandler;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake warehouse keeps its requests and sends its confirmations as scripted")
class FakeFulfilmentServiceTest {
    private static final LineId L1 = LineId.of("L1");
    private final ManualClock clock = ManualClock.at("2026-11-11T03:00:00Z");
    private final FakeFulfilmentService wms = new FakeFulfilmentService("fake-wms", clock, "s3cret");
    private final WebhookHandler<List<FulfilmentConfirmation>> handler = wms.confirmationsWebhook();

    private static FulfilmentRelease release(String id) {
        return new FulfilmentRelease(
                id,
                OrderId.of("o-" + id),
                LocationId.of("WH-1"),
                List.of(new FulfilmentRelease.Line(L1, Sku.of("SKU-1"), 3)),
                Address.builder()
                        .recipient("Le Van C")
                        .phone("+84900000001")
                        .line1("5 Hai Ba Trung")
                        .city("Ha Noi")
                        .countryCode("VN")
                        .build(),
                Optional.empty());
    }

    @Test
    @DisplayName("a release prints no ship-to personal data")
    void release_printsNoPersonalData() {
        assertThat(release("ful-1").toString())
                .doesNotContain("Le Van C")
                .doesNotContain("+84900000001")
                .doesNotContain("5 Hai Ba Trung");
    }

    @Test
    @DisplayName("duplicated and reversed webhooks carry every confirmation, newest first, each twice")
    void webhooks_duplicatedAndReversed() {
        wms.release(release("ful-1"));
        wms.confirmPick("ful-1");
        wms.duplicateWebhooks(true).reverseWebhooks(true);

        List<WebhookRequest> sent = wms.drainWebhooks();

        assertThat(sent).hasSize(4);
        List<String> types = sent.stream()
                .map(w -> handler.accept(w).get(0).getClass().getSimpleName())
                .toList();
        assertThat(types).containsExactly("Picked", "Picked", "Accepted", "Accepted");
        assertThat(wms.drainWebhooks()).isEmpty();
    }

    @Test
    @DisplayName("a malformed body is rejected MALFORMED after its signature verified; an old one STALE")
    void malformedAndStale() {
        wms.release(release("ful-1"));
        wms.malformNextWebhook();
        WebhookRequest malformed = wms.drainWebhooks().get(0);

        handler.verify(malformed);
        assertThatThrownBy(() -> handler.accept(malformed))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookRejectedException.Reason.MALFORMED));

        WebhookRequest old =
                wms.webhookOf(wms.confirmationsSoFar(), clock.instant().minus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> handler.accept(old)).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.STALE);
            assertThat(e.getMessage()).doesNotContain("s3cret");
        });
    }

    @Test
    @DisplayName("a batch webhook round-trips every kind of confirmation exactly")
    void batch_roundTrips() {
        wms.release(release("ful-1"));
        wms.confirmPick("ful-1", Map.of(L1, 2), "one | unit, missing: 50%");
        wms.confirmPack("ful-1");
        wms.confirmShipped("ful-1", "GHN", "GHN 123/45");
        wms.release(release("ful-2"));
        wms.reject("ful-2", "address not served");

        List<FulfilmentConfirmation> all = wms.confirmationsSoFar();

        assertThat(handler.accept(wms.webhookOf(all, clock.instant()))).isEqualTo(all);
        assertThat(all).hasSize(6);
    }

    @Test
    @DisplayName("a lost release answer leaves one job; a picked request may still be cancelled")
    void lostAnswer_andCancelAfterPick() {
        wms.loseNextResponses(1);
        assertThatThrownBy(() -> wms.release(release("ful-1")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE));
        assertThat(wms.release(release("ful-1")).accepted()).isTrue();
        assertThat(wms.releasedCount()).isEqualTo(1);

        wms.confirmPick("ful-1");
        assertThat(wms.cancel(new FulfilmentCancellation("ful-1", "order cancelled"))
                        .cancelled())
                .isTrue();
        assertThat(wms.state("ful-1")).contains(FakeFulfilmentService.JobState.CANCELLED);
        assertThatThrownBy(() -> wms.confirmPack("ful-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a cursor the fake never gave is refused NOT_RETRYABLE; picking more than released is a test error")
    void badCursor_andOverPick() {
        wms.release(release("ful-1"));

        assertThatThrownBy(() -> wms.confirmations(ConfirmationsQuery.after("99", 10)))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE));
        assertThatThrownBy(() -> wms.confirmPick("ful-1", Map.of(L1, 4))).hasMessageContaining("released 3, picked 4");
    }
}
