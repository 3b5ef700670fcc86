package dev.omskit.core.returns;

import static dev.omskit.core.TestOrders.captured;
import static dev.omskit.core.TestOrders.line;
import static dev.omskit.core.TestOrders.vnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.TestOrders;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.order.Order;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RefundCalculatorTest {
    static final LineId L1 = LineId.of("L1");
    static final LineId L2 = LineId.of("L2");

    /** L1: 3 x 100,000 - 10,000 + 10% VAT = 319,000; L2: 2 x 50,000 + 8% = 108,000; shipping 30,000. */
    static Order order() {
        return captured(TestOrders.capture()
                .addLines(line("SHIRT", 3, 100_000, 10_000, "0.10"), line("MUG", 2, 50_000, 0, "0.08"))
                .shippingFee(vnd(30_000))
                .build());
    }

    static RefundQuote quote(
            Order order, ReturnPolicy policy, List<RefundItem> items, Map<LineId, Integer> before, boolean whole) {
        return RefundCalculator.computeRefund(order, policy, items, before, false, whole, true);
    }

    @Test
    void one_unit_is_a_third_of_the_line_rounded_half_even_and_the_fee_is_half_up() {
        ReturnPolicy policy =
                ReturnPolicy.builder().restockingFeePercent(BigDecimal.TEN).build();
        RefundQuote q =
                quote(order(), policy, List.of(new RefundItem(L1, 1, ReturnReason.CHANGED_MIND)), Map.of(), false);
        assertThat(q.lineAmounts()).containsEntry(L1, vnd(106_333));
        assertThat(q.restockingFee()).isEqualTo(vnd(10_633));
        assertThat(q.shipping()).isEqualTo(vnd(0));
        assertThat(q.total()).isEqualTo(vnd(95_700));
        assertThat(q.linesTotal()).isEqualTo(vnd(106_333));
    }

    @Test
    void the_last_units_take_the_remainder() {
        RefundQuote q = quote(
                order(),
                ReturnPolicy.defaults(),
                List.of(new RefundItem(L1, 2, ReturnReason.CHANGED_MIND)),
                Map.of(L1, 1),
                false);
        assertThat(q.total()).isEqualTo(vnd(212_667));
    }

    @Test
    void seller_fault_waives_the_fee_and_brings_shipping_back_once() {
        ReturnPolicy policy =
                ReturnPolicy.builder().restockingFeePercent(BigDecimal.TEN).build();
        RefundQuote q = quote(
                order(), policy, List.of(new RefundItem(L2, 1, ReturnReason.DAMAGED_IN_TRANSIT)), Map.of(), false);
        assertThat(q.restockingFee()).isEqualTo(vnd(0));
        assertThat(q.total()).isEqualTo(vnd(54_000 + 30_000));
        RefundQuote again = RefundCalculator.computeRefund(
                order(),
                policy,
                List.of(new RefundItem(L2, 1, ReturnReason.DEFECTIVE)),
                Map.of(L2, 1),
                true,
                false,
                true);
        assertThat(again.total()).isEqualTo(vnd(54_000));
    }

    @Test
    void the_shipping_rules() {
        List<RefundItem> mind = List.of(new RefundItem(L2, 2, ReturnReason.CHANGED_MIND));
        List<RefundItem> fault = List.of(new RefundItem(L2, 2, ReturnReason.WRONG_ITEM));
        ReturnPolicy never =
                ReturnPolicy.builder().shippingRefund(ShippingRefund.NEVER).build();
        ReturnPolicy whole = ReturnPolicy.builder()
                .shippingRefund(ShippingRefund.WHOLE_ORDER)
                .build();
        ReturnPolicy seller = ReturnPolicy.builder()
                .shippingRefund(ShippingRefund.SELLER_FAULT)
                .build();
        assertThat(quote(order(), never, fault, Map.of(), true).shippingRefunded())
                .isFalse();
        assertThat(quote(order(), whole, mind, Map.of(), true).shippingRefunded())
                .isTrue();
        assertThat(quote(order(), whole, fault, Map.of(), false).shippingRefunded())
                .isFalse();
        assertThat(quote(order(), seller, fault, Map.of(), false).shippingRefunded())
                .isTrue();
        assertThat(quote(order(), seller, mind, Map.of(), true).shippingRefunded())
                .isFalse();
        assertThat(quote(order(), ReturnPolicy.defaults(), mind, Map.of(), true).shippingRefunded())
                .isTrue();
    }

    @Test
    void prices_including_vat_refund_the_gross_amount() {
        Order order = captured(TestOrders.capture()
                .taxMode(TaxMode.PRICES_INCLUDE_TAX)
                .addLines(line("SHIRT", 3, 110_000, 0, "0.10"))
                .build());
        RefundQuote q = quote(
                order,
                ReturnPolicy.defaults(),
                List.of(new RefundItem(L1, 1, ReturnReason.CHANGED_MIND)),
                Map.of(),
                false);
        assertThat(q.total()).isEqualTo(vnd(110_000));
    }

    @Test
    void more_units_than_charged_is_refused() {
        assertThatThrownBy(() -> quote(
                        order(),
                        ReturnPolicy.defaults(),
                        List.of(new RefundItem(L1, 2, ReturnReason.OTHER)),
                        Map.of(L1, 2),
                        false))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e)
                                .violations()
                                .get(0)
                                .code())
                        .isEqualTo("EXCEEDS_CHARGED"));
        assertThatThrownBy(() -> quote(
                        order(),
                        ReturnPolicy.defaults(),
                        List.of(new RefundItem(LineId.of("L9"), 1, ReturnReason.OTHER)),
                        Map.of(),
                        false))
                .satisfies(e -> assertThat(((InvalidArgumentException) e)
                                .violations()
                                .get(0)
                                .code())
                        .isEqualTo("UNKNOWN_LINE"));
    }

    @Property(tries = 200)
    void any_split_of_a_line_refunds_exactly_its_total(
            @ForAll @IntRange(min = 1, max = 40) int units,
            @ForAll @LongRange(min = 1, max = 2_000_000) long price,
            @ForAll @IntRange(min = 0, max = 100) int discountPercent,
            @ForAll @IntRange(min = 1, max = 7) int chunk) {
        long discount = price * units * discountPercent / 100;
        Order order = captured(TestOrders.capture()
                .addLines(line("X", units, price, discount, "0.08"))
                .build());
        Money total = order.line(L1).orElseThrow().amounts(order.taxMode()).total();
        Map<LineId, Integer> before = new HashMap<>();
        Money sum = vnd(0);
        int done = 0;
        while (done < units) {
            int k = Math.min(chunk, units - done);
            RefundQuote q = quote(
                    order, ReturnPolicy.defaults(), List.of(new RefundItem(L1, k, ReturnReason.OTHER)), before, false);
            assertThat(q.total().isNegative()).isFalse();
            sum = sum.plus(q.total());
            done += k;
            before.put(L1, done);
        }
        assertThat(sum).isEqualTo(total);
    }
}
