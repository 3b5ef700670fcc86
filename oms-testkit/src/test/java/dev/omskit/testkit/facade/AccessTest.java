package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ActorKind;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Access: customers act only on their own orders")
class AccessTest {
    private static final CustomerId AN = CustomerId.of("c-an");
    private static final CustomerId BINH = CustomerId.of("c-binh");

    private final Harness h = Harness.create();

    private CancelOrder cancelBy(Order order, Actor actor) {
        return CancelOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(actor)
                .reason("no longer needed")
                .build();
    }

    @Nested
    @DisplayName("an order placed by customer An")
    class CustomersOrder {
        private Order order;

        @BeforeEach
        void placeByCustomer() {
            order = h.capture(b -> b.customer(AN).actor(Actor.customer(AN)));
        }

        @Test
        void cancel_byAnotherCustomer_isDeniedAndChangesNothing() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.cancel(cancelBy(order, Actor.customer(BINH))))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
                        assertThat(e)
                                .hasMessageContaining(BINH.value())
                                .hasMessageContaining(order.id().value());
                    });

            h.assertUnchanged(order, deliveredBefore);
        }

        @Test
        void placeHold_byAnotherCustomer_isDenied() {
            PlaceHold hold = PlaceHold.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(Actor.customer(BINH))
                    .type(HoldType.MANUAL)
                    .reason("mischief")
                    .build();

            assertThatThrownBy(() -> h.oms.placeHold(hold)).isInstanceOf(AccessDeniedException.class);

            assertThat(h.reload(order)).isNotOnHold().hasVersion(1);
        }

        @Test
        void cancel_byOwner_succeedsAndIsAttributedToThem() {
            Order cancelled = h.oms.cancel(cancelBy(order, Actor.customer(AN)));

            assertThat(cancelled).hasStatus("CANCELLED");
            assertThat(h.oms.auditTrail(order.tenant(), order.id()))
                    .last()
                    .extracting(AuditEntry::actor)
                    .isEqualTo(Actor.customer(AN));
        }

        @Test
        void cancel_byAgentOnBehalfOfOwner_isAttributedToTheAgent() {
            Actor linhForAn = Actor.agentFor("linh", AN);

            h.oms.cancel(cancelBy(order, linhForAn));

            AuditEntry last = h.oms.auditTrail(order.tenant(), order.id()).get(1);
            assertThat(last.actor().kind()).isEqualTo(ActorKind.AGENT);
            assertThat(last.actor().id()).isEqualTo("linh");
            assertThat(last.actor().onBehalfOf()).contains(AN);
            assertThat(last.toString()).contains("agent:linh (for customer c-an)");
        }

        @Test
        void cancel_byAgentOnBehalfOfAnotherCustomer_isDeniedAndChangesNothing() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.oms.cancel(cancelBy(order, Actor.agentFor("linh", BINH))))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("for customer c-binh");

            h.assertUnchanged(order, deliveredBefore);
        }

        @Test
        void replayOfAnotherCustomersKey_isDeniedBeforeTheKeyIsLookedUp() {
            CancelOrder owners = CancelOrder.builder()
                    .from(cancelBy(order, Actor.customer(AN)))
                    .idempotencyKey(dev.omskit.core.model.IdempotencyKey.of("k-1"))
                    .build();
            h.oms.cancel(owners);

            assertThatThrownBy(() -> h.oms.cancel(CancelOrder.builder()
                            .from(owners)
                            .actor(Actor.customer(BINH))
                            .build()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Nested
    @DisplayName("an order without a known customer")
    class GuestOrder {
        @Test
        void cancel_byAnyCustomer_isDenied() {
            Order guest = h.capture();

            assertThatThrownBy(() -> h.oms.cancel(cancelBy(guest, Actor.customer(AN))))
                    .isInstanceOf(AccessDeniedException.class);

            assertThat(h.reload(guest)).hasVersion(1);
        }
    }

    @Nested
    @DisplayName("a customer placing an order")
    class Placing {
        @Test
        void capture_byCustomerForSomeoneElse_isDeniedAndStoresNothing() {
            assertThatThrownBy(() -> h.capture(b -> b.customer(BINH).actor(Actor.customer(AN))))
                    .isInstanceOf(AccessDeniedException.class);

            h.assertNothingStoredOrEmitted(OrderFixtures.TENANT);
        }

        @Test
        void capture_byCustomerForThemselves_isStoredAndListedAsTheirs() {
            Order order = h.capture(b -> b.customer(AN).actor(Actor.customer(AN)));

            assertThat(h.oms.ordersOf(OrderFixtures.TENANT, AN)).containsExactly(order);
            assertThat(h.oms.ordersOf(OrderFixtures.TENANT, BINH)).isEqualTo(List.of());
        }
    }
}
