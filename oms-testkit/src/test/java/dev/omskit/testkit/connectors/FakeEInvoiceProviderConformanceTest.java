package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.tck.EInvoiceProviderConformanceKit;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The fake e-invoice provider passes the conformance kit every real connector runs. */
class FakeEInvoiceProviderConformanceTest extends EInvoiceProviderConformanceKit {
    private final ManualClock clock = ManualClock.at("2026-11-11T03:00:00Z");

    @Override
    protected EInvoiceProvider create() {
        return new FakeEInvoiceProvider("fake-einvoice", clock);
    }

    @Override
    protected Optional<EInvoiceProvider> createWithout(Capability capability) {
        Set<Capability> fewer = new HashSet<>(FakeEInvoiceProvider.ALL);
        fewer.remove(capability);
        return Optional.of(new FakeEInvoiceProvider("fake-einvoice", clock, fewer));
    }

    @Override
    protected boolean provokeNextFailure(EInvoiceProvider provider, FailureKind kind) {
        FakeScript script = ((FakeEInvoiceProvider) provider).script();
        if (kind == FailureKind.RATE_LIMITED) {
            script.rateLimitNext(1, Duration.ofSeconds(1));
        } else {
            script.failNext(1, kind);
        }
        return true;
    }

    @Override
    protected Optional<String> provokeContentRefusal(EInvoiceProvider provider) {
        ((FakeEInvoiceProvider) provider).refuseNext("totals do not match the lines");
        return Optional.of("totals do not match the lines");
    }
}
