package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.testkit.OrderFixtures;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Queries")
class QueryTest {
    private static final CustomerId AN = CustomerId.of("c-an");
    private static final CustomerId BINH = CustomerId.of("c-binh");

    private final Harness h = Harness.create();

    @Nested
    @DisplayName("three orders of two customers, one allocated")
    class ThreeOrders {
        private Order first;
        private Order second;
        private Order third;

        @BeforeEach
        void captureThree() {
            first = h.capture(b -> b.customer(AN).channelOrderId("Q-1"));
            h.clock.advance(Duration.ofMinutes(1));
            second = h.capture(b -> b.customer(BINH)
                    .channel(OrderFixtures.SHOPEE)
                    .actor(Actor.channel(OrderFixtures.SHOPEE.id()))
                    .channelOrderId("Q-2"));
            h.clock.advance(Duration.ofMinutes(1));
            third = h.transition(h.capture(b -> b.customer(AN).channelOrderId("Q-3")), OrderTriggers.ALLOCATE);
        }

        @Test
        void get_byId_returnsOrder() {
            assertThat(h.oms.get(OrderFixtures.TENANT, second.id())).isEqualTo(second);
            assertThat(h.oms.find(OrderFixtures.TENANT, third.id())).contains(third);
        }

        @Test
        void get_unknownId_isNotFound() {
            assertThat(h.oms.find(OrderFixtures.TENANT, OrderId.of("o-404"))).isEmpty();
            assertThatThrownBy(() -> h.oms.get(OrderFixtures.TENANT, OrderId.of("o-404")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("o-404");
        }

        @Test
        void findByChannelOrder_returnsOrderOfThatChannelOnly() {
            assertThat(h.oms.findByChannelOrder(OrderFixtures.TENANT, OrderFixtures.SHOPEE.id(), "Q-2"))
                    .contains(second);
            assertThat(h.oms.findByChannelOrder(OrderFixtures.TENANT, OrderFixtures.WEB.id(), "Q-2"))
                    .isEmpty();
        }

        @Test
        void ordersOf_customer_returnsTheirOrdersOldestFirst() {
            assertThat(h.oms.ordersOf(OrderFixtures.TENANT, AN)).containsExactly(first, third);
            assertThat(h.oms.ordersOf(OrderFixtures.TENANT, BINH)).containsExactly(second);
        }

        @Test
        void query_byStatus_returnsOrdersInThatStatus() {
            assertThat(h.oms.query(
                            OrderFixtures.TENANT,
                            OrderQuery.builder()
                                    .status(OrderStatus.of(OrderStages.CREATED))
                                    .build()))
                    .containsExactly(first, second);
            assertThat(h.oms.query(
                            OrderFixtures.TENANT,
                            OrderQuery.builder()
                                    .status(OrderStatus.of(OrderStages.ALLOCATED))
                                    .build()))
                    .containsExactly(third);
        }

        @Test
        void events_unknownOrder_isNotFound() {
            assertThatThrownBy(() -> h.oms.events(OrderFixtures.TENANT, OrderId.of("o-404")))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
