package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OrderFixtures.vnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.change.ChangeResult;
import dev.omskit.core.change.OrderChange;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.spi.VersionConflictException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("One change model: preview, apply, totals and the payment difference (R-19)")
class ChangesTest {
    private final Harness h = Harness.create();

    private static EditOrder quantity(Order order, long units) {
        return EditOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("agent-1"))
                .putChangeQuantities(line(order), units)
                .build();
    }

    private static CancelOrder cancelOne(Order order) {
        return CancelOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("agent-1"))
                .putLines(line(order), 1)
                .reason("buyer asked")
                .build();
    }

    private static LineId line(Order order) {
        return order.lines().get(0).id();
    }

    @Test
    @DisplayName("a preview decides the change, stores nothing, and names the money to capture")
    void preview_edit_storesNothingAndNamesTheCharge() {
        Order paid = h.capture(); // 2 x 100,000 + 10% VAT = 220,000 paid
        int outbox = h.storage.pendingOutboxSize();

        ChangePreview<Order> preview = h.oms.changes().preview(OrderChange.edit(quantity(paid, 3)));

        assertThat(preview.baseVersion()).isEqualTo(paid.version());
        assertThat(preview.totalsBefore().total()).isEqualTo(vnd(220_000));
        assertThat(preview.totalsAfter().total()).isEqualTo(vnd(330_000));
        assertThat(preview.after().lines().get(0).charged()).isEqualTo(3);
        assertThat(preview.orderEvents()).hasSize(1);
        assertThat(preview.paymentDifference().amount()).isEqualTo(vnd(110_000));
        assertThat(preview.paymentDifference().isCharge()).isTrue();
        assertThat(preview.changesAnything()).isTrue();
        assertThat(h.reload(paid)).isEqualTo(paid);
        assertThat(h.storage.pendingOutboxSize()).isEqualTo(outbox);
    }

    @Test
    @DisplayName("applying at the previewed version gives exactly the preview's order, events and difference")
    void apply_atPreviewedVersion_matchesThePreview() {
        Order paid = h.capture();
        ChangePreview<Order> preview = h.oms.changes().preview(OrderChange.cancel(cancelOne(paid)));

        ChangeResult result = h.oms.changes()
                .apply(OrderChange.cancel(CancelOrder.builder()
                        .from(cancelOne(paid))
                        .expectedVersion(preview.baseVersion())
                        .build()));

        assertThat(result.order()).isEqualTo(preview.after());
        assertThat(h.trail(paid).subList((int) paid.version(), h.trail(paid).size()))
                .containsExactlyElementsOf(preview.orderEvents());
        assertThat(result.paymentDifference()).isEqualTo(preview.paymentDifference());
        assertThat(result.paymentDifference().amount()).isEqualTo(vnd(-110_000));
        assertThat(result.paymentDifference().isRefund()).isTrue();
        assertThat(result.changeSetId()).isEqualTo(paid.id() + "@1..2");
    }

    @Test
    @DisplayName("a preview applied after the order moved on is a version conflict and changes nothing")
    void apply_afterTheOrderMoved_isAConflict() {
        Order paid = h.capture();
        ChangePreview<Order> preview = h.oms.changes().preview(OrderChange.edit(quantity(paid, 3)));
        Order moved = h.oms.cancel(cancelOne(paid));
        int outbox = h.storage.pendingOutboxSize();

        assertThatThrownBy(() -> h.oms.changes()
                        .apply(OrderChange.edit(EditOrder.builder()
                                .from(quantity(paid, 3))
                                .expectedVersion(preview.baseVersion())
                                .build())))
                .isInstanceOf(VersionConflictException.class);
        assertThat(h.reload(paid)).isEqualTo(moved);
        assertThat(h.storage.pendingOutboxSize()).isEqualTo(outbox);
    }

    @Test
    @DisplayName("previews are deterministic: the same change on the same version decides the same")
    void preview_isDeterministic() {
        Order paid = h.capture();
        OrderChange change = OrderChange.edit(quantity(paid, 5));

        assertThat(h.oms.changes().preview(change)).isEqualTo(h.oms.changes().preview(change));
    }

    @Test
    @DisplayName("a change the lifecycle refuses is refused in the preview too, and nothing is stored")
    void refusedChange_isRefusedInPreviewAndApply() {
        Order shipped = h.capture();
        for (var trigger : new dev.omskit.core.lifecycle.Trigger[] {
            OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP
        }) {
            shipped = h.transition(shipped, trigger);
        }
        Order atShip = shipped;
        OrderChange change = OrderChange.cancel(cancelOne(atShip));

        assertThatThrownBy(() -> h.oms.changes().preview(change)).isInstanceOf(OrderRejectedException.class);
        assertThatThrownBy(() -> h.oms.changes().apply(change)).isInstanceOf(OrderRejectedException.class);
        assertThat(h.reload(atShip)).isEqualTo(atShip);
    }

    @Test
    @DisplayName("cash on delivery not yet collected: nothing to settle; the amount to collect follows the lines")
    void cod_changesTheAmountToCollect() {
        Order cod = h.capture(
                b -> b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY).paymentStatus(PaymentStates.COD_PENDING));

        ChangeResult result = h.oms.changes().apply(OrderChange.cancel(cancelOne(cod)));

        assertThat(result.paymentDifference().isZero()).isTrue();
        assertThat(result.order().totals().cashOnDelivery()).isEqualTo(vnd(110_000));
    }

    @Test
    @DisplayName("an only-authorised order: the difference is against the authorisation")
    void authorised_differenceIsAgainstTheAuthorisation() {
        Order authorised = h.capture(b -> b.paymentStatus(PaymentStates.AUTHORIZED));

        ChangeResult result = h.oms.changes().apply(OrderChange.edit(quantity(authorised, 1)));

        assertThat(result.paymentDifference().amount()).isEqualTo(vnd(-110_000));
        assertThat(result.paymentDifference().parts().get(0).reason()).contains("authorised");
    }

    @Test
    @DisplayName("a change replayed with its idempotency key returns the same result and difference")
    void replay_returnsTheSameDifference() {
        Order paid = h.capture();
        OrderChange change = OrderChange.cancel(CancelOrder.builder()
                .from(cancelOne(paid))
                .idempotencyKey(Optional.of(IdempotencyKey.of("cancel-1")))
                .build());

        ChangeResult first = h.oms.changes().apply(change);
        ChangeResult again = h.oms.changes().apply(change);

        assertThat(again.order()).isEqualTo(first.order());
        assertThat(again.paymentDifference()).isEqualTo(first.paymentDifference());
        assertThat(h.reload(paid).version()).isEqualTo(first.order().version());
    }
}
