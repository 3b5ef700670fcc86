package dev.omskit.core.inventory;

import dev.omskit.core.model.LocationId;
import java.time.Instant;
import java.util.Optional;

/**
 * Units of a SKU expected at a location: from a confirmed purchase order or a transfer in transit.
 *
 * @param location where they will arrive
 * @param units how many
 * @param expectedAt when, if known
 * @param source {@code po:<id>} or {@code transfer:<id>}
 */
public record IncomingSupply(LocationId location, int units, Optional<Instant> expectedAt, String source) {}
