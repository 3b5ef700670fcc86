package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Stock held for a holder (an order, a cart): every line or none was reserved, in one commit. A hold
 * ({@link ReservationStatus#HELD}) expires at {@link #expiresAt()}; confirming it makes it an allocation.
 * Releases and consumption are recorded per line, so partial cancellation and split shipments give back or
 * take exactly what they name. Each change raises {@link #version()} by one.
 */
@Value.Immutable
@OmsStyle
public abstract class Reservation {
    public abstract TenantId tenant();

    public abstract ReservationId id();

    /** Who holds it, e.g. {@code order:o-42} or {@code cart:c-7}. */
    public abstract String reference();

    /** The channel the stock is held for, if any. */
    public abstract Optional<ChannelId> channel();

    public abstract List<ReservationLine> lines();

    public abstract ReservationStatus status();

    /** When a hold lapses; empty for an allocation. */
    public abstract Optional<Instant> expiresAt();

    public abstract Actor createdBy();

    public abstract Instant createdAt();

    public abstract Instant updatedAt();

    /** 1 when created, one more with every change. */
    public abstract long version();

    /** Units still held over all lines. */
    public int openUnits() {
        int open = 0;
        for (ReservationLine line : lines()) {
            open += line.open();
        }
        return open;
    }

    /** The line with this ref. */
    public Optional<ReservationLine> line(String ref) {
        for (ReservationLine line : lines()) {
            if (line.ref().equals(ref)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Whether a hold has lapsed at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status() == ReservationStatus.HELD
                && expiresAt().isPresent()
                && !expiresAt().get().isAfter(now);
    }

    /** This reservation confirmed as an allocation at {@code now}. */
    public Reservation confirmed(Instant now) {
        return builder()
                .from(this)
                .status(ReservationStatus.CONFIRMED)
                .expiresAt(Optional.empty())
                .updatedAt(now)
                .version(version() + 1)
                .build();
    }

    /** This hold with a new expiry. */
    public Reservation extended(Instant expiresAt, Instant now) {
        return builder()
                .from(this)
                .expiresAt(expiresAt)
                .updatedAt(now)
                .version(version() + 1)
                .build();
    }

    /**
     * This reservation after releasing ({@code consume == false}) or consuming units per line ref; the
     * status follows: once nothing is open it is {@code FULFILLED} if anything was consumed, else {@code
     * ending} (RELEASED or EXPIRED).
     */
    public Reservation after(Map<String, Integer> unitsByRef, boolean consume, ReservationStatus ending, Instant now) {
        List<ReservationLine> next = new ArrayList<>(lines().size());
        for (ReservationLine line : lines()) {
            int units = unitsByRef.getOrDefault(line.ref(), 0);
            next.add(units == 0 ? line : consume ? line.consume(units) : line.release(units));
        }
        int open = 0;
        int consumed = 0;
        for (ReservationLine line : next) {
            open += line.open();
            consumed += line.consumed();
        }
        ReservationStatus status = open > 0 ? status() : consumed > 0 ? ReservationStatus.FULFILLED : ending;
        return builder()
                .from(this)
                .lines(next)
                .status(status)
                .updatedAt(now)
                .version(version() + 1)
                .build();
    }

    @Value.Check
    protected void check() {
        if (lines().isEmpty()) {
            throw InvalidArgumentException.of("lines", "EMPTY", "reservation '" + id() + "' has no line");
        }
        Set<String> refs = lines().size() > 1 ? new HashSet<>() : null;
        for (ReservationLine line : lines()) {
            if (refs != null && !refs.add(line.ref())) {
                throw InvalidArgumentException.of(
                        "lines", "DUPLICATE_REF", "reservation '" + id() + "' has line ref '" + line.ref() + "' twice");
            }
        }
        if (version() < 1) {
            throw new InvalidArgumentException("reservation '" + id() + "': version must be at least 1");
        }
        if (status().isOpen() != (openUnits() > 0)) {
            throw new InvalidArgumentException(
                    "reservation '" + id() + "' is " + status() + " with " + openUnits() + " open unit(s)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Reservation}. */
    public static class Builder extends ImmutableReservation.Builder {}
}
