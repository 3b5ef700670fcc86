package dev.omskit.core;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.IdempotencyConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.Availability;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.CountReport;
import dev.omskit.core.inventory.CountStock;
import dev.omskit.core.inventory.DriftReport;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.MoveQuarantine;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationLine;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockBucket;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferId;
import dev.omskit.core.inventory.TransferLine;
import dev.omskit.core.inventory.TransferStatus;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.IdGenerator;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.core.spi.StaleRecordException;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import dev.omskit.core.support.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inventory use cases: locations, reservations (all lines or none, never overselling, expiring holds,
 * confirmation, partial release and consumption), receipts with inspection, adjustments, quarantine,
 * transfers, stock counts with their variance, available-to-sell per channel, and the drift check and
 * repair between counters and ledger. Build one with {@link #builder()}.
 *
 * <p>Errors: bad input (a non-positive quantity, an unknown SKU or location, a transfer to the same
 * location ...) is an {@link InvalidArgumentException} listing every problem; a state that refuses a
 * well-formed command is a {@link StockRejectedException} with a stable code; an unknown reservation or
 * transfer is a {@link NotFoundException}. Running out of stock on {@link #reserve} is an expected outcome
 * and comes back as a {@link ReserveResult} with its shortfalls. In every failure nothing is stored.
 *
 * <p>Thread-safe: one instance serves the whole application; correctness under concurrency comes from the
 * store's atomic commits, never from locks in this class.
 */
public final class Inventory {
    private static final int LEDGER_PAGE = 1024;

    private final InventoryStore store;
    private final ProductCatalog catalog;
    private final Clock clock;
    private final IdGenerator ids;
    private final InventoryConfig config;

    private Inventory(Builder b) {
        this.store = b.store;
        this.catalog = b.catalog;
        this.clock = b.clock;
        this.ids = b.ids;
        this.config = b.config;
    }

    /** A builder; {@link Builder#store} and {@link Builder#catalog} are required. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ locations

    /** Creates or replaces a location. */
    public Location saveLocation(Location location) {
        Checks.notNull("location", location);
        store.saveLocation(location);
        return location;
    }

    public Optional<Location> location(TenantId tenant, LocationId id) {
        return store.location(Checks.notNull("tenant", tenant), Checks.notNull("location id", id));
    }

    /** Every location of the tenant, by id. */
    public List<Location> locations(TenantId tenant) {
        return store.locations(Checks.notNull("tenant", tenant));
    }

    /** The product data of a SKU, or {@link NotFoundException}. */
    public Product product(TenantId tenant, Sku sku) {
        return catalog.find(Checks.notNull("tenant", tenant), Checks.notNull("sku", sku))
                .orElseThrow(() ->
                        new NotFoundException("SKU '" + sku + "' is not in the catalogue of tenant '" + tenant + "'"));
    }

    // --------------------------------------------------------------------------------------- reservations

    /**
     * Reserves every line or none. Lines of a kit reserve its components (line refs {@code ref/component}).
     * Reserving again with the same {@link ReserveStock#id()} returns the first reservation; with different
     * lines it is an {@link IdempotencyConflictException}.
     */
    public ReserveResult reserve(ReserveStock command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        Instant now = clock.instant();
        List<ReservationLine> lines = validateReservation(command);
        ReservationId id = command.id().orElseGet(() -> ReservationId.of(ids.nextId(tenant, "res")));
        if (command.id().isPresent()) {
            Optional<Reservation> existing = store.reservation(tenant, id);
            if (existing.isPresent()) {
                return replay(existing.get(), command, lines);
            }
        }
        Reservation reservation = Reservation.builder()
                .tenant(tenant)
                .id(id)
                .reference(command.reference())
                .channel(command.channel())
                .lines(lines)
                .status(command.holdFor().isPresent() ? ReservationStatus.HELD : ReservationStatus.CONFIRMED)
                .expiresAt(command.holdFor().map(now::plus))
                .createdBy(command.actor())
                .createdAt(now)
                .updatedAt(now)
                .version(1)
                .build();
        List<CellChange> cells = new ArrayList<>(lines.size());
        for (ReservationLine line : lines) {
            cells.add(CellChange.reserve(line.sku(), line.location(), line.quantity()));
        }
        StockCommitResult result;
        try {
            result = store.commit(StockCommit.ofReservation(tenant, reservation, cells));
        } catch (StaleRecordException e) {
            Reservation winner = store.reservation(tenant, id).orElseThrow(() -> e);
            return replay(winner, command, lines);
        }
        if (result instanceof StockCommitResult.Refused refused) {
            return ReserveResult.refused(refused.shortfalls());
        }
        return ReserveResult.reserved(reservation);
    }

    private static ReserveResult replay(Reservation existing, ReserveStock command, List<ReservationLine> lines) {
        boolean same = existing.reference().equals(command.reference())
                && existing.lines().size() == lines.size();
        for (int i = 0; same && i < lines.size(); i++) {
            ReservationLine a = existing.lines().get(i);
            ReservationLine b = lines.get(i);
            same = a.ref().equals(b.ref())
                    && a.sku().equals(b.sku())
                    && a.location().equals(b.location())
                    && a.quantity() == b.quantity();
        }
        if (!same) {
            throw new IdempotencyConflictException("reservation '" + existing.id() + "' exists for '"
                    + existing.reference() + "' with other lines; use a new id");
        }
        return ReserveResult.reserved(existing);
    }

    private List<ReservationLine> validateReservation(ReserveStock c) {
        List<Violation> out = new ArrayList<>();
        Checks.idProblem("reference", c.reference()).ifPresent(p -> out.add(Violation.of("reference", "INVALID", p)));
        if (c.lines().isEmpty()) {
            out.add(Violation.of("lines", "EMPTY", "a reservation needs at least one line"));
        }
        if (c.lines().size() > config.maxLines()) {
            out.add(Violation.of(
                    "lines",
                    "TOO_MANY_LINES",
                    "a reservation may have at most " + config.maxLines() + " lines; has "
                            + c.lines().size()));
        }
        c.holdFor().ifPresent(d -> {
            if (d.isNegative() || d.isZero() || d.compareTo(config.maxHoldTime()) > 0) {
                out.add(Violation.of(
                        "holdFor",
                        "OUT_OF_RANGE",
                        "a hold must last more than zero and at most " + config.maxHoldTime() + "; was " + d));
            }
        });
        List<ReservationLine> lines = new ArrayList<>(c.lines().size());
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < c.lines().size(); i++) {
            StockLine line = c.lines().get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                out.add(Violation.of(field, "MISSING", "line must not be null"));
                continue;
            }
            int before = out.size();
            Checks.idProblem("line ref", line.ref())
                    .ifPresent(p -> out.add(Violation.of(field + ".ref", "INVALID", p)));
            if (line.ref() != null && !refs.add(line.ref())) {
                out.add(Violation.of(field + ".ref", "DUPLICATE_REF", "line ref '" + line.ref() + "' is used twice"));
            }
            quantity(field + ".quantity", line.quantity(), out);
            Optional<Product> product = knownSku(c.tenant(), field + ".sku", line.sku(), out);
            activeLocation(c.tenant(), field + ".location", line.location(), out);
            if (out.size() > before || product.isEmpty()) {
                continue;
            }
            if (product.get().isKit()) {
                for (Map.Entry<Sku, Integer> part : new TreeMap<>(product.get().components()).entrySet()) {
                    if (knownSku(c.tenant(), field + ".components", part.getKey(), out)
                            .isPresent()) {
                        long units = (long) line.quantity() * part.getValue();
                        if (units > config.maxUnitsPerLine()) {
                            out.add(Violation.of(
                                    field + ".quantity",
                                    "TOO_MANY_UNITS",
                                    "kit '" + line.sku() + "' needs " + units + " units of '" + part.getKey()
                                            + "'; at most " + config.maxUnitsPerLine()));
                        } else {
                            lines.add(ReservationLine.of(
                                    line.ref() + "/" + part.getKey(), part.getKey(), line.location(), (int) units));
                        }
                    }
                }
            } else {
                lines.add(ReservationLine.of(line.ref(), line.sku(), line.location(), line.quantity()));
            }
        }
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        return lines;
    }

    /** Turns a hold into an allocation; confirming a confirmed reservation returns it unchanged. */
    public Reservation confirm(TenantId tenant, ReservationId id) {
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            if (r.status() == ReservationStatus.CONFIRMED) {
                return r;
            }
            Instant now = clock.instant();
            if (r.status() != ReservationStatus.HELD) {
                throw notOpen(r, "confirmed");
            }
            if (r.isExpiredAt(now)) {
                throw new StockRejectedException(
                        StockRejectedException.HOLD_EXPIRED,
                        "reservation '" + id + "' of '" + r.reference() + "' expired at "
                                + r.expiresAt().get() + "; reserve again");
            }
            Reservation next = r.confirmed(now);
            try {
                store.commit(StockCommit.ofReservation(tenant, next, List.of()));
                return next;
            } catch (StaleRecordException e) {
                // changed meanwhile: decide again on the fresh record
            }
        }
        throw gaveUp("confirming reservation '" + id + "'");
    }

    /** Moves the expiry of a hold to {@code holdFor} from now. */
    public Reservation extend(TenantId tenant, ReservationId id, Duration holdFor) {
        Checks.notNull("holdFor", holdFor);
        if (holdFor.isNegative() || holdFor.isZero() || holdFor.compareTo(config.maxHoldTime()) > 0) {
            throw InvalidArgumentException.of(
                    "holdFor",
                    "OUT_OF_RANGE",
                    "a hold must last more than zero and at most " + config.maxHoldTime() + "; was " + holdFor);
        }
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            Instant now = clock.instant();
            if (r.status() != ReservationStatus.HELD) {
                throw notOpen(r, "extended (only holds expire)");
            }
            if (r.isExpiredAt(now)) {
                throw new StockRejectedException(
                        StockRejectedException.HOLD_EXPIRED,
                        "reservation '" + id + "' expired at " + r.expiresAt().get() + "; reserve again");
            }
            Reservation next = r.extended(now.plus(holdFor), now);
            try {
                store.commit(StockCommit.ofReservation(tenant, next, List.of()));
                return next;
            } catch (StaleRecordException e) {
                // decide again
            }
        }
        throw gaveUp("extending reservation '" + id + "'");
    }

    /**
     * Gives back held units: {@code unitsByRef} per line ref, or every open unit when it is empty. Releasing
     * everything of a reservation that holds nothing any more returns it unchanged.
     */
    public Reservation release(TenantId tenant, ReservationId id, Map<String, Integer> unitsByRef) {
        return releaseAs(tenant, id, unitsByRef, ReservationStatus.RELEASED);
    }

    /** Releases every open unit of a hold that has lapsed, marking it {@code EXPIRED}. */
    public Reservation expire(TenantId tenant, ReservationId id) {
        Reservation r = requireReservation(tenant, id);
        if (r.status() == ReservationStatus.CONFIRMED) {
            throw notOpen(r, "expired (only holds expire)");
        }
        if (r.status() == ReservationStatus.HELD && !r.isExpiredAt(clock.instant())) {
            throw new StockRejectedException(
                    StockRejectedException.NOT_OPEN,
                    "reservation '" + id + "' is held until " + r.expiresAt().get() + "; it has not expired");
        }
        return releaseAs(tenant, id, Map.of(), ReservationStatus.EXPIRED);
    }

    private Reservation releaseAs(
            TenantId tenant, ReservationId id, Map<String, Integer> unitsByRef, ReservationStatus ending) {
        Checks.notNull("unitsByRef", unitsByRef);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            if (!r.status().isOpen()) {
                if (unitsByRef.isEmpty()) {
                    return r;
                }
                throw notOpen(r, "released");
            }
            Map<String, Integer> units = unitsFor(r, unitsByRef, "released");
            List<CellChange> cells = new ArrayList<>();
            for (ReservationLine line : r.lines()) {
                int u = units.getOrDefault(line.ref(), 0);
                if (u > 0) {
                    cells.add(new CellChange(line.sku(), line.location(), 0, -u, 0, 0));
                }
            }
            Reservation next = r.after(units, false, ending, clock.instant());
            try {
                store.commit(StockCommit.ofReservation(tenant, next, cells));
                return next;
            } catch (StaleRecordException e) {
                // decide again on the fresh record
            }
        }
        throw gaveUp("releasing reservation '" + id + "'");
    }

    /**
     * Consumes held units as they leave with a shipment: on hand and reserved both drop, and a {@code
     * SHIPMENT} movement per line enters the ledger with {@code cause}.
     */
    public Reservation consume(
            TenantId tenant, ReservationId id, Map<String, Integer> unitsByRef, String cause, Actor actor) {
        Checks.notNull("unitsByRef", unitsByRef);
        Checks.id("cause", cause);
        Checks.notNull("actor", actor);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            if (!r.status().isOpen()) {
                throw notOpen(r, "consumed");
            }
            Map<String, Integer> units = unitsFor(r, unitsByRef, "consumed");
            Instant now = clock.instant();
            List<CellChange> cells = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            for (ReservationLine line : r.lines()) {
                int u = units.getOrDefault(line.ref(), 0);
                if (u > 0) {
                    cells.add(new CellChange(line.sku(), line.location(), -u, -u, 0, 0));
                    movements.add(new Movement(
                            line.sku(),
                            line.location(),
                            MovementKind.SHIPMENT,
                            -u,
                            -u,
                            0,
                            0,
                            cause,
                            Optional.empty(),
                            actor,
                            now));
                }
            }
            Reservation next = r.after(units, true, ReservationStatus.RELEASED, now);
            try {
                store.commit(new StockCommit(tenant, cells, List.of(next), List.of(), movements, Optional.empty()));
                return next;
            } catch (StaleRecordException e) {
                // decide again
            }
        }
        throw gaveUp("consuming reservation '" + id + "'");
    }

    private static Map<String, Integer> unitsFor(Reservation r, Map<String, Integer> unitsByRef, String verb) {
        Map<String, Integer> units = new HashMap<>();
        if (unitsByRef.isEmpty()) {
            for (ReservationLine line : r.lines()) {
                if (line.open() > 0) {
                    units.put(line.ref(), line.open());
                }
            }
            return units;
        }
        List<Violation> out = new ArrayList<>();
        unitsByRef.forEach((ref, u) -> {
            Optional<ReservationLine> line = r.line(ref);
            String field = "units[" + ref + "]";
            if (line.isEmpty()) {
                out.add(Violation.of(field, "UNKNOWN_LINE", "reservation '" + r.id() + "' has no line '" + ref + "'"));
            } else if (u == null || u <= 0) {
                out.add(Violation.of(field, "NOT_POSITIVE", "units must be positive; was " + u));
            } else if (u > line.get().open()) {
                out.add(Violation.of(
                        field,
                        "MORE_THAN_HELD",
                        u + " unit(s) of line '" + ref + "' cannot be " + verb + "; "
                                + line.get().open() + " are held"));
            } else {
                units.put(ref, u);
            }
        });
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
        return units;
    }

    /** The reservation, if it exists in the tenant. */
    public Optional<Reservation> reservation(TenantId tenant, ReservationId id) {
        return store.reservation(Checks.notNull("tenant", tenant), Checks.notNull("reservation id", id));
    }

    /** The reservations of a holder (say {@code order:o-42}), oldest first. */
    public List<Reservation> reservationsFor(TenantId tenant, String reference) {
        return store.reservationsFor(Checks.notNull("tenant", tenant), Checks.id("reference", reference));
    }

    /** Holds of every tenant whose time is up, earliest first: what {@link #expireHolds} will release. */
    public List<Reservation> expiredHolds(int limit) {
        if (limit <= 0) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        return store.expiredHolds(clock.instant(), limit);
    }

    /**
     * The sweep the host drives (say every few seconds): releases up to {@code limit} lapsed holds of every
     * tenant and returns them as {@code EXPIRED}. A hold confirmed or released meanwhile is left alone.
     */
    public List<Reservation> expireHolds(int limit) {
        List<Reservation> expired = new ArrayList<>();
        for (Reservation r : expiredHolds(limit)) {
            Reservation after = releaseAs(r.tenant(), r.id(), Map.of(), ReservationStatus.EXPIRED);
            if (after.status() == ReservationStatus.EXPIRED && after.version() > r.version()) {
                expired.add(after);
            }
        }
        return expired;
    }

    private Reservation requireReservation(TenantId tenant, ReservationId id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("reservation id", id);
        return store.reservation(tenant, id)
                .orElseThrow(
                        () -> new NotFoundException("reservation '" + id + "' not found in tenant '" + tenant + "'"));
    }

    private static StockRejectedException notOpen(Reservation r, String verb) {
        return new StockRejectedException(
                StockRejectedException.NOT_OPEN,
                "reservation '" + r.id() + "' of '" + r.reference() + "' is " + r.status() + " and cannot be " + verb);
    }

    // ------------------------------------------------------------------------------------------ movements

    /**
     * Posts a goods receipt after inspection: good units on hand, damaged units in quarantine with their
     * reason. Returns the ledger entries; with an idempotency key used before, the first receipt's.
     */
    public List<LedgerEntry> receive(ReceiveGoods command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        knownLocation(tenant, "location", command.location(), out);
        Checks.idProblem("cause", command.cause()).ifPresent(p -> out.add(Violation.of("cause", "INVALID", p)));
        lineCount("lines", command.lines().size(), out);
        Set<Sku> seen = new HashSet<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ReceiptLine line = command.lines().get(i);
            String field = "lines[" + i + "]";
            knownSku(tenant, field + ".sku", line.sku(), out);
            if (line.sku() != null && !seen.add(line.sku())) {
                out.add(Violation.of(field + ".sku", "DUPLICATE_SKU", "SKU '" + line.sku() + "' is listed twice"));
            }
            if (line.good() < 0 || line.damaged() < 0 || line.good() + line.damaged() <= 0) {
                out.add(Violation.of(
                        field,
                        "NOT_POSITIVE",
                        "good and damaged units must not be negative and must add up to at least one; were "
                                + line.good() + " and " + line.damaged()));
            } else {
                quantity(field + ".good", Math.max(1, line.good()), out);
                quantity(field + ".damaged", Math.max(1, line.damaged()), out);
            }
            if (line.damaged() > 0
                    && (line.damageReason() == null
                            || line.damageReason().isEmpty()
                            || line.damageReason().get().isBlank())) {
                out.add(Violation.of(
                        field + ".damageReason",
                        "MISSING",
                        "damaged units of '" + line.sku() + "' need a reason (kept for supplier claims)"));
            }
        }
        throwIfAny(out);
        Instant now = clock.instant();
        List<CellChange> cells = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        for (ReceiptLine line : command.lines()) {
            cells.add(new CellChange(line.sku(), command.location(), line.good(), 0, line.damaged(), 0));
            if (line.good() > 0) {
                movements.add(movement(
                        line.sku(),
                        command.location(),
                        MovementKind.RECEIPT,
                        line.good(),
                        0,
                        0,
                        command.cause(),
                        Optional.empty(),
                        command.actor(),
                        now));
            }
            if (line.damaged() > 0) {
                movements.add(movement(
                        line.sku(),
                        command.location(),
                        MovementKind.RECEIPT_DAMAGED,
                        0,
                        line.damaged(),
                        0,
                        command.cause(),
                        line.damageReason(),
                        command.actor(),
                        now));
            }
        }
        return entriesOf(
                store.commit(new StockCommit(tenant, cells, List.of(), List.of(), movements, command.idempotencyKey())),
                "receipt");
    }

    /** Corrects on-hand or quarantined units of one cell, with a reason. */
    public List<LedgerEntry> adjust(AdjustStock command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        knownSku(tenant, "sku", command.sku(), out);
        knownLocation(tenant, "location", command.location(), out);
        if (command.delta() == 0) {
            out.add(Violation.of("delta", "ZERO", "an adjustment must change something; delta was 0"));
        } else {
            quantity("delta", Math.abs(command.delta()), out);
        }
        reason("reason", command.reason(), out);
        throwIfAny(out);
        boolean onHand = command.bucket() == StockBucket.ON_HAND;
        int d = command.delta();
        Movement m = movement(
                command.sku(),
                command.location(),
                MovementKind.ADJUSTMENT,
                onHand ? d : 0,
                onHand ? 0 : d,
                0,
                "adjustment",
                Optional.of(command.reason()),
                command.actor(),
                clock.instant());
        CellChange cell = new CellChange(command.sku(), command.location(), onHand ? d : 0, 0, onHand ? 0 : d, 0);
        return entriesOf(
                store.commit(new StockCommit(
                        tenant, List.of(cell), List.of(), List.of(), List.of(m), command.idempotencyKey())),
                "adjustment of '" + command.sku() + "' at '" + command.location() + "' by " + d);
    }

    /** Moves units into or out of quarantine, or writes quarantined units off. */
    public List<LedgerEntry> moveQuarantine(MoveQuarantine command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        knownSku(tenant, "sku", command.sku(), out);
        knownLocation(tenant, "location", command.location(), out);
        quantity("units", command.units(), out);
        reason("reason", command.reason(), out);
        int u = command.units();
        int onHand;
        int quarantined;
        switch (command.kind()) {
            case QUARANTINE -> {
                onHand = -u;
                quarantined = u;
            }
            case QUARANTINE_RELEASE -> {
                onHand = u;
                quarantined = -u;
            }
            case WRITE_OFF -> {
                onHand = 0;
                quarantined = -u;
            }
            default -> {
                out.add(Violation.of(
                        "kind",
                        "UNSUPPORTED",
                        "a quarantine move is QUARANTINE, QUARANTINE_RELEASE or WRITE_OFF; was " + command.kind()));
                onHand = 0;
                quarantined = 0;
            }
        }
        throwIfAny(out);
        Movement m = movement(
                command.sku(),
                command.location(),
                command.kind(),
                onHand,
                quarantined,
                0,
                "quarantine",
                Optional.of(command.reason()),
                command.actor(),
                clock.instant());
        CellChange cell = new CellChange(command.sku(), command.location(), onHand, 0, quarantined, 0);
        return entriesOf(
                store.commit(
                        new StockCommit(tenant, List.of(cell), List.of(), List.of(), List.of(m), Optional.empty())),
                command.kind() + " of " + u + " '" + command.sku() + "' at '" + command.location() + "'");
    }

    /** Ships units from one location to another; they are in transit at the destination until received. */
    public Transfer transfer(TransferStock command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        knownLocation(tenant, "from", command.from(), out);
        knownLocation(tenant, "to", command.to(), out);
        if (command.from().equals(command.to())) {
            out.add(Violation.of(
                    "to",
                    "SAME_LOCATION",
                    "a transfer needs two locations; from and to are both '" + command.to() + "'"));
        }
        lineCount("lines", command.lines().size(), out);
        command.lines().forEach((sku, units) -> {
            knownSku(tenant, "lines[" + sku + "]", sku, out);
            quantity("lines[" + sku + "]", units == null ? 0 : units, out);
        });
        throwIfAny(out);
        Instant now = clock.instant();
        TransferId id = command.id().orElseGet(() -> TransferId.of(ids.nextId(tenant, "trf")));
        String cause = "transfer:" + id;
        List<TransferLine> lines = new ArrayList<>();
        List<CellChange> cells = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        new TreeMap<>(command.lines()).forEach((sku, units) -> {
            lines.add(new TransferLine(sku, units, 0, 0));
            cells.add(new CellChange(sku, command.from(), -units, 0, 0, 0));
            cells.add(new CellChange(sku, command.to(), 0, 0, 0, units));
            movements.add(movement(
                    sku,
                    command.from(),
                    MovementKind.TRANSFER_OUT,
                    -units,
                    0,
                    0,
                    cause,
                    Optional.of("to " + command.to()),
                    command.actor(),
                    now));
            movements.add(movement(
                    sku,
                    command.to(),
                    MovementKind.TRANSFER_IN_TRANSIT,
                    0,
                    0,
                    units,
                    cause,
                    Optional.of("from " + command.from()),
                    command.actor(),
                    now));
        });
        Transfer transfer = Transfer.builder()
                .tenant(tenant)
                .id(id)
                .source(command.from())
                .destination(command.to())
                .lines(lines)
                .status(TransferStatus.IN_TRANSIT)
                .expectedAt(command.expectedAt())
                .createdBy(command.actor())
                .createdAt(now)
                .updatedAt(now)
                .version(1)
                .build();
        try {
            entriesOf(
                    store.commit(
                            new StockCommit(tenant, cells, List.of(), List.of(transfer), movements, Optional.empty())),
                    "transfer from '" + command.from() + "' to '" + command.to() + "'");
        } catch (StaleRecordException e) {
            throw new ConflictException("transfer '" + id + "' exists already; use a new id");
        }
        return transfer;
    }

    /** Receives a transfer at its destination; what did not arrive is written off as lost in transit. */
    public Transfer receiveTransfer(ReceiveTransfer command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Transfer t = store.transfer(tenant, command.transfer())
                    .orElseThrow(() -> new NotFoundException(
                            "transfer '" + command.transfer() + "' not found in tenant '" + tenant + "'"));
            if (t.status() == TransferStatus.RECEIVED) {
                throw new StockRejectedException(
                        StockRejectedException.ALREADY_RECEIVED,
                        "transfer '" + t.id() + "' was received at " + t.updatedAt() + "; it cannot be received again");
            }
            List<Violation> out = new ArrayList<>();
            Set<Sku> named = new HashSet<>(command.received().keySet());
            named.addAll(command.damaged().keySet());
            for (Sku sku : named) {
                Optional<TransferLine> line = t.line(sku);
                int received = command.received().getOrDefault(sku, 0);
                int damaged = command.damaged().getOrDefault(sku, 0);
                if (line.isEmpty()) {
                    out.add(Violation.of(
                            "received[" + sku + "]",
                            "UNKNOWN_SKU",
                            "transfer '" + t.id() + "' carries no '" + sku + "'"));
                } else if (received < 0
                        || damaged < 0
                        || received + damaged > line.get().shipped()) {
                    out.add(Violation.of(
                            "received[" + sku + "]",
                            "OUT_OF_RANGE",
                            received + " good and " + damaged + " damaged unit(s) of '" + sku + "' received; "
                                    + line.get().shipped() + " were shipped"));
                }
            }
            throwIfAny(out);
            Instant now = clock.instant();
            String cause = "transfer:" + t.id();
            Optional<String> note = command.note();
            List<TransferLine> lines = new ArrayList<>();
            List<CellChange> cells = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            boolean all = command.received().isEmpty() && command.damaged().isEmpty();
            for (TransferLine line : t.lines()) {
                int good = all ? line.shipped() : command.received().getOrDefault(line.sku(), 0);
                int damaged = all ? 0 : command.damaged().getOrDefault(line.sku(), 0);
                int lost = line.shipped() - good - damaged;
                lines.add(new TransferLine(line.sku(), line.shipped(), good, damaged));
                cells.add(new CellChange(line.sku(), t.destination(), good, 0, damaged, -line.shipped()));
                if (good > 0) {
                    movements.add(movement(
                            line.sku(),
                            t.destination(),
                            MovementKind.TRANSFER_IN,
                            good,
                            0,
                            -good,
                            cause,
                            note,
                            command.actor(),
                            now));
                }
                if (damaged > 0) {
                    movements.add(movement(
                            line.sku(),
                            t.destination(),
                            MovementKind.RECEIPT_DAMAGED,
                            0,
                            damaged,
                            -damaged,
                            cause,
                            Optional.of(note.orElse("arrived damaged")),
                            command.actor(),
                            now));
                }
                if (lost > 0) {
                    movements.add(movement(
                            line.sku(),
                            t.destination(),
                            MovementKind.TRANSFER_LOSS,
                            0,
                            0,
                            -lost,
                            cause,
                            Optional.of(note.orElse("lost in transit")),
                            command.actor(),
                            now));
                }
            }
            Transfer next = Transfer.builder()
                    .from(t)
                    .lines(lines)
                    .status(TransferStatus.RECEIVED)
                    .updatedAt(now)
                    .version(t.version() + 1)
                    .build();
            try {
                entriesOf(
                        store.commit(
                                new StockCommit(tenant, cells, List.of(), List.of(next), movements, Optional.empty())),
                        "receipt of transfer '" + t.id() + "'");
                return next;
            } catch (StaleRecordException e) {
                // received concurrently: the next round reports it
            }
        }
        throw gaveUp("receiving transfer '" + command.transfer() + "'");
    }

    /** The transfer, if it exists. */
    public Optional<Transfer> transfer(TenantId tenant, TransferId id) {
        return store.transfer(Checks.notNull("tenant", tenant), Checks.notNull("transfer id", id));
    }

    /** Transfers towards {@code location} still in transit: its expected supply, with the dates. */
    public List<Transfer> incoming(TenantId tenant, LocationId location) {
        return store.transfersInTransit(Checks.notNull("tenant", tenant), Checks.notNull("location", location));
    }

    /**
     * Records a stock count: the system quantity of each counted SKU becomes the counted one, the variance
     * enters the ledger as a {@code COUNT} movement, and the report lists system, counted and variance with
     * the shrinkage. A count below the units reserved at the location is refused with {@code BELOW_RESERVED}
     * naming the reservations to release or re-route first.
     */
    public CountReport count(CountStock command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        knownLocation(tenant, "location", command.location(), out);
        lineCount("counted", command.counted().size(), out);
        Map<Sku, Product> products = new HashMap<>();
        command.counted().forEach((sku, units) -> {
            knownSku(tenant, "counted[" + sku + "]", sku, out).ifPresent(p -> products.put(sku, p));
            if (units == null || units < 0) {
                out.add(Violation.of("counted[" + sku + "]", "NEGATIVE", "a count must not be negative; was " + units));
            } else if (units > config.maxUnitsPerLine()) {
                out.add(Violation.of(
                        "counted[" + sku + "]",
                        "TOO_MANY_UNITS",
                        "at most " + config.maxUnitsPerLine() + " units per SKU; was " + units));
            }
        });
        throwIfAny(out);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Instant now = clock.instant();
            List<CountReport.Line> lines = new ArrayList<>();
            List<CellChange> cells = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            List<String> belowReserved = new ArrayList<>();
            for (Map.Entry<Sku, Integer> e : new TreeMap<>(command.counted()).entrySet()) {
                Sku sku = e.getKey();
                int counted = e.getValue();
                StockLevel level = store.level(tenant, sku, command.location());
                if (counted < level.reserved()) {
                    belowReserved.add("'" + sku + "': counted " + counted + ", reserved " + level.reserved());
                }
                int variance = counted - level.onHand();
                Optional<Money> value = products.get(sku).costPrice().map(c -> c.times(variance));
                lines.add(new CountReport.Line(sku, level.onHand(), counted, value));
                if (variance != 0) {
                    cells.add(new CellChange(sku, command.location(), variance, 0, 0, 0));
                    movements.add(movement(
                            sku,
                            command.location(),
                            MovementKind.COUNT,
                            variance,
                            0,
                            0,
                            "count",
                            Optional.of("counted " + counted + ", system " + level.onHand()),
                            command.actor(),
                            now));
                }
            }
            if (!belowReserved.isEmpty()) {
                throw new StockRejectedException(
                        StockRejectedException.BELOW_RESERVED,
                        "the count at '" + command.location() + "' is below the reserved units for "
                                + String.join(", ", belowReserved) + "; release or re-route those reservations"
                                + " first");
            }
            StockCommitResult result = store.commit(
                    new StockCommit(tenant, cells, List.of(), List.of(), movements, command.idempotencyKey()));
            if (result instanceof StockCommitResult.Replayed replayed) {
                return new CountReport(command.location(), lines, replayed.entries());
            }
            if (result instanceof StockCommitResult.Applied applied) {
                return new CountReport(command.location(), lines, applied.entries());
            }
            // a concurrent reservation took units between the read and the commit: count again
        }
        throw gaveUp("the count at '" + command.location() + "'");
    }

    // ------------------------------------------------------------------------------------------ queries

    /** The counters of one cell. */
    public StockLevel level(TenantId tenant, Sku sku, LocationId location) {
        return store.level(
                Checks.notNull("tenant", tenant), Checks.notNull("sku", sku), Checks.notNull("location", location));
    }

    /** The SKU at every location that has or had it. */
    public List<StockLevel> levels(TenantId tenant, Sku sku) {
        return store.levels(Checks.notNull("tenant", tenant), Checks.notNull("sku", sku));
    }

    /** Sets the safety stock kept back from every channel at one location. */
    public void setSafetyStock(TenantId tenant, Sku sku, LocationId location, int units) {
        List<Violation> out = new ArrayList<>();
        knownSku(tenant, "sku", sku, out);
        knownLocation(tenant, "location", location, out);
        if (units < 0 || units > config.maxUnitsPerLine()) {
            out.add(Violation.of(
                    "units",
                    "OUT_OF_RANGE",
                    "safety stock must be 0 to " + config.maxUnitsPerLine() + "; was " + units));
        }
        throwIfAny(out);
        store.setSafetyStock(tenant, sku, location, units);
    }

    /**
     * What {@code channel} may sell of {@code sku} now: per eligible active location on hand minus reserved
     * minus safety stock, added up, then the channel's buffer and cap; a kit counts whole kits its
     * components make. Reads counters only (cost independent of reservations and ledger).
     */
    public Availability availability(TenantId tenant, Sku sku, ChannelId channel) {
        return availability(tenant, List.of(sku), channel).get(sku);
    }

    /** {@link #availability(TenantId, Sku, ChannelId)} for several SKUs, read in one bulk read. */
    public Map<Sku, Availability> availability(TenantId tenant, Collection<Sku> skus, ChannelId channel) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("skus", skus);
        Checks.notNull("channel", channel);
        ChannelStockPolicy policy = config.policy(channel);
        Map<LocationId, Location> eligible = new HashMap<>();
        for (Location l : store.locations(tenant)) {
            if (l.active()
                    && (policy.locations().isEmpty() || policy.locations().contains(l.id()))) {
                eligible.put(l.id(), l);
            }
        }
        Map<Sku, Product> products = new LinkedHashMap<>();
        Set<Sku> toRead = new java.util.LinkedHashSet<>();
        for (Sku sku : skus) {
            Product p = product(tenant, sku);
            products.put(sku, p);
            if (p.isKit()) {
                toRead.addAll(p.components().keySet());
            } else {
                toRead.add(sku);
            }
        }
        Map<Sku, List<StockLevel>> levels = store.levels(tenant, toRead);
        Map<Sku, Availability> out = new LinkedHashMap<>();
        for (Map.Entry<Sku, Product> e : products.entrySet()) {
            Product p = e.getValue();
            Map<LocationId, Integer> byLocation = new TreeMap<>();
            if (p.isKit()) {
                Map<LocationId, Integer> kits = null;
                for (Map.Entry<Sku, Integer> part : p.components().entrySet()) {
                    Map<LocationId, Integer> partKits = new HashMap<>();
                    for (StockLevel level : levels.getOrDefault(part.getKey(), List.of())) {
                        if (eligible.containsKey(level.location())) {
                            partKits.put(level.location(), level.sellable() / part.getValue());
                        }
                    }
                    if (kits == null) {
                        kits = partKits;
                    } else {
                        Map<LocationId, Integer> both = new HashMap<>();
                        for (Map.Entry<LocationId, Integer> k : kits.entrySet()) {
                            Integer other = partKits.get(k.getKey());
                            if (other != null) {
                                both.put(k.getKey(), Math.min(k.getValue(), other));
                            }
                        }
                        kits = both;
                    }
                }
                byLocation.putAll(kits == null ? Map.of() : kits);
            } else {
                for (StockLevel level : levels.getOrDefault(p.sku(), List.of())) {
                    if (eligible.containsKey(level.location())) {
                        byLocation.put(level.location(), level.sellable());
                    }
                }
            }
            int sellable = 0;
            for (int units : byLocation.values()) {
                sellable += units;
            }
            int atp = policy.apply(sellable);
            out.put(
                    e.getKey(),
                    new Availability(e.getKey(), channel, atp, byLocation, atp <= policy.lowStockThreshold()));
        }
        return out;
    }

    /** Ledger entries of one cell after {@code afterSequence}, at most {@code limit}. */
    public List<LedgerEntry> ledger(TenantId tenant, Sku sku, LocationId location, long afterSequence, int limit) {
        if (limit <= 0) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        return store.ledger(
                Checks.notNull("tenant", tenant),
                Checks.notNull("sku", sku),
                Checks.notNull("location", location),
                afterSequence,
                limit);
    }

    // ------------------------------------------------------------------------------------------- repair

    /**
     * Compares every counter of the tenant with its source of truth: on hand, quarantined and in transit
     * with the sums of the ledger (repair entries aside), reserved with the open reservations. Run it while
     * the tenant is quiet; under traffic it may report changes in flight.
     */
    public DriftReport checkDrift(TenantId tenant) {
        return new DriftReport(drifts(Checks.notNull("tenant", tenant)), List.of());
    }

    /**
     * {@link #checkDrift} and then corrects each drifting counter towards its source of truth with one
     * {@code REPAIR} ledger entry per cell, attributed to {@code actor}. Run it while the tenant is quiet.
     */
    public DriftReport repairDrift(TenantId tenant, Actor actor) {
        Checks.notNull("actor", actor);
        List<DriftReport.Drift> drifts = drifts(Checks.notNull("tenant", tenant));
        Map<String, int[]> byCell = new LinkedHashMap<>();
        Map<String, DriftReport.Drift> firstOfCell = new HashMap<>();
        for (DriftReport.Drift d : drifts) {
            String key = d.sku() + "\u0000" + d.location();
            firstOfCell.putIfAbsent(key, d);
            int[] c = byCell.computeIfAbsent(key, k -> new int[4]);
            switch (d.bucket()) {
                case "onHand" -> c[0] += d.correction();
                case "reserved" -> c[1] += d.correction();
                case "quarantined" -> c[2] += d.correction();
                default -> c[3] += d.correction();
            }
        }
        Instant now = clock.instant();
        List<CellChange> cells = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        byCell.forEach((key, c) -> {
            DriftReport.Drift d = firstOfCell.get(key);
            cells.add(new CellChange(d.sku(), d.location(), c[0], c[1], c[2], c[3]));
            movements.add(new Movement(
                    d.sku(),
                    d.location(),
                    MovementKind.REPAIR,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    "repair",
                    Optional.of("counters corrected towards ledger and reservations"),
                    actor,
                    now));
        });
        if (cells.isEmpty()) {
            return new DriftReport(List.of(), List.of());
        }
        List<LedgerEntry> entries = entriesOf(
                store.commit(new StockCommit(tenant, cells, List.of(), List.of(), movements, Optional.empty())),
                "repair of tenant '" + tenant + "'");
        return new DriftReport(drifts, entries);
    }

    private List<DriftReport.Drift> drifts(TenantId tenant) {
        Map<String, Integer> reservedByCell = new HashMap<>();
        for (Reservation r : store.openReservations(tenant)) {
            for (ReservationLine line : r.lines()) {
                reservedByCell.merge(line.sku() + "\u0000" + line.location(), line.open(), Integer::sum);
            }
        }
        List<DriftReport.Drift> out = new ArrayList<>();
        for (StockLevel level : store.allLevels(tenant)) {
            long onHand = 0;
            long quarantined = 0;
            long inTransit = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                List<LedgerEntry> page = store.ledger(tenant, level.sku(), level.location(), after, LEDGER_PAGE);
                for (LedgerEntry e : page) {
                    if (e.movement().kind() != MovementKind.REPAIR) {
                        onHand += e.movement().onHand();
                        quarantined += e.movement().quarantined();
                        inTransit += e.movement().inTransit();
                    }
                    after = e.sequence();
                }
                if (page.size() < LEDGER_PAGE) {
                    break;
                }
            }
            int reserved = reservedByCell.getOrDefault(level.sku() + "\u0000" + level.location(), 0);
            drift(out, level, "onHand", level.onHand(), onHand);
            drift(out, level, "reserved", level.reserved(), reserved);
            drift(out, level, "quarantined", level.quarantined(), quarantined);
            drift(out, level, "inTransit", level.inTransit(), inTransit);
        }
        return out;
    }

    private static void drift(
            List<DriftReport.Drift> out, StockLevel level, String bucket, int counter, long expected) {
        if (counter != expected) {
            out.add(new DriftReport.Drift(level.sku(), level.location(), bucket, counter, (int) expected));
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static Movement movement(
            Sku sku,
            LocationId location,
            MovementKind kind,
            int onHand,
            int quarantined,
            int inTransit,
            String cause,
            Optional<String> reason,
            Actor actor,
            Instant at) {
        return new Movement(sku, location, kind, onHand, 0, quarantined, inTransit, cause, reason, actor, at);
    }

    private static List<LedgerEntry> entriesOf(StockCommitResult result, String what) {
        if (result instanceof StockCommitResult.Applied applied) {
            return applied.entries();
        }
        if (result instanceof StockCommitResult.Replayed replayed) {
            return replayed.entries();
        }
        List<dev.omskit.core.inventory.Shortfall> shortfalls = ((StockCommitResult.Refused) result).shortfalls();
        throw new StockRejectedException(
                StockRejectedException.INSUFFICIENT_STOCK,
                what + " refused: "
                        + shortfalls.stream()
                                .map(Object::toString)
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""),
                shortfalls);
    }

    private Optional<Product> knownSku(TenantId tenant, String field, Sku sku, List<Violation> out) {
        if (sku == null) {
            out.add(Violation.of(field, "MISSING", "SKU must not be null"));
            return Optional.empty();
        }
        Optional<Product> p = catalog.find(tenant, sku);
        if (p.isEmpty()) {
            out.add(Violation.of(
                    field, "UNKNOWN_SKU", "SKU '" + sku + "' is not in the catalogue of tenant '" + tenant + "'"));
        }
        return p;
    }

    private Optional<Location> knownLocation(TenantId tenant, String field, LocationId id, List<Violation> out) {
        if (id == null) {
            out.add(Violation.of(field, "MISSING", "location must not be null"));
            return Optional.empty();
        }
        Optional<Location> l = store.location(tenant, id);
        if (l.isEmpty()) {
            out.add(Violation.of(
                    field, "UNKNOWN_LOCATION", "location '" + id + "' does not exist in tenant '" + tenant + "'"));
        }
        return l;
    }

    private void activeLocation(TenantId tenant, String field, LocationId id, List<Violation> out) {
        knownLocation(tenant, field, id, out).ifPresent(l -> {
            if (!l.active()) {
                out.add(Violation.of(field, "INACTIVE_LOCATION", "location '" + id + "' is inactive"));
            }
        });
    }

    private void quantity(String field, int units, List<Violation> out) {
        if (units <= 0) {
            out.add(Violation.of(field, "NOT_POSITIVE", "quantity must be positive; was " + units));
        } else if (units > config.maxUnitsPerLine()) {
            out.add(Violation.of(
                    field, "TOO_MANY_UNITS", "at most " + config.maxUnitsPerLine() + " units per line; was " + units));
        }
    }

    private void lineCount(String field, int lines, List<Violation> out) {
        if (lines == 0) {
            out.add(Violation.of(field, "EMPTY", "at least one line is needed"));
        } else if (lines > config.maxLines()) {
            out.add(Violation.of(field, "TOO_MANY_LINES", "at most " + config.maxLines() + " lines; has " + lines));
        }
    }

    private static void reason(String field, String reason, List<Violation> out) {
        if (reason == null || reason.isBlank()) {
            out.add(Violation.of(field, "MISSING", "a reason is required"));
        }
    }

    private static void throwIfAny(List<Violation> out) {
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
    }

    private static ConflictException gaveUp(String what) {
        return new ConflictException(what + " kept clashing with concurrent changes; gave up");
    }

    /** This facade's configuration. */
    public InventoryConfig config() {
        return config;
    }

    /**
     * Builds an {@link Inventory}. The store and the catalogue are required; the rest has defaults: the
     * system UTC clock, UUID-based ids, {@link InventoryConfig#defaults()}. Not thread-safe.
     */
    public static final class Builder {
        private InventoryStore store;
        private ProductCatalog catalog;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.uuids();
        private InventoryConfig config = InventoryConfig.defaults();

        private Builder() {}

        /** Where stock lives (required). */
        public Builder store(InventoryStore store) {
            this.store = Checks.notNull("store", store);
            return this;
        }

        /** Where product data comes from (required): SKUs not in it are refused. */
        public Builder catalog(ProductCatalog catalog) {
            this.catalog = Checks.notNull("catalog", catalog);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        /** Where reservation and transfer ids come from ({@link IdGenerator#nextId}). */
        public Builder idGenerator(IdGenerator ids) {
            this.ids = Checks.notNull("idGenerator", ids);
            return this;
        }

        public Builder config(InventoryConfig config) {
            this.config = Checks.notNull("config", config);
            return this;
        }

        /** The facade; throws {@link InvalidArgumentException} naming what is missing. */
        public Inventory build() {
            List<Violation> out = new ArrayList<>();
            if (store == null) {
                out.add(Violation.of(
                        "store",
                        "MISSING",
                        "Inventory needs a store: InMemoryInventoryStore.create()"
                                + " from oms-testkit for tests and demos, or a durable implementation"));
            }
            if (catalog == null) {
                out.add(Violation.of("catalog", "MISSING", "Inventory needs a product catalogue"));
            }
            throwIfAny(out);
            return new Inventory(this);
        }
    }
}
