package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.fraud.FraudDecision;
import dev.omskit.connectors.fraud.FraudRequest;
import dev.omskit.connectors.fraud.FraudScreening;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.testkit.OrderFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of {@link FraudScreening}: the declared capability and kind, a decision within the
 * contract (score 0..100, a verdict, a reference), idempotency per order and content, and no personal
 * data in the decision. Extend it with {@link #create()}.
 */
public abstract class FraudScreeningConformanceKit {
    /** A fresh connector for each test. */
    protected abstract FraudScreening create();

    private static FraudRequest request(String order, long total) {
        return new FraudRequest(
                OrderFixtures.TENANT,
                OrderId.of(order),
                OrderFixtures.WEB.id(),
                Buyer.builder().name("Nguyen Van An").email("an@example.com").build(),
                OrderFixtures.address(),
                Money.of(String.valueOf(total), "VND"),
                PaymentMethod.CASH_ON_DELIVERY,
                2,
                "v1");
    }

    @Test
    @DisplayName("it is a FRAUD_SCREENING connector declaring FRAUD_SCREEN")
    void declaresItsCapability() {
        FraudScreening screening = create();
        assertThat(screening.kind()).isEqualTo(ConnectorKind.FRAUD_SCREENING);
        assertThat(screening.capabilities()).contains(FraudScreening.SCREEN);
    }

    @Test
    @DisplayName("the same order and content get the same decision")
    void screening_isIdempotent() {
        FraudScreening screening = create();
        FraudDecision first = screening.screen(request("o-1", 250_000));
        FraudDecision again = screening.screen(request("o-1", 250_000));

        assertThat(again).isEqualTo(first);
        assertThat(first.score()).isBetween(0, 100);
        assertThat(first.reference()).isNotBlank();
    }

    @Test
    @DisplayName("a decision carries none of the buyer's personal data")
    void decision_carriesNoPersonalData() {
        FraudDecision decision = create().screen(request("o-2", 99_000_000));

        assertThat(decision.toString()).doesNotContain("an@example.com").doesNotContain("Nguyen Van An");
        assertThat(decision.reasons()).noneMatch(r -> r.contains("an@example.com") || r.contains("Nguyen"));
    }
}
