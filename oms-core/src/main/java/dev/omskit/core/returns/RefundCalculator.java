package dev.omskit.core.returns;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refund amounts, pure and deterministic.
 *
 * <p>Per line, the line's charged total (after discount, VAT included, as {@code OrderLine.amounts}
 * gives it) is prorated per unit: the first {@code n} units are worth {@code total x n / charged}, rounded
 * half-even to the currency; {@code k} units refunded after {@code r} earlier ones are worth {@code
 * share(r + k) - share(r)}. So the last units take the rounding remainder and a fully refunded line
 * refunds exactly its total, whatever the split. The restocking fee is {@code percent} of each line
 * amount whose reason does not waive it, rounded half-up per line. Shipping is given back once per order,
 * when the policy says so.
 */
public final class RefundCalculator {
    private RefundCalculator() {}

    /**
     * The refund of {@code items} of {@code order}.
     *
     * @param order the order (its lines and amounts as charged)
     * @param policy the return policy (fee, shipping rule)
     * @param items units per line and why
     * @param alreadyRefunded units of each line refunded by earlier refunds
     * @param shippingAlreadyRefunded whether an earlier refund gave back the shipping fee
     * @param wholeOrder whether, with these units, every charged unit of the order has come back
     * @param chargeFee false for claims and other seller-side refunds (no restocking fee at all)
     */
    public static RefundQuote computeRefund(
            Order order,
            ReturnPolicy policy,
            List<RefundItem> items,
            Map<LineId, Integer> alreadyRefunded,
            boolean shippingAlreadyRefunded,
            boolean wholeOrder,
            boolean chargeFee) {
        Money zero = Money.zero(order.currency());
        Map<LineId, Integer> units = new LinkedHashMap<>();
        Map<LineId, Money> amounts = new LinkedHashMap<>();
        Map<LineId, Integer> before = new LinkedHashMap<>(alreadyRefunded);
        Money lines = zero;
        Money fee = zero;
        boolean sellerFault = false;
        BigDecimal percent = policy.restockingFeePercent().movePointLeft(2);
        for (RefundItem item : items) {
            if (item.units() == 0) {
                continue;
            }
            OrderLine line = order.line(item.line())
                    .orElseThrow(() -> InvalidArgumentException.of(
                            "line", "UNKNOWN_LINE", "order " + order.id() + " has no line '" + item.line() + "'"));
            int earlier = before.getOrDefault(item.line(), 0);
            int charged = line.charged();
            if (earlier + item.units() > charged) {
                throw InvalidArgumentException.of(
                        "units",
                        "EXCEEDS_CHARGED",
                        "line " + item.line() + " has " + charged + " charged units and " + earlier
                                + " already refunded; cannot refund " + item.units() + " more");
            }
            Money total = line.amounts(order.taxMode()).total();
            Money amount = share(total, earlier + item.units(), charged).minus(share(total, earlier, charged));
            before.put(item.line(), earlier + item.units());
            units.merge(item.line(), item.units(), Integer::sum);
            amounts.merge(item.line(), amount, Money::plus);
            lines = lines.plus(amount);
            if (chargeFee && policy.feeApplies(item.reason())) {
                fee = fee.plus(amount.times(percent, RoundingMode.HALF_UP));
            }
            sellerFault |= item.reason().sellerFault();
        }
        Money shipping = zero;
        if (!shippingAlreadyRefunded && order.shippingFee().isPositive()) {
            boolean give =
                    switch (policy.shippingRefund()) {
                        case NEVER -> false;
                        case WHOLE_ORDER -> wholeOrder;
                        case SELLER_FAULT -> sellerFault;
                        case WHOLE_ORDER_OR_SELLER_FAULT -> wholeOrder || sellerFault;
                    };
            if (give) {
                shipping = order.shippingFee();
            }
        }
        return new RefundQuote(
                units, amounts, shipping, fee, lines.plus(shipping).minus(fee));
    }

    /** The value of the first {@code n} of {@code charged} units of a line totalling {@code total}. */
    public static Money share(Money total, int n, int charged) {
        if (charged <= 0 || n <= 0) {
            return Money.zero(total.currency());
        }
        if (n >= charged) {
            return total;
        }
        return total.times(n).dividedBy(BigDecimal.valueOf(charged), RoundingMode.HALF_EVEN);
    }
}
