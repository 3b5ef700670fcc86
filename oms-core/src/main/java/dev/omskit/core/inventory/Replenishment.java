package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;

/**
 * How a SKU is replenished: from which supplier, when to reorder and how much.
 *
 * @param supplier the supplier's code
 * @param reorderPoint reorder when available plus expected supply minus backorders falls to this or below
 * @param reorderQuantity units to order on top of what brings the SKU back above the reorder point
 * @param leadTimeDays days from order to receipt, for the expected date of a suggested order
 */
public record Replenishment(String supplier, int reorderPoint, int reorderQuantity, int leadTimeDays) {
    public Replenishment {
        Checks.id("supplier", supplier);
        if (reorderPoint < 0 || reorderQuantity <= 0 || leadTimeDays < 0) {
            throw InvalidArgumentException.of(
                    "replenishment",
                    "OUT_OF_RANGE",
                    "reorder point and lead time must not be negative and reorder quantity must be positive; were "
                            + reorderPoint + ", " + leadTimeDays + ", " + reorderQuantity);
        }
    }
}
