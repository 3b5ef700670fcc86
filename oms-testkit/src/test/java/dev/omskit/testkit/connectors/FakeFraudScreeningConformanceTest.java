package dev.omskit.testkit.connectors;

import dev.omskit.connectors.fraud.FraudScreening;
import dev.omskit.core.model.Money;
import dev.omskit.testkit.tck.FraudScreeningConformanceKit;

/** The fake fraud screen keeps the fraud SPI contract. */
class FakeFraudScreeningConformanceTest extends FraudScreeningConformanceKit {
    @Override
    protected FraudScreening create() {
        return new FakeFraudScreening(Money.of("5000000", "VND"), Money.of("50000000", "VND"));
    }
}
