package dev.omskit.core.order;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.support.Checks;

/**
 * The status of a whole order, derived from the stages of its units: the most advanced stage holding any
 * unit that is not cancelled, and whether every such unit has reached it. An order whose every unit is
 * cancelled is {@code CANCELLED}. Printed as {@code SHIPPED} or {@code PARTIALLY_SHIPPED}.
 *
 * @param stage the most advanced stage any live unit is in
 * @param partial whether some live units are still behind that stage
 */
public record OrderStatus(State stage, boolean partial) {
    public OrderStatus {
        Checks.notNull("stage", stage);
    }

    /** Every live unit is in {@code stage}. */
    public static OrderStatus of(State stage) {
        return new OrderStatus(stage, false);
    }

    /** Some live units are in {@code stage}, others behind it. */
    public static OrderStatus partially(State stage) {
        return new OrderStatus(stage, true);
    }

    /** Parses {@code SHIPPED} or {@code PARTIALLY_SHIPPED}. */
    public static OrderStatus parse(String text) {
        Checks.notNull("status", text);
        return text.startsWith("PARTIALLY_")
                ? partially(State.of(text.substring("PARTIALLY_".length())))
                : of(State.of(text));
    }

    @Override
    public String toString() {
        return partial ? "PARTIALLY_" + stage.name() : stage.name();
    }
}
