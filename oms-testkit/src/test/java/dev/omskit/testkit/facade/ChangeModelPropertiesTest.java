package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OrderFixtures.vnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.change.ChangeResult;
import dev.omskit.core.change.OrderChange;
import dev.omskit.core.change.Settlements;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits, cancellations and refunds on a paid, an authorised and a cash-on-delivery order: every
 * change applied at its previewed version gives exactly the preview (order, events, payment difference),
 * the difference is always what the order now costs against what was paid, refused changes store
 * nothing, and refunds never exceed what was paid.
 */
@Label("Change model")
class ChangeModelPropertiesTest {
    private static final Actor ACTOR = Actor.agent("prop");

    enum Kind {
        EDIT_QUANTITY,
        CANCEL,
        REFUND
    }

    record Step(int order, Kind kind, int line, int units, int refundPercent) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 150))
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(25);
    }

    @Property(tries = 100)
    @Label("apply equals preview; differences follow the ledger; refunds never exceed what was paid")
    void applyEqualsPreview(@ForAll("steps") List<Step> steps) {
        Harness h = Harness.create();
        List<Order> orders = List.of(
                h.capture(b -> b.lines(
                        List.of(OrderFixtures.line("SKU-1", 3, 100_000), OrderFixtures.line("SKU-2", 1, 50_000)))),
                h.capture(b -> b.paymentStatus(PaymentStates.AUTHORIZED)
                        .lines(List.of(
                                OrderFixtures.line("SKU-1", 2, 30_000), OrderFixtures.line("SKU-3", 2, 70_000)))),
                h.capture(b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                        .paymentStatus(Optional.empty())
                        .lines(List.of(
                                OrderFixtures.line("SKU-4", 1, 10_000), OrderFixtures.line("SKU-5", 2, 20_000)))));

        for (Step step : steps) {
            Order before = h.reload(orders.get(step.order()));
            int outbox = h.storage.pendingOutboxSize();
            if (step.kind() == Kind.REFUND) {
                refund(h, before, step);
            } else {
                change(h, before, step);
            }
            Order now = h.reload(before);
            assertThat(now.payments().refunded())
                    .isLessThanOrEqualTo(now.payments().captured());
            if (now.version() == before.version()) {
                assertThat(now).isEqualTo(before);
                assertThat(h.storage.pendingOutboxSize()).isEqualTo(outbox);
            }
        }
    }

    private static void change(Harness h, Order before, Step step) {
        LineId line = LineId.of("L" + step.line());
        OrderChange change = step.kind() == Kind.EDIT_QUANTITY
                ? OrderChange.edit(EditOrder.builder()
                        .tenant(before.tenant())
                        .orderId(before.id())
                        .actor(ACTOR)
                        .expectedVersion(before.version())
                        .putChangeQuantities(line, (long) step.units())
                        .build())
                : OrderChange.cancel(CancelOrder.builder()
                        .tenant(before.tenant())
                        .orderId(before.id())
                        .actor(ACTOR)
                        .expectedVersion(before.version())
                        .putLines(line, Math.max(1, step.units()))
                        .reason("property")
                        .build());
        ChangePreview<Order> preview;
        try {
            preview = h.oms.changes().preview(change);
        } catch (OrderRejectedException | InvalidArgumentException refused) {
            try {
                h.oms.changes().apply(change);
                throw new AssertionError("preview refused " + step + " but apply accepted it");
            } catch (OrderRejectedException | InvalidArgumentException alsoRefused) {
                assertThat(alsoRefused.getClass()).isEqualTo(refused.getClass());
                return;
            }
        }
        ChangeResult result = h.oms.changes().apply(change);
        assertThat(result.order()).as("%s", step).isEqualTo(preview.after());
        assertThat(result.paymentDifference()).isEqualTo(preview.paymentDifference());
        Money expected =
                Settlements.forTotals(result.order()).map(p -> p.amount()).orElse(vnd(0));
        assertThat(result.paymentDifference().amount()).isEqualTo(expected);
        List<?> trail = h.trail(before);
        assertThat(trail.subList((int) before.version(), trail.size())).isEqualTo(preview.orderEvents());
    }

    private static void refund(Harness h, Order before, Step step) {
        Money refundable = before.payments().refundable();
        Money amount = vnd(Math.max(1, refundable.amount().longValue() * step.refundPercent() / 100));
        try {
            h.oms.recordPayment(RecordPayment.builder()
                    .tenant(before.tenant())
                    .orderId(before.id())
                    .actor(ACTOR)
                    .trigger(PaymentStates.REFUND_PARTIAL)
                    .amount(amount)
                    .build());
            assertThat(amount).isLessThanOrEqualTo(refundable);
        } catch (InvalidArgumentException tooMuch) {
            assertThat(amount).isGreaterThan(refundable);
        } catch (OrderRejectedException notInThisState) {
            assertThat(before.paymentStatus())
                    .isNotIn(PaymentStates.PAID, PaymentStates.PARTIALLY_REFUNDED, PaymentStates.COD_COLLECTED);
        }
    }
}
