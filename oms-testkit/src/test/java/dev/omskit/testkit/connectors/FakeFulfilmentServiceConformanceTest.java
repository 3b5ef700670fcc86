package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.fulfilment.FulfilmentService;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.LineId;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.tck.FulfilmentServiceConformanceKit;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fake warehouse passes the conformance kit every real fulfilment connector runs. */
class FakeFulfilmentServiceConformanceTest extends FulfilmentServiceConformanceKit {
    private static final String SECRET = "tck-webhook-secret";
    private final ManualClock clock = ManualClock.at("2026-11-11T03:00:00Z");

    @Override
    protected FulfilmentService create() {
        return new FakeFulfilmentService("fake-wms", clock, SECRET);
    }

    @Override
    protected Optional<FulfilmentService> createWithout(Capability capability) {
        Set<Capability> fewer = new HashSet<>(FakeFulfilmentService.ALL);
        fewer.remove(capability);
        return Optional.of(new FakeFulfilmentService("fake-wms", clock, SECRET, fewer));
    }

    @Override
    protected Warehouse warehouse(FulfilmentService service) {
        FakeFulfilmentService fake = (FakeFulfilmentService) service;
        return new Warehouse() {
            @Override
            public void pick(String requestId, Map<LineId, Integer> picked, Optional<String> shortReason) {
                fake.confirmPick(requestId, picked, shortReason.orElse(null));
            }

            @Override
            public void pack(String requestId) {
                fake.confirmPack(requestId);
            }

            @Override
            public void ship(String requestId, String carrier, String trackingNumber) {
                fake.confirmShipped(requestId, carrier, trackingNumber);
            }

            @Override
            public List<WebhookRequest> webhooks() {
                return fake.drainWebhooks();
            }
        };
    }

    @Override
    protected boolean provokeNextFailure(FulfilmentService service, FailureKind kind) {
        FakeScript script = ((FakeFulfilmentService) service).script();
        if (kind == FailureKind.RATE_LIMITED) {
            script.rateLimitNext(1, Duration.ofSeconds(1));
        } else {
            script.failNext(1, kind);
        }
        return true;
    }

    @Override
    protected Optional<String> provokeReleaseRejection(FulfilmentService service) {
        ((FakeFulfilmentService) service).rejectNextRelease("SKU-TCK-2 is not stocked here");
        return Optional.of("SKU-TCK-2 is not stocked here");
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SECRET);
    }
}
