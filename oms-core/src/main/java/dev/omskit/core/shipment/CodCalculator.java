package dev.omskit.core.shipment;

import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Derives a shipment's cash on delivery: for a COD order, the goods value of its units plus the order's
 * shipping fee when the buyer pays it, on the order's first shipment only; zero for a prepaid order.
 *
 * <p>Goods value: a line's total (VAT and discount included, over its charged units) is prorated per unit
 * <em>cumulatively</em>: the units shipped before and with this shipment, {@code n}, are worth {@code
 * floor(lineTotal * n / charged)} at the currency's scale, and this shipment takes the difference to what
 * the earlier ones took. So the shipments of a fully shipped line sum to exactly the line total, and the
 * one that ships the last unit takes the remainder. Pure and deterministic.
 */
public final class CodCalculator {
    private CodCalculator() {}

    /**
     * The COD of a new shipment of {@code lines}, after {@code earlier} shipments of the order (cancelled
     * ones are ignored).
     */
    public static Money codFor(Order order, Map<LineId, Integer> lines, ShippingPayer payer, List<Shipment> earlier) {
        Money zero = Money.zero(order.currency());
        if (order.paymentMethod() != PaymentMethod.CASH_ON_DELIVERY) {
            return zero;
        }
        Money cod = zero;
        for (Map.Entry<LineId, Integer> e : lines.entrySet()) {
            OrderLine line = order.line(e.getKey()).orElseThrow();
            int before = 0;
            for (Shipment s : earlier) {
                if (!ShipmentLifecycle.CANCELLED.equals(s.state())) {
                    before += s.units(e.getKey());
                }
            }
            Money total = line.amounts(order.taxMode()).total();
            int charged = line.charged();
            cod = cod.plus(share(total, before + e.getValue(), charged).minus(share(total, before, charged)));
        }
        boolean first = earlier.stream().allMatch(s -> ShipmentLifecycle.CANCELLED.equals(s.state()));
        if (payer == ShippingPayer.BUYER && first) {
            cod = cod.plus(order.shippingFee());
        }
        return cod;
    }

    /** {@code floor(total * units / charged)} at the total's scale; the whole total at {@code units >= charged}. */
    static Money share(Money total, int units, int charged) {
        if (units <= 0 || charged <= 0) {
            return total.minus(total);
        }
        if (units >= charged) {
            return total;
        }
        BigDecimal amount = total.amount()
                .multiply(BigDecimal.valueOf(units))
                .divide(BigDecimal.valueOf(charged), total.amount().scale(), RoundingMode.DOWN);
        return Money.of(amount, total.currency());
    }
}
