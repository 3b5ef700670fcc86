package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.SelfService;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.selfservice.OrderHistory;
import dev.omskit.core.selfservice.OrderTracking;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Self-service on one's own orders only (R-63) and agents acting for customers (R-64)")
class SelfServiceTest {
    private static final CustomerId AN = CustomerId.of("c-an");
    private static final CustomerId BINH = CustomerId.of("c-binh");

    private final Harness h = Harness.create();
    private final SelfService an = h.oms.selfService(OrderFixtures.TENANT, AN);
    private final SelfService binh = h.oms.selfService(OrderFixtures.TENANT, BINH);

    private Order orderOf(CustomerId customer) {
        return h.capture(b -> b.customer(customer));
    }

    private static Address newAddress() {
        return Address.builder()
                .from(OrderFixtures.address())
                .line1("12 Le Loi")
                .build();
    }

    @Test
    @DisplayName("a customer lists and tracks their own orders")
    void track_ownOrder() {
        Order mine = h.transition(orderOf(AN), OrderTriggers.ALLOCATE);
        orderOf(BINH);

        OrderTracking tracking = an.track(mine.id());

        assertThat(an.orders(0, 10)).extracting(Order::id).containsExactly(mine.id());
        assertThat(tracking.status().toString()).isEqualTo("ALLOCATED");
        assertThat(tracking.lines().get(0).unitsByStage()).containsEntry(OrderStages.ALLOCATED, 2);
        assertThat(tracking.channelOrderId()).isEqualTo(mine.channelOrderId());
    }

    @Test
    @DisplayName("every operation on someone else's order is an access error and changes nothing")
    void othersOrder_isDeniedAndNothingChanges() {
        Order anOrder = orderOf(AN);
        int outbox = h.storage.pendingOutboxSize();

        assertThatThrownBy(() -> binh.track(anOrder.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> binh.order(anOrder.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> binh.cancel(anOrder.id(), "not mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> binh.changeDeliveryDetails(anOrder.id(), newAddress(), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> h.oms.agentDesk(OrderFixtures.TENANT, "linh")
                        .actFor(BINH)
                        .cancel(anOrder.id(), "x"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(h.reload(anOrder)).isEqualTo(anOrder);
        assertThat(h.storage.pendingOutboxSize()).isEqualTo(outbox);
    }

    @Test
    @DisplayName("cancel while allowed; once shipped it is refused with NOT_CANCELLABLE")
    void cancel_whileAllowed() {
        Order early = orderOf(AN);
        assertThat(an.cancel(early.id(), "changed my mind").status().stage()).isEqualTo(OrderStages.CANCELLED);

        Order shipped = orderOf(AN);
        for (var t : List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP)) {
            shipped = h.transition(shipped, t);
        }
        Order atShip = shipped;
        assertThatThrownBy(() -> an.cancel(atShip.id(), "too late"))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo(Rejection.NOT_CANCELLABLE));
        assertThat(h.reload(atShip)).isEqualTo(atShip);
    }

    @Test
    @DisplayName("delivery details change before release; after release it is refused with NOT_EDITABLE")
    void changeDeliveryDetails_beforeRelease() {
        Order mine = orderOf(AN);
        Order changed = an.changeDeliveryDetails(mine.id(), newAddress(), Optional.empty());
        assertThat(changed.shippingAddress().line1()).isEqualTo("12 Le Loi");

        Order released = h.transition(h.transition(changed, OrderTriggers.ALLOCATE), OrderTriggers.RELEASE);
        assertThatThrownBy(() -> an.changeDeliveryDetails(released.id(), OrderFixtures.address(), Optional.empty()))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo(Rejection.NOT_EDITABLE));
        assertThat(h.reload(released)).isEqualTo(released);
    }

    @Test
    @DisplayName("an agent sees a customer's whole history and acts for them, attributed to the agent")
    void agent_actsOnBehalf_attributedToTheAgent() {
        Order first = orderOf(AN);
        Order second = orderOf(AN);
        orderOf(BINH);

        h.oms.agentDesk(OrderFixtures.TENANT, "linh").actFor(AN).cancel(second.id(), "customer called");
        List<OrderHistory> history =
                h.oms.agentDesk(OrderFixtures.TENANT, "linh").customerHistory(AN);

        assertThat(history).extracting(x -> x.order().id()).containsExactly(first.id(), second.id());
        OrderHistory cancelled = history.get(1);
        assertThat(cancelled.trail()).hasSize(2);
        assertThat(cancelled.trail().get(1).actor().toString()).isEqualTo("agent:linh (for customer c-an)");
    }
}
