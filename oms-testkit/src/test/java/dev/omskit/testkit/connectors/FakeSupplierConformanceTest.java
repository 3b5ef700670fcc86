package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.supplier.SupplierConnector;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.tck.SupplierConformanceKit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fake supplier passes the conformance kit every real supplier connector runs. */
class FakeSupplierConformanceTest extends SupplierConformanceKit {
    private final ManualClock clock = ManualClock.at("2026-11-11T03:00:00Z");

    @Override
    protected SupplierConnector create() {
        return new FakeSupplier("fake-supplier", "ACME", clock);
    }

    @Override
    protected Optional<SupplierConnector> createWithout(Capability capability) {
        Set<Capability> fewer = new HashSet<>(FakeSupplier.ALL);
        fewer.remove(capability);
        return Optional.of(new FakeSupplier("fake-supplier", "ACME", clock, fewer));
    }

    @Override
    protected void ship(
            SupplierConnector supplier,
            PurchaseOrderId order,
            Map<Sku, Integer> units,
            Optional<Instant> expectedArrival) {
        ((FakeSupplier) supplier).addAsn(order, units, expectedArrival);
    }

    @Override
    protected boolean provokeNextFailure(SupplierConnector supplier, FailureKind kind) {
        FakeScript script = ((FakeSupplier) supplier).script();
        if (kind == FailureKind.RATE_LIMITED) {
            script.rateLimitNext(1, Duration.ofSeconds(1));
        } else {
            script.failNext(1, kind);
        }
        return true;
    }

    @Override
    protected Optional<String> provokeRefusal(SupplierConnector supplier) {
        ((FakeSupplier) supplier).refuseNext("account on hold");
        return Optional.of("account on hold");
    }
}
