package dev.omskit.core.inventory;

import dev.omskit.core.model.Sku;
import java.util.Optional;

/**
 * One SKU of a goods receipt after inspection: good units go on hand, damaged ones to quarantine with the
 * reason (kept for supplier claims).
 *
 * @param sku the SKU
 * @param good units put on hand
 * @param damaged units put in quarantine
 * @param damageReason why they were quarantined; required when {@code damaged > 0}
 */
public record ReceiptLine(Sku sku, int good, int damaged, Optional<String> damageReason) {
    /** Good units only. */
    public static ReceiptLine good(Sku sku, int units) {
        return new ReceiptLine(sku, units, 0, Optional.empty());
    }

    /** Good and damaged units. */
    public static ReceiptLine inspected(Sku sku, int good, int damaged, String damageReason) {
        return new ReceiptLine(sku, good, damaged, Optional.ofNullable(damageReason));
    }
}
