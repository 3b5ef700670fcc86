package dev.omskit.connectors.supplier;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The supplier shipped goods against a purchase order (an ASN): which units, and when they should
 * arrive. The core has no command for an ASN as such; the engine may show it as expected supply, and a
 * host that receives "as advised" applies {@link #toReceiptAsAdvised} when the goods arrive.
 *
 * @param asnId the supplier's id of the notice, unique per connector
 * @param purchaseOrder our purchase order id
 * @param lines units shipped per SKU, each SKU once, at least one
 * @param shippedAt when the supplier shipped them
 * @param expectedArrival when they should arrive, if the supplier said
 */
public record AdvanceShippingNotice(
        String asnId,
        PurchaseOrderId purchaseOrder,
        List<Line> lines,
        Instant shippedAt,
        Optional<Instant> expectedArrival) {
    /**
     * One SKU shipped.
     *
     * @param sku the SKU
     * @param units units shipped, positive
     */
    public record Line(Sku sku, int units) {
        public Line {
            Checks.notNull("sku", sku);
            if (units <= 0) {
                throw InvalidArgumentException.of(
                        "units",
                        "NOT_POSITIVE",
                        "an ASN line of " + sku + " ships a positive number of units; was " + units);
            }
        }
    }

    public AdvanceShippingNotice {
        Checks.id("ASN id", asnId);
        Checks.notNull("purchaseOrder", purchaseOrder);
        lines = List.copyOf(Checks.notNull("lines", lines));
        Checks.notNull("shippedAt", shippedAt);
        Checks.notNull("expectedArrival", expectedArrival);
        if (lines.isEmpty()) {
            throw InvalidArgumentException.of("lines", "EMPTY", "ASN '" + asnId + "' ships nothing");
        }
        Set<Sku> seen = new HashSet<>();
        for (Line l : lines) {
            if (!seen.add(l.sku())) {
                throw InvalidArgumentException.of(
                        "lines", "DUPLICATE", "ASN '" + asnId + "' names " + l.sku() + " twice");
            }
        }
    }

    /** Units of {@code sku} on this notice, 0 if none. */
    public int units(Sku sku) {
        return lines.stream()
                .filter(l -> l.sku().equals(sku))
                .mapToInt(Line::units)
                .sum();
    }

    /**
     * The receipt of exactly the advised units, all good (for hosts that receive as advised), keyed {@code
     * <connector>:asn:<asn id>} so receiving one notice twice has one effect.
     */
    public ReceivePurchaseOrder toReceiptAsAdvised(TenantId tenant, Actor actor, String connector) {
        return ReceivePurchaseOrder.builder()
                .tenant(tenant)
                .purchaseOrder(purchaseOrder)
                .actor(actor)
                .lines(lines.stream()
                        .map(l -> ReceiptLine.good(l.sku(), l.units()))
                        .toList())
                .idempotencyKey(IdempotencyKey.of(connector + ":asn:" + asnId))
                .build();
    }
}
