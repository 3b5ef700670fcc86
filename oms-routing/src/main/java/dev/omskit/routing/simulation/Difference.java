package dev.omskit.routing.simulation;

import java.util.List;

/**
 * One order the profiles decided differently.
 *
 * @param index the order's position in the batch, from 0
 * @param reference the order's reference
 * @param decisions each profile's decision in words, in profile order (for example {@code WH-HCM: l1 x2 |
 *     WH-HN: l2 x1; unfulfilled: l3 x1})
 */
public record Difference(int index, String reference, List<String> decisions) {
    public Difference {
        decisions = List.copyOf(decisions);
    }
}
