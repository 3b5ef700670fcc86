package dev.omskit.core.fulfilment;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Units of an order released to one location for picking, packing and shipping. Immutable; each change is
 * a new version (see {@link FulfilmentRequestLifecycle}). A short pick does not rewrite what was
 * requested: {@link #requested()} stays, {@link #picked()} and {@link #shortfall()} record what happened
 * and {@link #note()} why.
 *
 * @param tenant the tenant
 * @param orderId the order
 * @param id e.g. {@code ful-1}
 * @param version 1 after creation
 * @param state a state of {@link FulfilmentRequestLifecycle}
 * @param location where the units are to be fulfilled
 * @param requested units released per order line
 * @param picked units picked per line (empty until the pick is confirmed)
 * @param shortfall units requested but not picked (short pick) or refused (rejection), per line
 * @param note the location's reason for a short pick, rejection or cancellation
 * @param createdAt when released
 * @param updatedAt when last changed
 */
public record FulfilmentRequest(
        TenantId tenant,
        OrderId orderId,
        String id,
        long version,
        State state,
        LocationId location,
        Map<LineId, Integer> requested,
        Map<LineId, Integer> picked,
        Map<LineId, Integer> shortfall,
        Optional<String> note,
        Instant createdAt,
        Instant updatedAt)
        implements OrderDocument {
    /** The document kind {@code fulfilment-request}. */
    public static final DocumentKind<FulfilmentRequest> KIND =
            DocumentKind.of("fulfilment-request", FulfilmentRequest.class);

    public FulfilmentRequest {
        Checks.notNull("tenant", tenant);
        Checks.notNull("orderId", orderId);
        Checks.id("fulfilment request id", id);
        Checks.notNull("state", state);
        Checks.notNull("location", location);
        requested = Checks.orderedCopy("requested", requested);
        picked = Checks.orderedCopy("picked", picked);
        shortfall = Checks.orderedCopy("shortfall", shortfall);
        Checks.notNull("note", note);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("updatedAt", updatedAt);
    }

    /** A new request in {@code REQUESTED}, version 1. */
    public static FulfilmentRequest create(
            TenantId tenant, OrderId order, String id, LocationId location, Map<LineId, Integer> lines, Instant now) {
        return new FulfilmentRequest(
                tenant,
                order,
                id,
                1,
                FulfilmentRequestLifecycle.REQUESTED,
                location,
                lines,
                Map.of(),
                Map.of(),
                Optional.empty(),
                now,
                now);
    }

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    @Override
    public Set<String> references() {
        return Set.of();
    }

    /** Units this request holds for its location now: requested minus the shortfall (zero once not live). */
    public int units(LineId line) {
        if (!FulfilmentRequestLifecycle.isLive(state)) {
            return 0;
        }
        return requested.getOrDefault(line, 0) - shortfall.getOrDefault(line, 0);
    }

    /** The next version in {@code next}, with the given picks, shortfall and note. */
    public FulfilmentRequest next(
            State next,
            Map<LineId, Integer> picked,
            Map<LineId, Integer> shortfall,
            Optional<String> note,
            Instant now) {
        return new FulfilmentRequest(
                tenant, orderId, id, version + 1, next, location, requested, picked, shortfall, note, createdAt, now);
    }

    /** The next version in {@code next}, everything else as it is. */
    public FulfilmentRequest next(State next, Instant now) {
        return next(next, picked, shortfall, note, now);
    }
}
