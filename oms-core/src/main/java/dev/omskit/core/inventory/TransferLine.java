package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Sku;

/**
 * One SKU of a {@link Transfer}.
 *
 * @param sku the SKU
 * @param shipped units that left the source
 * @param received units put on hand at the destination (0 until received)
 * @param damaged units that arrived damaged and went to quarantine
 */
public record TransferLine(Sku sku, int shipped, int received, int damaged) {
    public TransferLine {
        if (shipped <= 0 || received < 0 || damaged < 0 || received + damaged > shipped) {
            throw new InvalidArgumentException("transfer line " + sku + ": shipped " + shipped + ", received "
                    + received + ", damaged " + damaged + " do not add up");
        }
    }

    /** Units shipped that were neither received nor found damaged. */
    public int lost() {
        return shipped - received - damaged;
    }
}
