package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.lifecycle.Action;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTransitionContext;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A tenant with a FRAUD_REVIEW step before CREATED")
class CustomLifecycleTest {
    private static final State FRAUD_REVIEW = State.of("FRAUD_REVIEW");
    private static final Trigger APPROVE = Trigger.of("APPROVE");
    private static final TenantId TENANT_A = OrderFixtures.TENANT;
    private static final TenantId TENANT_B = TenantId.of("shop-with-review");

    private static final Action<OrderTransitionContext> RECORD_SCORE = Action.of(
            "recordFraudScore",
            ctx -> ctx.record(
                    "fraudScore", Map.of("score", "12", "by", ctx.actor().id())));

    private static final OrderLifecycle WITH_REVIEW = OrderLifecycle.of(OrderLifecycle.defaultStages().toBuilder()
            .stateBefore(FRAUD_REVIEW, OrderStages.CREATED)
            .initial(FRAUD_REVIEW)
            .transition(FRAUD_REVIEW, APPROVE, OrderStages.CREATED)
            .transition(FRAUD_REVIEW, OrderTriggers.CANCEL, OrderStages.CANCELLED)
            .action(FRAUD_REVIEW, APPROVE, RECORD_SCORE)
            .build());

    private final Harness h = Harness.create(b -> b.lifecycle(TENANT_B, WITH_REVIEW));

    @Nested
    @DisplayName("an order of the reviewing tenant, just captured")
    class InReview {
        private Order order;

        @BeforeEach
        void capture() {
            order = h.capture(b -> b.tenant(TENANT_B));
        }

        @Test
        void capture_reviewingTenant_startsInFraudReview() {
            assertThat(order).hasStatus("FRAUD_REVIEW").hasUnits("L1", FRAUD_REVIEW, 2);
            assertThat(h.oms.lifecycle(TENANT_B).initialStage()).isEqualTo(FRAUD_REVIEW);
        }

        @Test
        void allocate_beforeApproval_isRejectedIllegalTransition() {
            int deliveredBefore = h.delivered.size();

            assertThatThrownBy(() -> h.transition(order, OrderTriggers.ALLOCATE))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(Rejection.ILLEGAL_TRANSITION));

            h.assertUnchanged(order, deliveredBefore);
        }

        @Test
        void approve_thenAllocate_succeeds() {
            Order approved = h.transition(order, APPROVE);

            assertThat(approved).hasStatus("CREATED").hasUnits("L1", OrderStages.CREATED, 2);
            assertThat(h.transition(approved, OrderTriggers.ALLOCATE)).hasStatus("ALLOCATED");
        }

        @Test
        void approve_actionRecordsFactInAuditTrail() {
            Order approved = h.transition(order, APPROVE);

            List<OrderEvent> trail = h.trail(order);
            assertThat(trail).hasSize(3);
            assertThat(trail.get(2)).isInstanceOfSatisfying(OrderEvent.ActionRecorded.class, e -> {
                assertThat(e.trigger()).isEqualTo(APPROVE);
                assertThat(e.name()).isEqualTo("fraudScore");
                assertThat(e.attributes()).containsEntry("score", "12").containsEntry("by", "test");
            });
            assertThat(approved).hasVersion(3);
            List<AuditEntry> audit = h.oms.auditTrail(TENANT_B, order.id());
            assertThat(audit.get(2).what()).contains("fraudScore").contains("score=12");
            assertThat(h.deliveredIds()).endsWith(order.id() + "/2", order.id() + "/3");
        }

        @Test
        void cancel_inReview_cancelsEveryUnit() {
            Order cancelled = h.oms.cancel(OrderFixtures.cancelAll(TENANT_B, order.id(), "fraud confirmed"));

            assertThat(cancelled).hasStatus("CANCELLED").hasUnits(OrderStages.CANCELLED, 2);
        }
    }

    @Nested
    @DisplayName("an order of another tenant on the same Oms")
    class OtherTenant {
        @Test
        void capture_otherTenant_keepsDefaultLifecycle() {
            Order order = h.capture(b -> b.tenant(TENANT_A));

            assertThat(order).hasStatus("CREATED");
            assertThat(h.oms.lifecycle(TENANT_A)).isSameAs(OrderLifecycle.defaults());
            assertThat(h.transition(order, OrderTriggers.ALLOCATE)).hasStatus("ALLOCATED");
        }

        @Test
        void approve_otherTenant_isUnknownTrigger() {
            Order order = h.capture(b -> b.tenant(TENANT_A));

            assertThatThrownBy(() -> h.transition(order, APPROVE))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::code)
                            .containsExactly("UNKNOWN_TRIGGER"));
            assertThat(h.reload(order)).hasVersion(1);
        }
    }
}
