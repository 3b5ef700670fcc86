package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;

/**
 * Demand waiting for stock: units of one line of a holder (an order line) that could not be reserved.
 * Receipts fill open backorders of their SKU oldest first ({@link #since()}). One record per holder line
 * ({@link #id()}), kept in step with the order by the {@code Oms}.
 *
 * @param tenant the tenant
 * @param reference the holder, e.g. {@code order:o-42}
 * @param lineRef the holder's line
 * @param sku the SKU waited for
 * @param units units still waited for; 0 when filled or cancelled
 * @param kind backorder or preorder
 * @param since when the demand first arose (the queue order)
 * @param updatedAt the last change
 * @param version 1 when created, one more with every change
 */
public record Backorder(
        TenantId tenant,
        String reference,
        String lineRef,
        Sku sku,
        int units,
        BackorderKind kind,
        Instant since,
        Instant updatedAt,
        long version) {
    public Backorder {
        Checks.notNull("tenant", tenant);
        Checks.id("reference", reference);
        Checks.id("line ref", lineRef);
        Checks.notNull("sku", sku);
        Checks.notNull("kind", kind);
        Checks.notNull("since", since);
        Checks.notNull("updatedAt", updatedAt);
        if (units < 0 || version < 1) {
            throw new InvalidArgumentException(
                    "backorder " + reference + "/" + lineRef + ": units " + units + ", version " + version);
        }
    }

    /** The record's key: {@code reference/lineRef}. */
    public String id() {
        return reference + "/" + lineRef;
    }

    public boolean isOpen() {
        return units > 0;
    }

    /** This backorder waiting for {@code units} now. */
    public Backorder withUnits(int units, Instant now) {
        return new Backorder(tenant, reference, lineRef, sku, units, kind, since, now, version + 1);
    }
}
