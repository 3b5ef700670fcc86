package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.L2;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.returns.ConfirmRefund;
import dev.omskit.core.returns.GoodwillRefund;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnItem;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnPolicy;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.testkit.OrderFixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of return steps (request, receive part, inspect, refund, confirm, goodwill, cancel) on
 * one delivered order: per line, units in returns never exceed units delivered, and refunds (pending and
 * confirmed) never exceed what was paid.
 */
class ReturnsPropertiesTest {
    /** One step: which kind, on which line, how many units, a reason. */
    record Step(int kind, int line, int units, ReturnReason reason) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of(ReturnReason.class))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 150)
    void returned_units_never_exceed_delivered_and_refunds_never_exceed_what_was_paid(
            @ForAll("steps") List<Step> steps, @ForAll boolean fee) {
        ReturnsHarness h = new ReturnsHarness();
        h.config(ReturnsConfig.builder()
                .defaultPolicy(ReturnPolicy.builder()
                        .restockingFeePercent(fee ? BigDecimal.valueOf(15) : BigDecimal.ZERO)
                        .build())
                .build());
        Order order = h.delivered();
        Money paid = order.payments().captured();
        for (Step s : steps) {
            LineId line = s.line() == 0 ? L1 : L2;
            try {
                apply(h, order, s, line);
            } catch (InvalidArgumentException | dev.omskit.core.order.OrderRejectedException e) {
                // refused steps change nothing; the invariants below still hold
            }
            check(h, order, paid);
        }
    }

    private static void apply(ReturnsHarness h, Order order, Step s, LineId line) {
        List<ReturnRequest> rmas = h.returns.returnsOf(order.tenant(), order.id());
        ReturnRequest last = rmas.isEmpty() ? null : rmas.get(rmas.size() - 1);
        switch (s.kind()) {
            case 0 -> h.returns.requestReturn(h.request(order, WAREHOUSE, ReturnItem.of(line, s.units(), s.reason()))
                    .actor(AGENT)
                    .build());
            case 1 -> {
                if (last != null && last.state().equals(ReturnLifecycle.REQUESTED)) {
                    h.returns.approveReturn(h.action(order, last.id()));
                }
                if (last != null) {
                    int units = Math.min(
                            s.units(), last.requestedUnits().values().iterator().next());
                    h.returns.receiveReturn(ReceiveReturn.builder()
                            .tenant(order.tenant())
                            .orderId(order.id())
                            .actor(AGENT)
                            .returnId(last.id())
                            .units(Map.of(last.lines().get(0).line(), units))
                            .build());
                }
            }
            case 2 -> {
                if (last != null) {
                    ReturnRequest r = last;
                    InspectReturn.Builder b = InspectReturn.builder()
                            .tenant(order.tenant())
                            .orderId(order.id())
                            .actor(AGENT)
                            .returnId(r.id());
                    r.lines()
                            .forEach(l -> b.addLines(
                                    l.received() > 1
                                            ? InspectionLine.of(l.line(), 1, l.received() - 1, "scratched")
                                            : InspectionLine.good(l.line(), l.received())));
                    h.returns.inspectReturn(b.build());
                }
            }
            case 3 -> {
                if (last != null) {
                    h.returns.resolveReturn(ResolveReturn.builder()
                            .tenant(order.tenant())
                            .orderId(order.id())
                            .actor(AGENT)
                            .returnId(last.id())
                            .build());
                }
            }
            case 4 -> {
                for (Refund r : h.returns.refundsOf(order.tenant(), order.id())) {
                    h.returns.confirmRefund(ConfirmRefund.builder()
                            .tenant(order.tenant())
                            .orderId(order.id())
                            .actor(AGENT)
                            .refundId(r.id())
                            .providerReference("psp-" + r.id())
                            .build());
                }
            }
            case 5 -> h.returns.goodwillRefund(GoodwillRefund.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(AGENT)
                    .amount(OrderFixtures.vnd(s.units() * 40_000L))
                    .reason("goodwill " + s.units())
                    .build());
            default -> {
                if (last != null) {
                    h.returns.cancelReturn(h.action(order, last.id()));
                }
            }
        }
    }

    private static void check(ReturnsHarness h, Order order, Money paid) {
        Order now = h.reload(order);
        List<ReturnRequest> rmas = h.returns.returnsOf(order.tenant(), order.id());
        for (OrderLine line : now.lines()) {
            int delivered = line.quantity(OrderStages.DELIVERED) + line.quantity(OrderStages.RETURNED);
            int held = 0;
            int received = 0;
            for (ReturnRequest r : rmas) {
                if (ReturnLifecycle.holdsUnits(r.state())) {
                    held += r.requestedUnits().getOrDefault(line.id(), 0);
                }
                received += r.receivedUnits().getOrDefault(line.id(), 0);
            }
            assertThat(received).isEqualTo(line.quantity(OrderStages.RETURNED));
            assertThat(held + received).as("units in returns of " + line.id()).isLessThanOrEqualTo(delivered);
        }
        Money refunds = Money.zero(order.currency());
        for (Refund r : h.returns.refundsOf(order.tenant(), order.id())) {
            refunds = refunds.plus(r.amount());
        }
        assertThat(refunds.compareTo(paid))
                .as("refunds " + refunds + " vs paid " + paid)
                .isLessThanOrEqualTo(0);
        assertThat(now.payments().refunded().compareTo(paid)).isLessThanOrEqualTo(0);
    }
}
