package dev.omskit.testkit.returns;

import static dev.omskit.testkit.OrderFixtures.vnd;
import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.CUSTOMER;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.L2;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.ConfirmRefund;
import dev.omskit.core.returns.FailRefund;
import dev.omskit.core.returns.GoodwillRefund;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.RefundLifecycle;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnCondition;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnPolicy;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.core.returns.ShippingRefund;
import dev.omskit.core.returns.StoreCredit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Refunds of the standard order: L1 = 3 x 100,000 VND - 10,000 discount + 10% VAT = 319,000; L2 = 2 x
 * 50,000 + 8% VAT = 108,000; shipping 30,000; paid 457,000.
 */
@DisplayName("Refunds")
class RefundTest {
    final ReturnsHarness h = new ReturnsHarness();

    ResolveReturn resolve(Order order, ReturnRequest rma) {
        return ResolveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build();
    }

    Refund refundOf(Order order, ReturnRequest resolved) {
        return h.returns
                .findRefund(order.tenant(), resolved.refundId().orElseThrow())
                .orElseThrow();
    }

    ConfirmRefund confirm(Order order, Refund refund, String reference) {
        return ConfirmRefund.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(dev.omskit.core.model.Actor.system("payments"))
                .refundId(refund.id())
                .providerReference(reference)
                .build();
    }

