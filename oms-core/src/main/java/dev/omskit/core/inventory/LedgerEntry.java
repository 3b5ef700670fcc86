package dev.omskit.core.inventory;

import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;

/**
 * A {@link Movement} as appended to a tenant's inventory ledger. The ledger is append-only: entries are
 * never changed or removed, and a correction is a new entry.
 *
 * @param tenant the tenant
 * @param sequence position in the store's ledger, increasing in commit order
 * @param movement what moved
 */
public record LedgerEntry(TenantId tenant, long sequence, Movement movement) {
    public LedgerEntry {
        Checks.notNull("tenant", tenant);
        Checks.notNull("movement", movement);
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + movement;
    }
}
