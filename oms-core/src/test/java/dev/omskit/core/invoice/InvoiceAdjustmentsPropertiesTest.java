package dev.omskit.core.invoice;

import static dev.omskit.core.TestOrders.vnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.TestOrders;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.order.LineAmounts;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariant of adjustments: an original invoice plus every adjustment against it states exactly the
 * order's amounts for the units kept, line by line, to the unit, whatever the returns, their split and
 * their order. (Run once locally with 20,000 tries.)
 */
class InvoiceAdjustmentsPropertiesTest {
    record LineSpec(int quantity, long unitPrice, long discountPermille, String vat, int cancelled) {}

    /** One return: per line index a share (0-1000) of the units still invoiced, and whether shipping goes back. */
    record Step(List<Integer> sharesPermille, boolean refundShipping) {}

    record Scenario(List<LineSpec> lines, boolean pricesIncludeTax, long shipping, List<Step> steps) {}

    @Property(tries = 300)
    @Label("original + adjustments = the order's amounts for the kept units")
    void originalPlusAdjustments_equalTheOrdersAmountsForTheKeptUnits(@ForAll("scenarios") Scenario s) {
        CaptureOrder.Builder capture = TestOrders.capture()
                .taxMode(s.pricesIncludeTax() ? TaxMode.PRICES_INCLUDE_TAX : TaxMode.PRICES_EXCLUDE_TAX)
                .shippingFee(vnd(s.shipping()));
        for (int i = 0; i < s.lines().size(); i++) {
            LineSpec l = s.lines().get(i);
            long gross = l.unitPrice() * l.quantity();
            capture.addLines(TestOrders.line(
                    "SKU-" + i, l.quantity(), l.unitPrice(), gross * l.discountPermille() / 1000, l.vat()));
        }
        Order order = TestOrders.captured(capture.build());
        Map<String, Integer> cancel = new HashMap<>();
        for (int i = 0; i < s.lines().size(); i++) {
            if (s.lines().get(i).cancelled() > 0) {
                cancel.put("L" + (i + 1), s.lines().get(i).cancelled());
            }
        }
        if (!cancel.isEmpty()) {
            order = TestOrders.accepted(
                    TestOrders.decider().cancel(order, TestOrders.cancel(order, cancel), TestOrders.LATER));
        }

        Invoice original = InvoiceTestData.issued(InvoiceTestData.original(order), "1");
        List<Invoice> all = new ArrayList<>(List.of(original));
        Map<LineId, Integer> returned = new HashMap<>();
        boolean shippingBack = false;
        for (Step step : s.steps()) {
            InvoiceAdjustments.Standing standing = InvoiceAdjustments.standing(original, all);
            Map<LineId, Integer> units = new LinkedHashMap<>();
            for (int i = 0; i < order.lines().size(); i++) {
                LineId id = order.lines().get(i).id();
                int left = standing.units().getOrDefault(id, 0);
                int give = (int) ((long) left * step.sharesPermille().get(i) / 1000);
                if (give > 0) {
                    units.put(id, give);
                }
            }
            boolean refund = step.refundShipping() && !standing.shippingTotal().isZero();
            if (units.isEmpty() && !refund) {
                continue;
            }
            Invoice adj = InvoiceAdjustments.forReturn(
                    order, original, all, units, refund, "return", "inv-" + (all.size() + 1), TestOrders.LATER);
            all.add(InvoiceTestData.issued(adj, String.valueOf(all.size() + 1)));
            units.forEach((id, n) -> returned.merge(id, n, Integer::sum));
            shippingBack |= refund;
        }

        Money zero = Money.zero(order.currency());
        Money expectedTotal = zero;
        for (OrderLine line : order.lines()) {
            int kept = line.charged() - returned.getOrDefault(line.id(), 0);
            LineAmounts expected = InvoiceDrafts.amounts(line, order.taxMode(), line.unitPrice(), kept);
            Money net = zero, vat = zero, total = zero, discount = zero;
            for (Invoice invoice : all) {
                for (InvoiceLine l : invoice.lines()) {
                    if (l.lineId().equals(java.util.Optional.of(line.id()))) {
                        net = net.plus(l.net());
                        vat = vat.plus(l.vat());
                        total = total.plus(l.total());
                        discount = discount.plus(l.discount());
                    }
                }
            }
            assertThat(net).as("net of " + line.id()).isEqualTo(expected.net());
            assertThat(vat).as("VAT of " + line.id()).isEqualTo(expected.tax());
            assertThat(total).as("total of " + line.id()).isEqualTo(expected.total());
            assertThat(discount).as("discount of " + line.id()).isEqualTo(expected.discount());
            expectedTotal = expectedTotal.plus(expected.total());
        }
        Money sum = zero;
        for (Invoice invoice : all) {
            sum = sum.plus(invoice.totals().total());
        }
        Money shipping = shippingBack ? zero : order.shippingFee();
        assertThat(sum).isEqualTo(expectedTotal.plus(shipping));
        assertThat(original.totals().total()).isEqualTo(order.totals().total());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<LineSpec> line = Arbitraries.integers().between(1, 7).flatMap(q -> Combinators.combine(
                        Arbitraries.longs().between(1, 999_999),
                        Arbitraries.longs().between(0, 1000),
                        Arbitraries.of("0", "0.05", "0.08", "0.1"),
                        Arbitraries.integers().between(0, q - 1))
                .as((price, discount, vat, cancelled) -> new LineSpec(q, price, discount, vat, cancelled)));
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 1000).list().ofSize(4), Arbitraries.of(true, false, false))
                .as(Step::new);
        return Combinators.combine(
                        line.list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.of(true, false),
                        Arbitraries.of(0L, 15_000L, 30_001L),
                        step.list().ofMaxSize(5))
                .as(Scenario::new);
    }
}
