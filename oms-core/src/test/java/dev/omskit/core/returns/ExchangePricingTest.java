package dev.omskit.core.returns;

import static dev.omskit.core.TestOrders.vnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.command.LineInput;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangePricingTest {
    static final Currency VND = Currency.getInstance("VND");

    @Test
    void a_credit_below_the_replacement_value_is_a_net_discount_and_the_buyer_pays_the_rest() {
        List<ExchangeItem> items = List.of(new ExchangeItem(Sku.of("JACKET"), 1, vnd(200_000), VatRate.percent(10)));
        List<LineInput> lines = ExchangePricing.replacementLines(TaxMode.PRICES_EXCLUDE_TAX, VND, items, vnd(106_333));
        assertThat(lines.get(0).discount()).contains(vnd(96_666));
        assertThat(ExchangePricing.total(TaxMode.PRICES_EXCLUDE_TAX, VND, lines))
                .isEqualTo(vnd(113_667));
        assertThat(ExchangePricing.value(TaxMode.PRICES_EXCLUDE_TAX, VND, items))
                .isEqualTo(vnd(220_000));
    }

    @Test
    void a_credit_spread_over_lines_by_value_with_the_remainder_on_the_last() {
        List<ExchangeItem> items = List.of(
                new ExchangeItem(Sku.of("A"), 1, vnd(100_000), VatRate.ZERO),
                new ExchangeItem(Sku.of("B"), 2, vnd(100_000), VatRate.ZERO));
        List<LineInput> lines = ExchangePricing.replacementLines(TaxMode.PRICES_INCLUDE_TAX, VND, items, vnd(100_000));
        assertThat(lines.get(0).discount()).contains(vnd(33_333));
        assertThat(lines.get(1).discount()).contains(vnd(66_667));
        assertThat(ExchangePricing.total(TaxMode.PRICES_INCLUDE_TAX, VND, lines))
                .isEqualTo(vnd(200_000));
    }

    @Test
    void a_credit_covering_the_replacement_makes_it_free() {
        List<ExchangeItem> items = List.of(new ExchangeItem(Sku.of("SHIRT-L"), 1, vnd(90_000), VatRate.percent(10)));
        List<LineInput> lines = ExchangePricing.replacementLines(TaxMode.PRICES_EXCLUDE_TAX, VND, items, vnd(106_333));
        assertThat(ExchangePricing.total(TaxMode.PRICES_EXCLUDE_TAX, VND, lines))
                .isEqualTo(Money.zero(VND));
        assertThat(lines.get(0).lineId()).contains("X1");
    }
}
