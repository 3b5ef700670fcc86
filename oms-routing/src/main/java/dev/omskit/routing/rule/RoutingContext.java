package dev.omskit.routing.rule;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a rule sees while one request is decided: the request, its lines (by index), the candidate
 * locations (by index) and the availability snapshot read before deciding. Indices are stable for the
 * whole decision, so rules may keep per-index arrays.
 *
 * <p>Everything here is in memory: a rule never does I/O. Not thread-safe; one context serves one decision
 * on one thread.
 */
public interface RoutingContext {
    RoutingRequest request();

    /** The time the decision is made at (from the router's clock). */
    Instant now();

    int lineCount();

    RoutingLine line(int line);

    /** The catalogue data of the line's SKU, when the snapshot has it. */
    Optional<Product> product(int line);

    int locationCount();

    Location location(int location);

    /** Units of the line's SKU available (on hand, not reserved) at the location in the snapshot. */
    int available(int line, int location);

    /** Great-circle distance in km from the location to the destination; {@code NaN} when either lacks a geo point. */
    double distanceKm(int location);

    /** Units the location may still ship today under its daily capacity; {@link Integer#MAX_VALUE} when unlimited. */
    int capacityUnitsLeft(int location);

    /** Packages the location may still ship today; {@link Integer#MAX_VALUE} when unlimited. */
    int capacityPackagesLeft(int location);

    /** The location's local date now, in its time zone: the day its capacity counts against. */
    LocalDate today(int location);

    /**
     * Units of every line the location may supply once the line filters have run (capped per line at the
     * units wanted). Only meaningful for filters that run after the line filters ({@link
     * LocationFilter#afterLineFilters()}) and for rankers.
     */
    int usableUnits(int location);

    /** Lines the location may supply in full once the line filters have run; see {@link #usableUnits}. */
    int fullLines(int location);

    /**
     * A value computed once per decision and shared by every call with the same key (for example the
     * request's total weight, which a ranker needs for every location).
     */
    <T> T memo(Object key, java.util.function.Function<RoutingContext, T> compute);
}
