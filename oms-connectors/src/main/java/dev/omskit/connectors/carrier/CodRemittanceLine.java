package dev.omskit.connectors.carrier;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.shipment.CodRemittance;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.support.Checks;
import java.time.Instant;

/**
 * One line of a carrier's cash on delivery remittance statement: what it paid out for one tracking
 * number.
 *
 * @param trackingNumber the carrier's tracking number of the delivered shipment
 * @param amount the cash remitted for it (positive)
 * @param statementReference the carrier's statement (or transfer) reference
 * @param remittedAt when the carrier remitted it
 */
public record CodRemittanceLine(String trackingNumber, Money amount, String statementReference, Instant remittedAt) {
    public CodRemittanceLine {
        Checks.id("trackingNumber", trackingNumber);
        Checks.notNull("amount", amount);
        Checks.id("statementReference", statementReference);
        Checks.notNull("remittedAt", remittedAt);
        if (!amount.isPositive()) {
            throw InvalidArgumentException.of(
                    "amount", "NOT_POSITIVE", "a remitted amount must be positive; was " + amount);
        }
    }

    /** The core remittance value of this line. */
    public CodRemittance toRemittance() {
        return new CodRemittance(amount, statementReference, remittedAt);
    }

    /**
     * The core command recording this line on the shipment the caller found by its tracking number
     * ({@code Shipping.findByTracking}), for {@code Shipping.recordRemittance}.
     */
    public RecordCodRemittance toCommand(TenantId tenant, OrderId order, String shipmentId, Actor actor) {
        return RecordCodRemittance.builder()
                .tenant(tenant)
                .orderId(order)
                .shipmentId(shipmentId)
                .amount(amount)
                .reference(statementReference)
                .remittedAt(remittedAt)
                .actor(actor)
                .build();
    }
}
