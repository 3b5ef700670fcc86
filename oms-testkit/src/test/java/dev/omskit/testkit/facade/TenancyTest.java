package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.OrderFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tenancy: one tenant never sees or touches another's orders")
class TenancyTest {
    private static final TenantId A = OrderFixtures.TENANT;
    private static final TenantId B = TenantId.of("shop-2");

    private final Harness h = Harness.create();

    @Nested
    @DisplayName("an order of tenant A, looked at from tenant B")
    class OrderOfTenantA {
        private Order order;

        @BeforeEach
        void captureInA() {
            order = h.capture(b -> b.channelOrderId("SHARED-1"));
        }

        @Test
        void find_fromOtherTenant_isEmpty() {
            assertThat(h.oms.find(B, order.id())).isEmpty();
            assertThat(h.oms.findByChannelOrder(B, OrderFixtures.WEB.id(), "SHARED-1"))
                    .isEmpty();
            assertThat(h.oms.query(B, OrderQuery.all())).isEmpty();
        }

        @Test
        void get_fromOtherTenant_isNotFound() {
            assertThatThrownBy(() -> h.oms.get(B, order.id())).isInstanceOfSatisfying(NotFoundException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
                assertThat(e).hasMessageContaining(order.id().value()).hasMessageContaining(B.value());
            });
        }

        @Test
        void cancel_fromOtherTenant_isNotFoundAndChangesNothing() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.cancel(OrderFixtures.cancelAll(B, order.id(), "hostile")))
                    .isInstanceOf(NotFoundException.class);

            h.assertUnchanged(order, deliveredBefore);
            assertThat(h.storage.orderCount(B)).isZero();
        }

        @Test
        void transition_fromOtherTenant_isNotFound() {
            Order sameIdInB = Order.builder().from(order).tenant(B).build();

            assertThatThrownBy(() -> h.transition(sameIdInB, OrderTriggers.ALLOCATE))
                    .isInstanceOf(NotFoundException.class);

            assertThat(h.reload(order)).hasStatus("CREATED").hasVersion(1);
        }

        @Test
        void trail_fromOtherTenant_isNotFound() {
            assertThatThrownBy(() -> h.oms.events(B, order.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> h.oms.auditTrail(B, order.id())).isInstanceOf(NotFoundException.class);
            assertThat(h.oms.events(A, order.id())).hasSize(1);
        }

        @Test
        void capture_sameChannelOrderInOtherTenant_createsAnIndependentOrder() {
            Order inB = h.capture(b -> b.tenant(B).channelOrderId("SHARED-1"));

            assertThat(inB.tenant()).isEqualTo(B);
            assertThat(h.storage.orderCount(B)).isEqualTo(1);
            assertThat(h.oms.get(A, order.id())).isEqualTo(order);
            assertThat(h.oms.findByChannelOrder(B, OrderFixtures.WEB.id(), "SHARED-1"))
                    .contains(inB);
        }
    }
}
