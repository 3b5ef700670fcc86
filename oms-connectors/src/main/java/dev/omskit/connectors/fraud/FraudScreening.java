package dev.omskit.connectors.fraud;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;

/**
 * A fraud screening service: scores an order before it is sourced, and says accept, review or reject.
 * The sync engine places a fraud hold on orders it is told to review, and cancels or holds rejected ones
 * as the host configures.
 *
 * @implSpec Thread-safe. Screening is idempotent per order id: screening the same order again returns
 *     the first decision (the provider's reference is the same) unless the order's content changed, which
 *     {@link FraudRequest#fingerprint()} tells. Reasons never carry the buyer's personal data. Requires
 *     {@link #SCREEN}.
 */
public interface FraudScreening extends Connector {
    /** Scores orders. */
    Capability SCREEN = Capability.of("FRAUD_SCREEN");

    @Override
    default ConnectorKind kind() {
        return ConnectorKind.FRAUD_SCREENING;
    }

    /** The decision on an order. */
    FraudDecision screen(FraudRequest request);
}
