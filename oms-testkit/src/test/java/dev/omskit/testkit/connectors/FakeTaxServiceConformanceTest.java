package dev.omskit.testkit.connectors;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.tax.TaxService;
import dev.omskit.core.model.VatRate;
import dev.omskit.testkit.tck.TaxServiceConformanceKit;

/** The fake tax engine keeps the tax SPI contract. */
class FakeTaxServiceConformanceTest extends TaxServiceConformanceKit {
    @Override
    protected TaxService create() {
        return new FakeTaxService(VatRate.percent(10));
    }

    @Override
    protected boolean provokeTransientFailure(TaxService service) {
        ((FakeTaxService) service).script().failNext(1, FailureKind.RETRYABLE);
        return true;
    }
}
