package dev.omskit.testkit;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStatus;
import org.assertj.core.api.AbstractObjectAssert;

/** AssertJ assertions for an {@link Order}; start with {@link OmsAssertions#assertThat(Order)}. */
public class OrderAssert extends AbstractObjectAssert<OrderAssert, Order> {
    public OrderAssert(Order actual) {
        super(actual, OrderAssert.class);
    }

    /** The derived status, e.g. {@code "PARTIALLY_SHIPPED"}. */
    public OrderAssert hasStatus(String status) {
        return hasStatus(OrderStatus.parse(status));
    }

    public OrderAssert hasStatus(OrderStatus status) {
        isNotNull();
        if (!actual.status().equals(status)) {
            failWithMessage(
                    "Expected order '%s' to have status %s but was %s; lines: %s",
                    actual.id(), status, actual.status(), lines());
        }
        return this;
    }

    /** Units of a line in a stage. */
    public OrderAssert hasUnits(String lineId, State stage, int units) {
        isNotNull();
        OrderLine line = actual.line(LineId.of(lineId)).orElse(null);
        if (line == null) {
            failWithMessage("Expected order '%s' to have line '%s' but it has %s", actual.id(), lineId, lines());
            return this;
        }
        if (line.quantity(stage) != units) {
            failWithMessage(
                    "Expected line '%s' of order '%s' to have %s unit(s) in %s but had %s; units by stage: %s",
                    lineId, actual.id(), units, stage, line.quantity(stage), line.quantities());
        }
        return this;
    }

    /** Units in a stage over all lines. */
    public OrderAssert hasUnits(State stage, int units) {
        isNotNull();
        if (actual.quantity(stage) != units) {
            failWithMessage(
                    "Expected order '%s' to have %s unit(s) in %s but had %s; lines: %s",
                    actual.id(), units, stage, actual.quantity(stage), lines());
        }
        return this;
    }

    public OrderAssert hasVersion(long version) {
        isNotNull();
        if (actual.version() != version) {
            failWithMessage("Expected order '%s' at version %s but was %s", actual.id(), version, actual.version());
        }
        return this;
    }

    public OrderAssert hasPaymentStatus(State state) {
        isNotNull();
        if (!actual.paymentStatus().equals(state)) {
            failWithMessage(
                    "Expected order '%s' payment status %s but was %s", actual.id(), state, actual.paymentStatus());
        }
        return this;
    }

    public OrderAssert isOnHold(HoldType type) {
        isNotNull();
        if (actual.hold(type).isEmpty()) {
            failWithMessage("Expected order '%s' to be on %s hold; holds: %s", actual.id(), type, actual.holds());
        }
        return this;
    }

    public OrderAssert isNotOnHold() {
        isNotNull();
        if (actual.isOnHold()) {
            failWithMessage("Expected order '%s' not to be on hold; holds: %s", actual.id(), actual.holds());
        }
        return this;
    }

    public OrderAssert hasTotal(Money total) {
        isNotNull();
        if (!actual.totals().total().equals(total)) {
            failWithMessage(
                    "Expected order '%s' total %s but was %s",
                    actual.id(), total, actual.totals().total());
        }
        return this;
    }

    public OrderAssert hasLineCount(int count) {
        isNotNull();
        if (actual.lines().size() != count) {
            failWithMessage(
                    "Expected order '%s' to have %s line(s) but had %s: %s",
                    actual.id(), count, actual.lines().size(), lines());
        }
        return this;
    }

    private String lines() {
        StringBuilder sb = new StringBuilder();
        for (OrderLine line : actual.lines()) {
            sb.append(line.id())
                    .append(' ')
                    .append(line.sku())
                    .append(' ')
                    .append(line.quantities())
                    .append("; ");
        }
        return sb.toString();
    }
}
