package dev.omskit.core.invoice;

import static dev.omskit.core.TestOrders.vnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.TestOrders;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceAdjustmentsTest {
    private static final LineId L1 = LineId.of("L1");
    private static final LineId L2 = LineId.of("L2");

    private final Order order = InvoiceDraftsTest.mixedOrder();
    private final Invoice original = InvoiceTestData.issued(InvoiceTestData.original(order), "00000001");

    private Invoice giveBack(List<Invoice> all, Map<LineId, Integer> units, boolean shipping, String id) {
        return InvoiceAdjustments.forReturn(
                order, original, all, units, shipping, "return rma-1", id, TestOrders.LATER);
    }

    @Test
    void forReturn_ofOneUnit_isTheDifferenceOfTheProratedAmounts() {
        Invoice adj = giveBack(List.of(original), Map.of(L1, 1), false, "inv-2");

        assertThat(adj.purpose()).isEqualTo(InvoicePurpose.ADJUSTMENT);
        assertThat(adj.adjustmentKind()).contains(AdjustmentKind.RETURN);
        assertThat(adj.relatesTo()).contains("inv-1");
        assertThat(adj.reason()).contains("return rma-1");
        assertThat(adj.sequence()).isEqualTo(2);
        assertThat(adj.state()).isEqualTo(InvoiceLifecycle.DRAFT);
        assertThat(adj.lines())
                .extracting(
                        InvoiceLine::quantity,
                        InvoiceLine::unitPrice,
                        InvoiceLine::discount,
                        InvoiceLine::net,
                        InvoiceLine::vat,
                        InvoiceLine::total)
                .containsExactly(tuple(-1, vnd(100_000), vnd(-3_333), vnd(-96_667), vnd(-9_667), vnd(-106_334)));
        assertThat(adj.buyer()).isEqualTo(original.buyer());
        assertThat(adj.seller()).isEqualTo(original.seller());
    }

    @Test
    void forReturn_ofTheRest_bringsTheLineToZero() {
        Invoice first = giveBack(List.of(original), Map.of(L1, 1), false, "inv-2");
        Invoice rest = giveBack(List.of(original, first), Map.of(L1, 2), false, "inv-3");

        assertThat(rest.lines().get(0).total()).isEqualTo(vnd(-212_666));
        Money line1 = original.lines()
                .get(0)
                .total()
                .plus(first.lines().get(0).total())
                .plus(rest.lines().get(0).total());
        assertThat(line1).isEqualTo(vnd(0));
        assertThat(InvoiceAdjustments.standing(original, List.of(original, first, rest))
                        .units())
                .containsEntry(L1, 0)
                .containsEntry(L2, 2);
    }

    @Test
    void forReturn_withShipping_givesBackTheWholeFee() {
        Invoice adj = giveBack(List.of(original), Map.of(), true, "inv-2");

        assertThat(adj.lines())
                .extracting(
                        InvoiceLine::kind,
                        InvoiceLine::quantity,
                        InvoiceLine::net,
                        InvoiceLine::vat,
                        InvoiceLine::total)
                .containsExactly(tuple(InvoiceLineKind.SHIPPING, -1, vnd(-27_273), vnd(-2_727), vnd(-30_000)));
        assertThat(adj.vatBreakdown()).hasSize(1);
        // the fee is given back once: a second refund has nothing left
        assertRefused(
                () -> giveBack(List.of(original, adj), Map.of(), true, "inv-3"),
                "returnedUnits",
                InvoiceAdjustments.NOTHING_TO_ADJUST);
    }

    @Test
    void forReturn_ofMoreUnitsThanInvoiced_isExceedsInvoiced() {
        Invoice first = giveBack(List.of(original), Map.of(L1, 2), false, "inv-2");
        assertRefused(
                () -> giveBack(List.of(original, first), Map.of(L1, 2), false, "inv-3"),
                "returnedUnits[L1]",
                InvoiceAdjustments.EXCEEDS_INVOICED);
    }

    @Test
    void forReturn_countsDraftsButNotCancelledAdjustments() {
        Invoice first = giveBack(List.of(original), Map.of(L1, 3), false, "inv-2");
        Invoice cancelled = Invoice.builder()
                .from(first)
                .version(2)
                .state(InvoiceLifecycle.CANCELLED)
                .build();
        assertThat(giveBack(List.of(original, cancelled), Map.of(L1, 3), false, "inv-3")
                        .lines())
                .hasSize(1);
        assertRefused(
                () -> giveBack(List.of(original, first), Map.of(L1, 1), false, "inv-3"),
                "returnedUnits[L1]",
                InvoiceAdjustments.EXCEEDS_INVOICED);
    }

    @Test
    void forReturn_listsEveryProblem() {
        Map<LineId, Integer> bad = new LinkedHashMap<>();
        bad.put(LineId.of("L9"), 1);
        bad.put(L1, 0);
        bad.put(L2, 3);
        assertThatThrownBy(() -> InvoiceAdjustments.forReturn(
                        order, original, List.of(original), bad, false, " ", "inv-2", TestOrders.LATER))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(
                                tuple("reason", "REQUIRED"),
                                tuple("returnedUnits[L9]", InvoiceAdjustments.UNKNOWN_LINE),
                                tuple("returnedUnits[L1]", "NOT_POSITIVE"),
                                tuple("returnedUnits[L2]", InvoiceAdjustments.EXCEEDS_INVOICED)));
    }

    @Test
    void forReturn_ofNothing_isNothingToAdjust() {
        assertRefused(
                () -> giveBack(List.of(original), Map.of(), false, "inv-2"), "returnedUnits", "NOTHING_TO_ADJUST");
    }

    @Test
    void forReturn_onADraft_isAnIllegalTransition() {
        Invoice draft = InvoiceTestData.original(order);
        assertThatThrownBy(() -> InvoiceAdjustments.forReturn(
                        order, draft, List.of(draft), Map.of(L1, 1), false, "r", "inv-2", TestOrders.LATER))
                .isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(Rejection.ILLEGAL_TRANSITION);
                    assertThat(e.getMessage()).contains("inv-1", "DRAFT", "ISSUED, ADJUSTED");
                });
    }

    @Test
    void forReturn_onAnAdjustment_isNotAdjustable() {
        Invoice adj = InvoiceTestData.issued(giveBack(List.of(original), Map.of(L1, 1), false, "inv-2"), "00000002");
        assertThatThrownBy(() -> InvoiceAdjustments.forReturn(
                        order, adj, List.of(original, adj), Map.of(L1, 1), false, "r", "inv-3", TestOrders.LATER))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo(InvoiceAdjustments.NOT_ADJUSTABLE));
    }

    @Test
    void forPriceCorrection_isTheSignedDifference_andLaterReturnsUseTheNewPrice() {
        Invoice correction = InvoiceAdjustments.forPriceCorrection(
                order, original, List.of(original), Map.of(L2, vnd(50_000)), "agreed price", "inv-2", TestOrders.LATER);

        assertThat(correction.adjustmentKind()).contains(AdjustmentKind.PRICE_CORRECTION);
        assertThat(correction.lines())
                .extracting(
                        InvoiceLine::quantity,
                        InvoiceLine::unitPrice,
                        InvoiceLine::net,
                        InvoiceLine::vat,
                        InvoiceLine::total)
                .containsExactly(tuple(2, vnd(-5_555), vnd(-11_110), vnd(-889), vnd(-11_999)));

        List<Invoice> all = new ArrayList<>(List.of(original, correction));
        Invoice ret = giveBack(all, Map.of(L2, 1), false, "inv-3");
        assertThat(ret.lines())
                .extracting(InvoiceLine::unitPrice, InvoiceLine::net, InvoiceLine::vat, InvoiceLine::total)
                .containsExactly(tuple(vnd(50_000), vnd(-50_000), vnd(-4_000), vnd(-54_000)));
    }

    @Test
    void forPriceCorrection_refusesBadPricesAndNoChange() {
        Map<LineId, Money> bad = new LinkedHashMap<>();
        bad.put(L1, Money.of("5", "USD"));
        bad.put(L2, vnd(-1));
        bad.put(LineId.of("L7"), vnd(1));
        assertThatThrownBy(() -> InvoiceAdjustments.forPriceCorrection(
                        order, original, List.of(original), bad, "x", "inv-2", TestOrders.LATER))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(
                                tuple("newUnitPrices[L1]", "CURRENCY_MISMATCH"),
                                tuple("newUnitPrices[L2]", "NEGATIVE"),
                                tuple("newUnitPrices[L7]", "UNKNOWN_LINE")));
        assertRefused(
                () -> InvoiceAdjustments.forPriceCorrection(
                        order, original, List.of(original), Map.of(L1, vnd(100_000)), "x", "inv-2", TestOrders.LATER),
                "newUnitPrices",
                "NOTHING_TO_ADJUST");
    }

    private static void assertRefused(Runnable call, String field, String code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(tuple(field, code)));
    }
}
