package dev.omskit.core;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.IdempotencyConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.Availability;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.BackorderKind;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.CountReport;
import dev.omskit.core.inventory.CountStock;
import dev.omskit.core.inventory.CreatePurchaseOrder;
import dev.omskit.core.inventory.DriftReport;
import dev.omskit.core.inventory.IncomingSupply;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.InventoryListener;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.MoveQuarantine;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.Replenishment;
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
import dev.omskit.core.spi.ExternalStockSource;
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
import java.util.concurrent.CopyOnWriteArrayList;

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
    private static final System.Logger LOG = System.getLogger(Inventory.class.getName());
    private static final int LEDGER_PAGE = 1024;

    private final InventoryStore store;
    private final ProductCatalog catalog;
    private final Clock clock;
    private final IdGenerator ids;
    private final InventoryConfig config;
    private final InventoryPurchasing purchasing;
    private final List<InventoryListener> listeners = new CopyOnWriteArrayList<>();
    private final ExternalStockSource external;
    private final Map<ChannelId, ChannelStockPolicy> policies = new java.util.concurrent.ConcurrentHashMap<>();

    private Inventory(Builder b) {
        this.store = b.store;
        this.catalog = b.catalog;
        this.clock = b.clock;
        this.ids = b.ids;
        this.config = b.config;
        this.listeners.addAll(b.listeners);
        this.external = b.external;
        this.purchasing = new InventoryPurchasing(this, store, catalog, clock, ids, config);
    }

    /** Whether an external system owns the stock of record (see {@link Builder#stockOfRecordElsewhere}). */
    public boolean stockOfRecordElsewhere() {
        return external != null;
    }

    void requireLocalStock(String what) {
        if (external != null) {
            throw new StockRejectedException(
                    StockRejectedException.STOCK_OF_RECORD_ELSEWHERE,
                    what + " is not recorded here: an external system owns the stock of record; post it there");
        }
    }

    /** Adds a listener told when units become available (used by an {@code Oms} to fill backorders). */
    public void addListener(InventoryListener listener) {
        listeners.add(Checks.notNull("listener", listener));
    }

    /** Removes a listener added before; returns whether it was there. */
    public boolean removeListener(InventoryListener listener) {
        return listeners.remove(Checks.notNull("listener", listener));
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

    /** The product data of a SKU, if the catalogue has it. */
    public Optional<Product> findProduct(TenantId tenant, Sku sku) {
        return catalog.find(Checks.notNull("tenant", tenant), Checks.notNull("sku", sku));
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
        if (external == null) {
            for (ReservationLine line : lines) {
                cells.add(CellChange.reserve(line.sku(), line.location(), line.quantity()));
            }
        }
        StockCommitResult result;
        try {
            result = commitStock(StockCommit.ofReservation(tenant, reservation, cells));
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
        List<ReservationLine> fast = plainLines(c);
        return fast != null ? fast : validateReservationFully(c);
    }

    /**
     * The lines of a request that is plainly valid (no kit, every check passing), without building a
     * single message or field name; null as soon as anything needs a closer look.
     */
    private List<ReservationLine> plainLines(ReserveStock c) {
        List<StockLine> in = c.lines();
        int n = in.size();
        if (n == 0
                || n > config.maxLines()
                || c.holdFor().isPresent()
                || Checks.idProblem("reference", c.reference()).isPresent()) {
            return null;
        }
        List<ReservationLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StockLine line = in.get(i);
            if (line == null
                    || line.sku() == null
                    || line.location() == null
                    || line.quantity() <= 0
                    || line.quantity() > config.maxUnitsPerLine()
                    || Checks.idProblem("line ref", line.ref()).isPresent()) {
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (in.get(j).ref().equals(line.ref())) {
                    return null;
                }
            }
            Optional<Product> product = catalog.find(c.tenant(), line.sku());
            Optional<Location> location = store.location(c.tenant(), line.location());
            if (product.isEmpty()
                    || product.get().isKit()
                    || location.isEmpty()
                    || !location.get().active()) {
                return null;
            }
            lines.add(ReservationLine.of(line.ref(), line.sku(), line.location(), line.quantity()));
        }
        return lines;
    }

    private List<ReservationLine> validateReservationFully(ReserveStock c) {
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
        return confirm(tenant, id, false);
    }

    /**
     * {@link #confirm}, and with {@code evenIfLapsed} also a hold whose time is up but which the sweep has
     * not released yet: for an order whose payment arrived just after its stock hold lapsed.
     */
    Reservation confirm(TenantId tenant, ReservationId id, boolean evenIfLapsed) {
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            if (r.status() == ReservationStatus.CONFIRMED) {
                return r;
            }
            Instant now = clock.instant();
            if (r.status() != ReservationStatus.HELD) {
                throw notOpen(r, "confirmed");
            }
            if (r.isExpiredAt(now) && !evenIfLapsed) {
                throw new StockRejectedException(
                        StockRejectedException.HOLD_EXPIRED,
                        "reservation '" + id + "' of '" + r.reference() + "' expired at "
                                + r.expiresAt().get() + "; reserve again");
            }
            Reservation next = r.confirmed(now);
            try {
                commitStock(StockCommit.ofReservation(tenant, next, List.of()));
                return next;
            } catch (StaleRecordException e) {
                // changed meanwhile: decide again on the fresh record
            }
        }
        throw gaveUp("confirming reservation '" + id + "'");
    }

    /**
     * Moves every open unit of reservation {@code from} into reservation {@code into} (created under {@code
     * reference} if it does not exist, reopened if it had ended), in one commit that changes no counter:
     * the units stay reserved, now held by {@code into}; {@code from} ends as {@code RELEASED}. With {@code
     * confirm}, {@code into} becomes a confirmed allocation; otherwise it is a hold lasting as long as the
     * later of the two. Unlike {@link #confirm}, a lapsed hold that the sweep has not released yet may still
     * be merged: that is how an order whose commit was cut short by a crash keeps its stock. One record per
     * holder means every change of the holder's stock is one version-checked write on that record.
     */
    public Reservation merge(
            TenantId tenant, ReservationId from, ReservationId into, String reference, boolean confirm) {
        Checks.id("reference", reference);
        if (from.equals(into)) {
            throw InvalidArgumentException.of(
                    "into", "SAME_RESERVATION", "cannot merge reservation '" + from + "' into itself");
        }
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation source = requireReservation(tenant, from);
            if (!source.status().isOpen()) {
                throw notOpen(source, "merged into '" + into + "'");
            }
            Optional<Reservation> target = store.reservation(tenant, into);
            Instant now = clock.instant();
            Map<String, ReservationLine> lines = new LinkedHashMap<>();
            target.ifPresent(t -> t.lines().forEach(l -> lines.put(l.ref(), l)));
            Map<String, Integer> moved = new LinkedHashMap<>();
            for (ReservationLine l : source.lines()) {
                if (l.open() == 0) {
                    continue;
                }
                moved.put(l.ref(), l.open());
                ReservationLine had = lines.get(l.ref());
                lines.put(
                        l.ref(),
                        had == null
                                ? ReservationLine.of(l.ref(), l.sku(), l.location(), l.open())
                                : new ReservationLine(
                                        had.ref(),
                                        had.sku(),
                                        had.location(),
                                        had.quantity() + l.open(),
                                        had.consumed(),
                                        had.released()));
            }
            boolean targetHolds = target.isPresent() && target.get().status().isOpen();
            ReservationStatus status;
            Optional<Instant> expiresAt;
            if (confirm || (targetHolds && target.get().status() == ReservationStatus.CONFIRMED)) {
                status = ReservationStatus.CONFIRMED;
                expiresAt = Optional.empty();
            } else {
                status = ReservationStatus.HELD;
                Instant later = source.expiresAt().orElse(now);
                if (targetHolds
                        && target.get().expiresAt().isPresent()
                        && target.get().expiresAt().get().isAfter(later)) {
                    later = target.get().expiresAt().get();
                }
                expiresAt = Optional.of(later);
            }
            Reservation merged = Reservation.builder()
                    .tenant(tenant)
                    .id(into)
                    .reference(reference)
                    .channel(target.isPresent() ? target.get().channel() : source.channel())
                    .lines(new ArrayList<>(lines.values()))
                    .status(status)
                    .expiresAt(expiresAt)
                    .createdBy(target.isPresent() ? target.get().createdBy() : source.createdBy())
                    .createdAt(target.isPresent() ? target.get().createdAt() : source.createdAt())
                    .updatedAt(now)
                    .version(target.map(t -> t.version() + 1).orElse(1L))
                    .build();
            Reservation emptied = source.after(moved, false, ReservationStatus.RELEASED, now);
            try {
                commitStock(new StockCommit(
                        tenant, List.of(), List.of(emptied, merged), List.of(), List.of(), Optional.empty()));
                return merged;
            } catch (StaleRecordException e) {
                // one of them changed meanwhile: decide again
            }
        }
        throw gaveUp("merging reservation '" + from + "' into '" + into + "'");
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
                commitStock(StockCommit.ofReservation(tenant, next, List.of()));
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
        return releaseAs(tenant, id, unitsByRef, ReservationStatus.RELEASED, -1);
    }

    /**
     * Releases every open unit of a hold that has lapsed, marking it {@code EXPIRED} ({@code FULFILLED} when
     * part of it had already been consumed).
     */
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
        return releaseAs(tenant, id, Map.of(), ReservationStatus.EXPIRED, -1);
    }

    /**
     * {@link #release} only if the reservation is still at {@code expectedVersion}, else {@link
     * StaleRecordException}: for callers that decided what to release from what they read.
     */
    Reservation releaseAtVersion(
            TenantId tenant, ReservationId id, Map<String, Integer> unitsByRef, long expectedVersion) {
        return releaseAs(tenant, id, unitsByRef, ReservationStatus.RELEASED, expectedVersion);
    }

    private Reservation releaseAs(
            TenantId tenant,
            ReservationId id,
            Map<String, Integer> unitsByRef,
            ReservationStatus ending,
            long expectedVersion) {
        Checks.notNull("unitsByRef", unitsByRef);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            if (expectedVersion >= 0 && r.version() != expectedVersion) {
                throw new StaleRecordException("reservation '" + id + "'", expectedVersion, r.version());
            }
            if (!r.status().isOpen()) {
                if (unitsByRef.isEmpty()) {
                    return r;
                }
                throw notOpen(r, "released");
            }
            if (ending == ReservationStatus.EXPIRED && !r.isExpiredAt(clock.instant())) {
                return r; // confirmed or extended since it was found lapsed: the sweep leaves it alone
            }
            Map<String, Integer> units = unitsFor(r, unitsByRef, "released");
            List<CellChange> cells = new ArrayList<>();
            for (ReservationLine line : r.lines()) {
                int u = units.getOrDefault(line.ref(), 0);
                if (u > 0 && external == null) {
                    cells.add(new CellChange(line.sku(), line.location(), 0, -u, 0, 0));
                }
            }
            Reservation next = r.after(units, false, ending, clock.instant());
            try {
                commitStock(StockCommit.ofReservation(tenant, next, cells));
                notifySupply(tenant, skusOf(cells));
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
        return consumeAtVersion(tenant, id, unitsByRef, cause, actor, -1);
    }

    /** {@link #consume} only if the reservation is still at {@code expectedVersion} (when not negative). */
    Reservation consumeAtVersion(
            TenantId tenant,
            ReservationId id,
            Map<String, Integer> unitsByRef,
            String cause,
            Actor actor,
            long expectedVersion) {
        Checks.notNull("unitsByRef", unitsByRef);
        Checks.id("cause", cause);
        Checks.notNull("actor", actor);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Reservation r = requireReservation(tenant, id);
            if (expectedVersion >= 0 && r.version() != expectedVersion) {
                throw new StaleRecordException("reservation '" + id + "'", expectedVersion, r.version());
            }
            if (!r.status().isOpen()) {
                throw notOpen(r, "consumed");
            }
            Map<String, Integer> units = unitsFor(r, unitsByRef, "consumed");
            Instant now = clock.instant();
            List<CellChange> cells = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            for (ReservationLine line : r.lines()) {
                int u = units.getOrDefault(line.ref(), 0);
                if (u > 0 && external == null) {
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
                commitStock(new StockCommit(tenant, cells, List.of(next), List.of(), movements, Optional.empty()));
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
     * tenant and returns them, ended: {@code EXPIRED}, or {@code FULFILLED} when part of the hold had already
     * been consumed. A hold confirmed or released meanwhile is left alone.
     */
    public List<Reservation> expireHolds(int limit) {
        List<Reservation> expired = new ArrayList<>();
        for (Reservation r : expiredHolds(limit)) {
            Reservation after = releaseAs(r.tenant(), r.id(), Map.of(), ReservationStatus.EXPIRED, -1);
            if (!after.status().isOpen() && after.version() > r.version()) {
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
        requireLocalStock("A goods receipt");
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        knownLocation(tenant, "location", command.location(), out);
        Checks.idProblem("cause", command.cause()).ifPresent(p -> out.add(Violation.of("cause", "INVALID", p)));
        lineCount("lines", command.lines().size(), out);
        Set<Sku> seen = new HashSet<>();
        for (int i = 0; i < command.lines().size(); i++) {
            receiptLine(tenant, "lines[" + i + "]", command.lines().get(i), seen, out);
        }
        throwIfAny(out);
        List<CellChange> cells = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        receiptMovements(
                command.location(),
                command.cause(),
                command.lines(),
                command.actor(),
                clock.instant(),
                cells,
                movements);
        List<LedgerEntry> entries = entriesOf(
                commitStock(new StockCommit(tenant, cells, List.of(), List.of(), movements, command.idempotencyKey())),
                "receipt");
        notifySupply(tenant, skusOf(cells));
        return entries;
    }

    void receiptLine(TenantId tenant, String field, ReceiptLine line, Set<Sku> seen, List<Violation> out) {
        if (line == null) {
            out.add(Violation.of(field, "MISSING", "line must not be null"));
            return;
        }
        knownSku(tenant, field + ".sku", line.sku(), out);
        if (line.sku() != null && !seen.add(line.sku())) {
            out.add(Violation.of(field + ".sku", "DUPLICATE_SKU", "SKU '" + line.sku() + "' is listed twice"));
        }
        if (line.good() < 0 || line.damaged() < 0 || line.good() + line.damaged() <= 0) {
            out.add(Violation.of(
                    field,
                    "NOT_POSITIVE",
                    "good and damaged units must not be negative and must add up to at least one; were " + line.good()
                            + " and " + line.damaged()));
        } else if ((long) line.good() + line.damaged() > config.maxUnitsPerLine()) {
            out.add(Violation.of(
                    field,
                    "TOO_MANY_UNITS",
                    "at most " + config.maxUnitsPerLine() + " units per line; was " + (line.good() + line.damaged())));
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

    static void receiptMovements(
            LocationId location,
            String cause,
            List<ReceiptLine> lines,
            Actor actor,
            Instant now,
            List<CellChange> cells,
            List<Movement> movements) {
        for (ReceiptLine line : lines) {
            cells.add(new CellChange(line.sku(), location, line.good(), 0, line.damaged(), 0));
            if (line.good() > 0) {
                movements.add(movement(
                        line.sku(),
                        location,
                        MovementKind.RECEIPT,
                        line.good(),
                        0,
                        0,
                        cause,
                        Optional.empty(),
                        actor,
                        now));
            }
            if (line.damaged() > 0) {
                movements.add(movement(
                        line.sku(),
                        location,
                        MovementKind.RECEIPT_DAMAGED,
                        0,
                        line.damaged(),
                        0,
                        cause,
                        line.damageReason(),
                        actor,
                        now));
            }
        }
    }

    /** Corrects on-hand or quarantined units of one cell, with a reason. */
    public List<LedgerEntry> adjust(AdjustStock command) {
        Checks.notNull("command", command);
        requireLocalStock("An adjustment");
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
        List<LedgerEntry> entries = entriesOf(
                commitStock(new StockCommit(
                        tenant, List.of(cell), List.of(), List.of(), List.of(m), command.idempotencyKey())),
                "adjustment of '" + command.sku() + "' at '" + command.location() + "' by " + d);
        if (onHand && d > 0) {
            notifySupply(tenant, Set.of(command.sku()));
        }
        return entries;
    }

    /** Moves units into or out of quarantine, or writes quarantined units off. */
    public List<LedgerEntry> moveQuarantine(MoveQuarantine command) {
        Checks.notNull("command", command);
        requireLocalStock("A quarantine move");
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
        List<LedgerEntry> entries = entriesOf(
                commitStock(new StockCommit(tenant, List.of(cell), List.of(), List.of(), List.of(m), Optional.empty())),
                command.kind() + " of " + u + " '" + command.sku() + "' at '" + command.location() + "'");
        if (onHand > 0) {
            notifySupply(tenant, Set.of(command.sku()));
        }
        return entries;
    }

    /** Ships units from one location to another; they are in transit at the destination until received. */
    public Transfer transfer(TransferStock command) {
        Checks.notNull("command", command);
        requireLocalStock("A transfer");
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
                    commitStock(
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
        requireLocalStock("A transfer receipt");
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
                        commitStock(
                                new StockCommit(tenant, cells, List.of(), List.of(next), movements, Optional.empty())),
                        "receipt of transfer '" + t.id() + "'");
                notifySupply(tenant, skusOf(cells));
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
        requireLocalStock("A stock count");
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
            StockCommitResult result = commitStock(
                    new StockCommit(tenant, cells, List.of(), List.of(), movements, command.idempotencyKey()));
            if (result instanceof StockCommitResult.Replayed replayed) {
                // the first count's lines: its variance per SKU is in its COUNT entries
                Map<Sku, Integer> variances = new HashMap<>();
                for (LedgerEntry e : replayed.entries()) {
                    variances.merge(e.movement().sku(), e.movement().onHand(), Integer::sum);
                }
                List<CountReport.Line> first = new ArrayList<>();
                for (CountReport.Line l : lines) {
                    int variance = variances.getOrDefault(l.sku(), 0);
                    first.add(new CountReport.Line(
                            l.sku(),
                            l.counted() - variance,
                            l.counted(),
                            products.get(l.sku()).costPrice().map(c -> c.times(variance))));
                }
                return new CountReport(command.location(), first, replayed.entries());
            }
            if (result instanceof StockCommitResult.Applied applied) {
                if (lines.stream().anyMatch(l -> l.variance() > 0)) {
                    notifySupply(tenant, command.counted().keySet());
                }
                return new CountReport(command.location(), lines, applied.entries());
            }
            // a concurrent reservation took units between the read and the commit: count again
        }
        throw gaveUp("the count at '" + command.location() + "'");
    }

    // ------------------------------------------------------------------------------------------ queries

    /** The counters of one cell. */
    public StockLevel level(TenantId tenant, Sku sku, LocationId location) {
        if (external != null) {
            int units = external.available(Checks.notNull("tenant", tenant), Checks.notNull("sku", sku))
                    .getOrDefault(Checks.notNull("location", location), 0);
            return new StockLevel(sku, location, Math.max(0, units), 0, 0, 0, 0);
        }
        return store.level(
                Checks.notNull("tenant", tenant), Checks.notNull("sku", sku), Checks.notNull("location", location));
    }

    /** The SKU at every location that has or had it. */
    public List<StockLevel> levels(TenantId tenant, Sku sku) {
        if (external != null) {
            return externalLevels(Checks.notNull("tenant", tenant), Checks.notNull("sku", sku));
        }
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
        ChannelStockPolicy policy = policies.computeIfAbsent(channel, config::policy);
        Map<LocationId, Boolean> eligibility = new HashMap<>();
        java.util.function.Predicate<LocationId> eligible = id -> eligibility.computeIfAbsent(id, l -> {
            Optional<Location> location = store.location(tenant, l);
            return location.isPresent()
                    && location.get().active()
                    && (policy.locations().isEmpty() || policy.locations().contains(l));
        });
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
        Map<Sku, List<StockLevel>> levels;
        if (external != null) {
            levels = new LinkedHashMap<>();
            for (Sku sku : toRead) {
                levels.put(sku, externalLevels(tenant, sku));
            }
        } else {
            levels = store.levels(tenant, toRead);
        }
        Map<Sku, Availability> out = new LinkedHashMap<>();
        for (Map.Entry<Sku, Product> e : products.entrySet()) {
            Product p = e.getValue();
            Map<LocationId, Integer> byLocation = new HashMap<>();
            if (p.isKit()) {
                Map<LocationId, Integer> kits = null;
                for (Map.Entry<Sku, Integer> part : p.components().entrySet()) {
                    Map<LocationId, Integer> partKits = new HashMap<>();
                    for (StockLevel level : levels.getOrDefault(part.getKey(), List.of())) {
                        if (eligible.test(level.location())) {
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
                    if (eligible.test(level.location())) {
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
        if (external != null) {
            return new DriftReport(List.of(), List.of());
        }
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
                commitStock(new StockCommit(tenant, cells, List.of(), List.of(), movements, Optional.empty())),
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

    // ------------------------------------------------------------------------- purchase orders, supply
    // (implemented by InventoryPurchasing)

    /** {@link #preorderAllowance(TenantId, Sku)} leaving out the open preorders of one holder. */
    int preorderAllowance(TenantId tenant, Sku sku, Optional<String> excluded) {
        return purchasing.preorderAllowance(tenant, sku, excluded);
    }

    // ------------------------------------------------------------------------- purchase orders, supply

    /** Creates a purchase order as a draft. */
    public PurchaseOrder createPurchaseOrder(CreatePurchaseOrder command) {
        return purchasing.createPurchaseOrder(command);
    }

    /** Confirms a draft with the supplier: from now on it is expected supply. */
    public PurchaseOrder confirmPurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return purchasing.confirmPurchaseOrder(tenant, id);
    }

    /** Closes a received or partly received order (the rest will not come). */
    public PurchaseOrder closePurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return purchasing.closePurchaseOrder(tenant, id);
    }

    /** Cancels a draft or a confirmed order nothing was received for. */
    public PurchaseOrder cancelPurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return purchasing.cancelPurchaseOrder(tenant, id);
    }

    /**
     * Receives goods against a confirmed purchase order at its location: good units on hand, damaged units
     * in quarantine with the reason, both counted as received. A receipt for an order that is not open
     * (draft, received, closed, cancelled), for a SKU not on it, or for more than is outstanding is refused
     * and changes nothing. With an idempotency key a receipt posted twice counts once.
     */
    public PurchaseOrder receivePurchaseOrder(ReceivePurchaseOrder command) {
        return purchasing.receivePurchaseOrder(command);
    }

    public Optional<PurchaseOrder> purchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return purchasing.purchaseOrder(tenant, id);
    }

    /** Drafts and open purchase orders, oldest first. */
    public List<PurchaseOrder> openPurchaseOrders(TenantId tenant) {
        return purchasing.openPurchaseOrders(tenant);
    }

    /**
     * Supply of a SKU expected at any location: outstanding units of confirmed purchase orders and transfers
     * in transit, earliest expected first (undated last).
     */
    public List<IncomingSupply> incomingSupply(TenantId tenant, Sku sku) {
        return purchasing.incomingSupply(tenant, sku);
    }

    /**
     * Suggested purchase orders, one per supplier, to be received at {@code location}: every SKU with a
     * {@link Replenishment} whose available units (all active locations) plus expected supply minus open
     * backorders fall to its reorder point or below gets {@code reorderPoint - projected + reorderQuantity}
     * units. Returns commands to review and pass to {@link #createPurchaseOrder}; nothing is stored.
     */
    public List<CreatePurchaseOrder> suggestPurchaseOrders(TenantId tenant, LocationId location, Actor actor) {
        return purchasing.suggestPurchaseOrders(tenant, location, actor);
    }

    // ------------------------------------------------------------------------------------- backorders

    /**
     * Sets the units a holder's line waits for (creating the backorder, changing it, or closing it with 0).
     * Its place in the queue ({@link Backorder#since()}) stays the time it was first created.
     */
    public Backorder recordBackorder(
            TenantId tenant, String reference, String lineRef, Sku sku, int units, BackorderKind kind) {
        return purchasing.recordBackorder(tenant, reference, lineRef, sku, units, kind);
    }

    /** Open backorders of a SKU, oldest first. */
    public List<Backorder> openBackorders(TenantId tenant, Sku sku, int limit) {
        return purchasing.openBackorders(tenant, sku, limit);
    }

    /** The backorders of a holder (say {@code order:o-42}), open and closed. */
    public List<Backorder> backordersFor(TenantId tenant, String reference) {
        return purchasing.backordersFor(tenant, reference);
    }

    /**
     * How many more units of a {@link ProductFlag#PREORDERABLE} SKU may be preordered now: the smaller of its
     * {@link Product#preorderCap()} and its expected supply, minus the open preorders; 0 for other SKUs.
     */
    public int preorderAllowance(TenantId tenant, Sku sku) {
        return purchasing.preorderAllowance(tenant, sku);
    }

    // ---------------------------------------------------------------------------------------- helpers

    private List<StockLevel> externalLevels(TenantId tenant, Sku sku) {
        List<StockLevel> out = new ArrayList<>();
        new TreeMap<>(external.available(tenant, sku)).forEach((location, units) -> {
            if (units != null && units > 0) {
                out.add(new StockLevel(sku, location, units, 0, 0, 0, 0));
            }
        });
        return out;
    }

    /**
     * The single write path: the store's commit, then, when it applied cell changes, every listener's
     * {@link InventoryListener#onChange}.
     */
    private StockCommitResult commitStock(StockCommit commit) {
        StockCommitResult result = store.commit(commit);
        if (result instanceof StockCommitResult.Applied && !commit.cells().isEmpty()) {
            Set<Sku> changed = new java.util.TreeSet<>();
            for (CellChange c : commit.cells()) {
                changed.add(c.sku());
            }
            for (InventoryListener listener : listeners) {
                try {
                    listener.onChange(commit.tenant(), changed);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "inventory listener failed on a change of " + changed, e);
                }
            }
        }
        return result;
    }

    void notifySupply(TenantId tenant, Set<Sku> skus) {
        if (skus.isEmpty()) {
            return;
        }
        for (InventoryListener listener : listeners) {
            try {
                listener.onSupply(tenant, skus);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "inventory listener failed on supply of " + skus, e);
            }
        }
    }

    static Set<Sku> skusOf(List<CellChange> cells) {
        Set<Sku> out = new java.util.TreeSet<>();
        for (CellChange c : cells) {
            if (c.onHand() > 0 || c.reserved() < 0) {
                out.add(c.sku());
            }
        }
        return out;
    }

    static Movement movement(
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

    static List<LedgerEntry> entriesOf(StockCommitResult result, String what) {
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

    Optional<Product> knownSku(TenantId tenant, String field, Sku sku, List<Violation> out) {
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

    Optional<Location> knownLocation(TenantId tenant, String field, LocationId id, List<Violation> out) {
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

    void activeLocation(TenantId tenant, String field, LocationId id, List<Violation> out) {
        knownLocation(tenant, field, id, out).ifPresent(l -> {
            if (!l.active()) {
                out.add(Violation.of(field, "INACTIVE_LOCATION", "location '" + id + "' is inactive"));
            }
        });
    }

    void quantity(String field, int units, List<Violation> out) {
        if (units <= 0) {
            out.add(Violation.of(field, "NOT_POSITIVE", "quantity must be positive; was " + units));
        } else if (units > config.maxUnitsPerLine()) {
            out.add(Violation.of(
                    field, "TOO_MANY_UNITS", "at most " + config.maxUnitsPerLine() + " units per line; was " + units));
        }
    }

    void lineCount(String field, int lines, List<Violation> out) {
        if (lines == 0) {
            out.add(Violation.of(field, "EMPTY", "at least one line is needed"));
        } else if (lines > config.maxLines()) {
            out.add(Violation.of(field, "TOO_MANY_LINES", "at most " + config.maxLines() + " lines; has " + lines));
        }
    }

    static void reason(String field, String reason, List<Violation> out) {
        if (reason == null || reason.isBlank()) {
            out.add(Violation.of(field, "MISSING", "a reason is required"));
        }
    }

    static void throwIfAny(List<Violation> out) {
        if (!out.isEmpty()) {
            throw new InvalidArgumentException(out);
        }
    }

    static ConflictException gaveUp(String what) {
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
        private final List<InventoryListener> listeners = new ArrayList<>();
        private ExternalStockSource external;

        private Builder() {}

        /**
         * An external ERP or WMS owns the stock of record: availability comes from {@code source}, local
         * reservations are recorded for the audit trail but take no units (the external system is the one
         * that must not oversell), and local movements (receipts, adjustments, transfers, counts) are refused
         * with {@code STOCK_OF_RECORD_ELSEWHERE}.
         */
        public Builder stockOfRecordElsewhere(ExternalStockSource source) {
            this.external = Checks.notNull("source", source);
            return this;
        }

        /** A listener told when units become available. */
        public Builder listener(InventoryListener listener) {
            listeners.add(Checks.notNull("listener", listener));
            return this;
        }

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