    void assertRefused(Order order, String code, Executable call) {
        Order before = h.reload(order);
        List<OrderDocument> docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        assertThatThrownBy(call::execute)
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .contains(code));
        h.assertUnchanged(before, docs, outbox);
    }

    @Test
    void the_standard_order_totals_as_the_hand_computation_says() {
        Order order = h.standardOrder();
        assertThat(order.line(L1).orElseThrow().amounts(order.taxMode()).total())
                .isEqualTo(vnd(319_000));
        assertThat(order.line(L2).orElseThrow().amounts(order.taxMode()).total())
                .isEqualTo(vnd(108_000));
        assertThat(order.totals().total()).isEqualTo(vnd(457_000));
        assertThat(order.payments().refundable()).isEqualTo(vnd(457_000));
    }

    @Test
    void
            a_unit_returned_for_a_change_of_mind_pays_the_restocking_fee_and_the_rest_of_the_line_later_takes_the_remainder() {
        h.config(ReturnsConfig.builder()
                .defaultPolicy(ReturnPolicy.builder()
                        .restockingFeePercent(BigDecimal.TEN)
                        .build())
                .build());
        Order order = h.delivered();
        ReturnRequest first = h.inspected(order, item(L1, 1, ReturnReason.CHANGED_MIND));
        var preview = h.returns.previewResolveReturn(resolve(order, first));
        // 319,000 / 3 = 106,333.33 -> 106,333; fee 10% = 10,633.3 -> 10,633; no shipping
        assertThat(preview.paymentDifference().amount()).isEqualTo(vnd(-95_700));
        ReturnRequest resolved = h.returns.resolveReturn(resolve(order, first));
        assertThat(resolved.state()).isEqualTo(ReturnLifecycle.REFUNDED);
        Refund refund = refundOf(order, resolved);
        assertThat(refund.amount()).isEqualTo(vnd(95_700));
        assertThat(refund.restockingFee()).isEqualTo(vnd(10_633));
        assertThat(refund.shippingRefunded()).isFalse();
        assertThat(refund.state()).isEqualTo(RefundLifecycle.PENDING);
        assertThat(refund.reason()).isEqualTo("refund of return " + first.id());

        // the two other units, defective: the fee is waived, shipping comes back (seller's fault), and
        // the line refunds exactly its total over both returns: 319,000 - 106,333 = 212,667
        ReturnRequest second = h.inspected(order, item(L1, 2, ReturnReason.DEFECTIVE));
        Refund rest = refundOf(order, h.returns.resolveReturn(resolve(order, second)));
        assertThat(rest.amount()).isEqualTo(vnd(212_667 + 30_000));
        assertThat(rest.restockingFee()).isEqualTo(vnd(0));
        assertThat(rest.shippingRefunded()).isTrue();
        assertThat(rest.refundedUnits()).containsEntry(L1, 2);
    }

    @Test
    void a_whole_order_returned_refunds_everything_paid_and_confirming_moves_the_payment_to_refunded() {
        h.config(ReturnsConfig.builder()
                .defaultPolicy(ReturnPolicy.builder()
                        .shippingRefund(ShippingRefund.WHOLE_ORDER)
                        .build())
                .build());
        Order order = h.delivered();
        ReturnRequest rma =
                h.inspected(order, item(L1, 3, ReturnReason.CHANGED_MIND), item(L2, 2, ReturnReason.CHANGED_MIND));
        Refund refund = refundOf(order, h.returns.resolveReturn(resolve(order, rma)));
        assertThat(refund.amount()).isEqualTo(vnd(457_000));
        Refund confirmed = h.returns.confirmRefund(confirm(order, refund, "psp-r-1"));
        assertThat(confirmed.state()).isEqualTo(RefundLifecycle.SUCCEEDED);
        assertThat(confirmed.providerReference()).contains("psp-r-1");
        Order after = h.reload(order);
        assertThat(after.paymentStatus()).isEqualTo(PaymentStates.REFUNDED);
        assertThat(after.payments().refunded()).isEqualTo(vnd(457_000));
        assertThat(after.payments().refundable()).isEqualTo(vnd(0));
    }

    @Test
    void confirming_a_partial_then_the_last_refund_moves_the_payment_partially_refunded_then_refunded() {
        Order order = h.delivered();
        Refund first = refundOf(
                order,
                h.returns.resolveReturn(resolve(order, h.inspected(order, item(L2, 2, ReturnReason.DEFECTIVE)))));
        assertThat(first.amount()).isEqualTo(vnd(108_000 + 30_000));
        h.returns.confirmRefund(confirm(order, first, "psp-1"));
        assertThat(h.reload(order).paymentStatus()).isEqualTo(PaymentStates.PARTIALLY_REFUNDED);
        assertThat(h.reload(order).payments().refunded()).isEqualTo(vnd(138_000));
        // confirming again with the same reference changes nothing
        long version = h.reload(order).version();
        h.returns.confirmRefund(confirm(order, first, "psp-1"));
        assertThat(h.reload(order).version()).isEqualTo(version);
        assertThatThrownBy(() -> h.returns.confirmRefund(confirm(order, first, "psp-other")))
                .isInstanceOf(OrderRejectedException.class);

        Refund second = refundOf(
                order,
                h.returns.resolveReturn(resolve(order, h.inspected(order, item(L1, 3, ReturnReason.CHANGED_MIND)))));
        assertThat(second.amount()).isEqualTo(vnd(319_000));
        h.returns.confirmRefund(confirm(order, second, "psp-2"));
        assertThat(h.reload(order).paymentStatus()).isEqualTo(PaymentStates.REFUNDED);
    }

    @Test
    void a_failed_refund_is_retried_then_confirmed() {
        Order order = h.delivered();
        Refund refund = refundOf(
                order,
                h.returns.resolveReturn(resolve(order, h.inspected(order, item(L2, 1, ReturnReason.CHANGED_MIND)))));
        assertThat(refund.amount()).isEqualTo(vnd(54_000));
        Refund failed = h.returns.failRefund(FailRefund.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .refundId(refund.id())
                .failure("card expired")
                .build());
        assertThat(failed.state()).isEqualTo(RefundLifecycle.FAILED);
        assertThat(failed.failure()).contains("card expired");
        assertThatThrownBy(() -> h.returns.confirmRefund(confirm(order, refund, "psp-x")))
                .isInstanceOf(OrderRejectedException.class);
        Refund retried = h.returns.retryRefund(h.action(order, refund.id()));
        assertThat(retried.state()).isEqualTo(RefundLifecycle.PENDING);
        assertThat(retried.failure()).isEmpty();
        assertThat(h.returns.confirmRefund(confirm(order, refund, "psp-3")).state())
                .isEqualTo(RefundLifecycle.SUCCEEDED);
        assertThat(h.storage.documents().trail(order.tenant(), Refund.KIND, refund.id()))
                .extracting(e -> e.trigger().name())
                .containsExactly("CREATE", "FAIL", "RETRY", "SUCCEED");
    }

    @Test
    void a_goodwill_refund_is_capped_by_what_was_paid_minus_refunds_not_yet_confirmed() {
        Order order = h.delivered();
        GoodwillRefund.Builder goodwill = GoodwillRefund.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .reason("late delivery");
        var preview =
                h.returns.previewGoodwillRefund(goodwill.amount(vnd(50_000)).build());
        assertThat(preview.paymentDifference().amount()).isEqualTo(vnd(-50_000));
        Refund refund = h.returns.goodwillRefund(goodwill.amount(vnd(50_000)).build());
        assertThat(refund.reason()).isEqualTo("goodwill: late delivery");
        assertThat(refund.returnId()).isEmpty();
        // 457,000 paid, 50,000 owed by the pending refund: at most 407,000 more
        assertRefused(
                order,
                "REFUND_EXCEEDS_PAID",
                () -> h.returns.goodwillRefund(goodwill.amount(vnd(407_001)).build()));
        assertThat(h.returns
                        .goodwillRefund(goodwill.amount(vnd(407_000)).build())
                        .amount())
                .isEqualTo(vnd(407_000));
        assertRefused(
                order,
                "NOT_POSITIVE",
                () -> h.returns.goodwillRefund(goodwill.amount(vnd(0)).build()));
        assertRefused(
                order,
                "MISSING",
                () -> h.returns.goodwillRefund(
                        goodwill.amount(vnd(1)).reason(" ").build()));
        assertRefused(
                order,
                "CURRENCY_MISMATCH",
                () -> h.returns.goodwillRefund(
                        goodwill.amount(Money.of("1", "USD")).reason("x").build()));
        assertThatThrownBy(() -> h.returns.goodwillRefund(
                        goodwill.amount(vnd(1)).actor(CUSTOMER).build()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_refund_from_a_return_above_what_can_still_be_refunded_is_refused() {
        Order order = h.delivered();
        h.returns.goodwillRefund(GoodwillRefund.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .reason("price match")
                .amount(vnd(400_000))
                .build());
        ReturnRequest rma = h.inspected(order, item(L2, 2, ReturnReason.CHANGED_MIND));
        assertRefused(order, "REFUND_EXCEEDS_PAID", () -> h.returns.resolveReturn(resolve(order, rma)));
    }

    @Test
    void under_unused_with_tags_units_damaged_by_the_buyer_are_not_refunded() {
        h.config(ReturnsConfig.builder()
                .defaultPolicy(ReturnPolicy.builder()
                        .requiredCondition(ReturnCondition.UNUSED_WITH_TAGS)
                        .build())
                .build());
        Order order = h.delivered();
        ReturnRequest rma = h.received(order, item(L1, 3, ReturnReason.CHANGED_MIND));
        h.returns.inspectReturn(InspectReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .addLines(InspectionLine.of(L1, 1, 2, "worn, tags removed"))
                .build());
        Refund refund = refundOf(order, h.returns.resolveReturn(resolve(order, rma)));
        assertThat(refund.amount()).isEqualTo(vnd(106_333));
        assertThat(refund.refundedUnits()).containsEntry(L1, 1);
    }

    @Test
    void a_cod_order_whose_cash_was_not_remitted_has_nothing_to_refund_but_can_get_store_credit() {
        Order order = h.deliver(h.capture(b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(Optional.empty())
                .lines(List.of(ReturnsHarness.line("L1", ReturnsHarness.SHIRT, 1, 100_000, 0, 10)))));
        ReturnRequest rma = h.inspected(order, item(L1, 1, ReturnReason.CHANGED_MIND));
        assertThatThrownBy(() -> h.returns.resolveReturn(resolve(order, rma)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("store credit")
                .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                        .extracting(Violation::code)
                        .containsExactly("REFUND_EXCEEDS_PAID"));

        ReturnRequest asCredit = h.returns.requestReturn(h.request(
                        h.deliver(h.capture(b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                                .paymentStatus(Optional.empty())
                                .lines(List.of(ReturnsHarness.line("L1", ReturnsHarness.SHIRT, 1, 100_000, 0, 10))))),
                        ReturnsHarness.WAREHOUSE,
                        item(L1, 1, ReturnReason.CHANGED_MIND))
                .resolution(ReturnResolution.STORE_CREDIT)
                .build());
        Order codOrder = h.oms.get(asCredit.tenant(), asCredit.orderId());
        h.returns.approveReturn(h.action(codOrder, asCredit.id()));
        h.returns.receiveReturn(dev.omskit.core.returns.ReceiveReturn.builder()
                .tenant(codOrder.tenant())
                .orderId(codOrder.id())
                .actor(AGENT)
                .returnId(asCredit.id())
                .build());
        h.returns.inspectReturn(InspectReturn.builder()
                .tenant(codOrder.tenant())
                .orderId(codOrder.id())
                .actor(AGENT)
                .returnId(asCredit.id())
                .addLines(InspectionLine.good(L1, 1))
                .build());
        ReturnRequest credited = h.returns.resolveReturn(resolve(codOrder, asCredit));
        assertThat(credited.state()).isEqualTo(ReturnLifecycle.CREDITED);
        StoreCredit credit = h.storage
                .documents()
                .find(
                        codOrder.tenant(),
                        StoreCredit.KIND,
                        credited.storeCreditId().orElseThrow())
                .orElseThrow();
        assertThat(credit.amount()).isEqualTo(vnd(110_000));
    }

    @Test
    void a_resolved_return_is_closed_and_resolving_it_again_changes_nothing() {
        Order order = h.delivered();
        ReturnRequest rma = h.inspected(order, item(L2, 1, ReturnReason.CHANGED_MIND));
        ReturnRequest resolved = h.returns.resolveReturn(resolve(order, rma));
        assertThat(h.returns.resolveReturn(resolve(order, rma))).isEqualTo(resolved);
        assertThat(h.returns.refundsOf(order.tenant(), order.id())).hasSize(1);
        assertThat(h.returns.closeReturn(h.action(order, rma.id())).state()).isEqualTo(ReturnLifecycle.CLOSED);
    }
}
