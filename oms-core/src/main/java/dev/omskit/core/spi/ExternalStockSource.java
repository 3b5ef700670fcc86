package dev.omskit.core.spi;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.util.Map;

/**
 * Where availability comes from when an external ERP or WMS owns the stock of record (R-28c): omskit keeps
 * no counters of its own, records reservations for the audit trail without taking units, and asks this
 * source what is available.
 *
 * @implSpec Thread-safe and quick (it is read on every availability query and allocation: serve it from a
 *     cache the connector keeps fresh, never from a remote call per read); scoped to the tenant argument.
 *     Values are units available to sell now per location, never negative; a location missing from the
 *     map has none.
 */
@FunctionalInterface
public interface ExternalStockSource {
    /** Units of {@code sku} available per location in {@code tenant}. */
    Map<LocationId, Integer> available(TenantId tenant, Sku sku);
}
