package dev.omskit.core.returns;

import dev.omskit.core.command.LineInput;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.order.LineQuantities;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The lines of a replacement order (exchange or claim replacement), pure.
 *
 * <p>Replacement lines are priced as new; the value of the returned units ({@code credit}) is given as
 * line discounts. When the credit covers the replacement, every line is discounted in full (the
 * replacement costs nothing and the rest of the credit is refunded); otherwise the credit is spread over
 * the lines in proportion to their value (half-even, the last line takes the remainder), converted to a
 * net discount under {@link TaxMode#PRICES_EXCLUDE_TAX} ({@code credit / (1 + rate)}, half-even), and the
 * buyer pays the replacement order's total.
 */
public final class ExchangePricing {
    private ExchangePricing() {}

    /** The replacement lines of {@code items}, with {@code credit} given as discounts. */
    public static List<LineInput> replacementLines(
            TaxMode taxMode, Currency currency, List<ExchangeItem> items, Money credit) {
        List<Money> values = new ArrayList<>();
        Money all = Money.zero(currency);
        for (ExchangeItem item : items) {
            Money v = value(taxMode, item, Money.zero(currency));
            values.add(v);
            all = all.plus(v);
        }
        boolean covered = credit.compareTo(all) >= 0;
        List<LineInput> lines = new ArrayList<>();
        Money left = credit;
        for (int i = 0; i < items.size(); i++) {
            ExchangeItem item = items.get(i);
            Money gross = item.unitPrice().times(item.units());
            Money discount;
            if (covered) {
                discount = gross;
            } else {
                Money part = i == items.size() - 1 || all.isZero()
                        ? left
                        : credit.times(
                                values.get(i).amount().divide(all.amount(), 12, RoundingMode.HALF_EVEN),
                                RoundingMode.HALF_EVEN);
                left = left.minus(part);
                discount = taxMode == TaxMode.PRICES_EXCLUDE_TAX
                        ? part.dividedBy(BigDecimal.ONE.add(item.vatRate().fraction()), RoundingMode.HALF_EVEN)
                        : part;
                if (discount.compareTo(gross) > 0) {
                    discount = gross;
                }
            }
            lines.add(LineInput.builder()
                    .lineId("X" + (i + 1))
                    .sku(item.sku().value())
                    .quantity(item.units())
                    .unitPrice(item.unitPrice())
                    .discount(discount)
                    .vatRate(item.vatRate())
                    .build());
        }
        return lines;
    }

    /** The total of replacement lines (as the captured order will compute it, without shipping). */
    public static Money total(TaxMode taxMode, Currency currency, List<LineInput> lines) {
        Money sum = Money.zero(currency);
        for (LineInput l : lines) {
            sum = sum.plus(line(l).amounts(taxMode).total());
        }
        return sum;
    }

    /** The undiscounted value of the items. */
    public static Money value(TaxMode taxMode, Currency currency, List<ExchangeItem> items) {
        Money sum = Money.zero(currency);
        for (ExchangeItem item : items) {
            sum = sum.plus(value(taxMode, item, Money.zero(currency)));
        }
        return sum;
    }

    private static Money value(TaxMode taxMode, ExchangeItem item, Money discount) {
        return OrderLine.builder()
                .id(LineId.of("X"))
                .sku(item.sku())
                .unitPrice(item.unitPrice())
                .discount(discount)
                .vatRate(item.vatRate())
                .quantities(LineQuantities.of(OrderStages.CREATED, item.units()))
                .build()
                .amounts(taxMode)
                .total();
    }

    private static OrderLine line(LineInput l) {
        return OrderLine.builder()
                .id(LineId.of(l.lineId().orElse("X")))
                .sku(Sku.of(l.sku()))
                .unitPrice(l.unitPrice())
                .discount(l.discount().orElse(Money.zero(l.unitPrice().currency())))
                .vatRate(l.vatRate())
                .quantities(LineQuantities.of(OrderStages.CREATED, (int) l.quantity()))
                .build();
    }
}
