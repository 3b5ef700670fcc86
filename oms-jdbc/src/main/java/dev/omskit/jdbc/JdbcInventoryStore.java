package dev.omskit.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.omskit.core.error.InternalException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.Shortfall;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferId;
import dev.omskit.core.inventory.TransferStatus;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.StaleRecordException;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import dev.omskit.core.support.Checks;
import dev.omskit.jdbc.json.Codec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Inventory in PostgreSQL, for many application instances on one database, with no in-JVM lock.
 *
 * <p>A {@link #commit} is one transaction:
 *
 * <ol>
 *   <li>its idempotency key is claimed (an {@code INSERT ... ON CONFLICT DO NOTHING}; a key used before
 *       replays the first commit's entries and changes nothing);
 *   <li>its records are written by version (a new one inserted only if absent, a changed one updated only
 *       {@code WHERE version = n - 1}), or the commit is stale;
 *   <li>each cell's merged delta is applied by one conditional statement that keeps the cell's invariants in
 *       its {@code WHERE} clause (never read-modify-write), cells in one global order (SKU, then location),
 *       so concurrent multi-cell commits lock rows in the same order and cannot deadlock;
 *   <li>its movements are appended to the ledger after its cells are locked, so a cell's entries are in
 *       commit order.
 * </ol>
 *
 * A short cell rolls the whole transaction back and the commit is refused naming every short cell.
 * Deadlocks and serialization failures are retried inside ({@link Database}). Records are kept whole as
 * {@code json} ({@link Codec}) beside the columns their queries need. Passes {@code
 * InventoryStoreCompatibilityKit}.
 */
public final class JdbcInventoryStore implements InventoryStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Map.Entry<String, String>> CELL_ORDER =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    /** How long a location read is reused by default: another instance's change is seen within it. */
    public static final java.time.Duration LOCATION_CACHE = java.time.Duration.ofSeconds(1);

    private record CachedLocation(Optional<Location> location, Instant until) {}

    private final Database db;
    private final Codec codec = Codec.create();
    private final java.time.Duration locationTtl;
    private final java.time.Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<Map.Entry<TenantId, LocationId>, CachedLocation>
            locationCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Inventory in {@code db} (migrated with {@link Migrations#apply}), location reads reused for 1 s. */
    public JdbcInventoryStore(Database db) {
        this(db, LOCATION_CACHE);
    }

    /**
     * Inventory in {@code db} reusing each location read for {@code locationCache} (zero: never). Every
     * reservation checks its location (active, eligible), so the reuse saves a round trip each; a location
     * changed by another instance is seen here within that time, and one saved here at once.
     */
    public JdbcInventoryStore(Database db, java.time.Duration locationCache) {
        this(db, locationCache, java.time.Clock.systemUTC());
    }

    /** {@link #JdbcInventoryStore(Database, java.time.Duration)} timing the reuse with {@code clock}. */
    public JdbcInventoryStore(Database db, java.time.Duration locationCache, java.time.Clock clock) {
        this.db = Checks.notNull("db", db);
        this.clock = Checks.notNull("clock", clock);
        Checks.notNull("locationCache", locationCache);
        if (locationCache.isNegative()) {
            throw InvalidArgumentException.of(
                    "locationCache", "NEGATIVE", "a cache time must not be negative; was " + locationCache);
        }
        this.locationTtl = locationCache;
    }

    /** Thrown inside the transaction to roll it back and answer {@link StockCommitResult.Refused}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient List<Shortfall> shortfalls;

        Refusal(List<Shortfall> shortfalls) {
            super(null, null, false, false);
            this.shortfalls = shortfalls;
        }
    }

    // --------------------------------------------------------------------------------------------- locations

    @Override
    public void saveLocation(Location location) {
        Checks.notNull("location", location);
        locationCache.remove(Map.entry(location.tenant(), location.id()));
        db.transaction(c -> Sql.update(
                c,
                "INSERT INTO omskit_location (tenant, id, body) VALUES (?, ?, ?::json)"
                        + " ON CONFLICT (tenant, id) DO UPDATE SET body = EXCLUDED.body",
                location.tenant().value(),
                location.id().value(),
                codec.write(location)));
    }

    @Override
    public Optional<Location> location(TenantId tenant, LocationId id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("id", id);
        Map.Entry<TenantId, LocationId> key = Map.entry(tenant, id);
        Instant now = clock.instant();
        CachedLocation cached = locationCache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.location();
        }
        Optional<Location> read = readLocation(tenant, id);
        if (!locationTtl.isZero()) {
            locationCache.put(key, new CachedLocation(read, now.plus(locationTtl)));
        }
        return read;
    }

    private Optional<Location> readLocation(TenantId tenant, LocationId id) {
        return byId("omskit_location", Location.class, tenant, id.value());
    }

    @Override
    public List<Location> locations(TenantId tenant) {
        Checks.notNull("tenant", tenant);
        return readBodies(
                "SELECT body FROM omskit_location WHERE tenant = ? ORDER BY id COLLATE \"C\"",
                Location.class,
                tenant.value());
    }

    // ------------------------------------------------------------------------------------------------ commit

    @Override
    public StockCommitResult commit(StockCommit commit) {
        Checks.notNull("commit", commit);
        check(commit);
        if (plainReservation(commit)) {
            Optional<StockCommitResult> one = db.transaction(c -> reserveOne(c, commit));
            if (one.isPresent()) {
                return one.get();
            }
        }
        try {
            return db.transaction(c -> apply(c, commit));
        } catch (Refusal r) {
            return new StockCommitResult.Refused(r.shortfalls);
        }
    }

    /**
     * A {@link #plainReservation plain reservation} in one statement: the record's insert and, only if it
     * inserted, the cell's conditional {@code UPDATE}. Refused when the cell is short (the record rolled
     * back); empty, nothing written, when the record exists already, so that the general path answers the
     * stale record.
     */
    private Optional<StockCommitResult> reserveOne(Connection c, StockCommit commit) throws SQLException {
        Reservation r = commit.reservations().get(0);
        CellChange first = commit.cells().get(0);
        int units = 0;
        for (CellChange ch : commit.cells()) {
            units += ch.reserved();
        }
        String tenant = commit.tenant().value();
        Instant hold = holdExpiry(r);
        // The record goes first and the cell's update waits for it, so the cell's row lock is taken last and
        // held only for the update and the commit (a hot SKU is bound by that hold).
        try (PreparedStatement p = c.prepareStatement("WITH ins AS (INSERT INTO omskit_reservation (tenant, id,"
                + " version, reference, is_open, hold_expires_at, created_at, body) VALUES (?, ?, 1, ?, ?, ?, ?,"
                + " ?::json) ON CONFLICT DO NOTHING RETURNING 1),"
                + " upd AS (UPDATE omskit_stock_cell SET reserved = reserved + ? WHERE tenant = ? AND sku = ? AND"
                + " location = ? AND reserved + ? <= on_hand AND EXISTS (SELECT 1 FROM ins) RETURNING 1)"
                + " SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM upd)")) {
            Sql.bind(
                    p,
                    r.tenant().value(),
                    r.id().value(),
                    r.reference(),
                    r.status().isOpen(),
                    Sql.time(hold),
                    Sql.time(r.createdAt()),
                    codec.write(r),
                    units,
                    tenant,
                    first.sku().value(),
                    first.location().value(),
                    units);
            boolean inserted;
            boolean reserved;
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                inserted = rs.getInt(1) == 1;
                reserved = rs.getInt(2) == 1;
            }
            if (!inserted) {
                return Optional.empty(); // the record exists: nothing was written, the general path answers it
            }
            if (!reserved) {
                c.rollback(); // the record without its units
                return Optional.of(new StockCommitResult.Refused(List.of(shortfall(
                        c, tenant, first.sku().value(), first.location().value(), new int[] {0, units, 0, 0}))));
            }
            return Optional.of(new StockCommitResult.Applied(List.of()));
        }
    }

    private static void check(StockCommit commit) {
        for (Reservation r : commit.reservations()) {
            sameTenant(commit, r.tenant(), "reservation '" + r.id() + "'");
        }
        for (Transfer t : commit.transfers()) {
            sameTenant(commit, t.tenant(), "transfer '" + t.id() + "'");
        }
        for (PurchaseOrder po : commit.purchaseOrders()) {
            sameTenant(commit, po.tenant(), "purchase order '" + po.id() + "'");
        }
        for (Backorder b : commit.backorders()) {
            sameTenant(commit, b.tenant(), "backorder '" + b.id() + "'");
        }
    }

    /**
     * Applies {@code commits} in one transaction, each as if alone: each inside its own savepoint, so a
     * refused or stale one is undone without undoing the others; returns each one's result, in order (a
     * {@link StaleRecordException} as the result's place is rethrown to that caller by {@link
     * GroupedReservations}). One commit to disk for many reservations of a hot SKU.
     */
    public List<Object> commitAll(List<StockCommit> commits) {
        Checks.notNull("commits", commits);
        for (StockCommit commit : commits) {
            check(commit);
        }
        if (commits.stream().allMatch(JdbcInventoryStore::plainReservation)) {
            Optional<List<Object>> grouped = db.transaction(c -> reserveGrouped(c, commits));
            if (grouped.isPresent()) {
                return grouped.get();
            }
        }
        return db.transaction(c -> {
            List<Object> out = new ArrayList<>(commits.size());
            for (StockCommit commit : commits) {
                java.sql.Savepoint sp = c.setSavepoint();
                try {
                    out.add(apply(c, commit));
                    c.releaseSavepoint(sp);
                } catch (Refusal r) {
                    c.rollback(sp);
                    out.add(new StockCommitResult.Refused(r.shortfalls));
                } catch (StaleRecordException | IllegalArgumentException e) {
                    c.rollback(sp);
                    out.add(e);
                }
            }
            return out;
        });
    }

    /**
     * Whether {@code commit} is a plain reservation: one new reservation record and more units reserved in
     * one cell, nothing else (no idempotency key, movement or other record). A batch of only these is
     * decided in two statements ({@link #reserveGrouped}) instead of four round trips per commit.
     */
    private static boolean plainReservation(StockCommit commit) {
        if (commit.idempotencyKey().isPresent()
                || commit.reservations().size() != 1
                || commit.reservations().get(0).version() != 1
                || !commit.movements().isEmpty()
                || !commit.transfers().isEmpty()
                || !commit.purchaseOrders().isEmpty()
                || !commit.backorders().isEmpty()
                || commit.cells().isEmpty()) {
            return false;
        }
        CellChange first = commit.cells().get(0);
        int reserved = 0;
        for (CellChange ch : commit.cells()) {
            if (!ch.sku().equals(first.sku())
                    || !ch.location().equals(first.location())
                    || ch.onHand() != 0
                    || ch.quarantined() != 0
                    || ch.inTransit() != 0) {
                return false;
            }
            reserved += ch.reserved();
        }
        return reserved > 0;
    }

    /** One cell of a grouped batch: the key, what the locked row holds, and what the batch grants. */
    private static final class HeldCell {
        final String tenant;
        final String sku;
        final String location;
        int onHand;
        int reserved;
        int granted;

        HeldCell(String tenant, String sku, String location) {
            this.tenant = tenant;
            this.sku = sku;
            this.location = location;
        }
    }

    /**
     * Decides a batch of {@link #plainReservation plain reservations} as if each had committed alone, in
     * order, in two statements: the cells are locked ({@code FOR UPDATE}, in the global cell order) and
     * read; each reservation is granted while its cell has the units, else refused with the shortfall it
     * would have met alone; then one statement inserts the granted records and gives each cell the sum of
     * its grants in a conditional {@code UPDATE}. If a record turns out to exist already (a caller replaying a
     * commit), returns empty and the transaction rolls back, and the caller decides the batch one by one.
     */
    private Optional<List<Object>> reserveGrouped(Connection c, List<StockCommit> commits) throws SQLException {
        TreeMap<List<String>, HeldCell> cells = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
        for (StockCommit commit : commits) {
            CellChange ch = commit.cells().get(0);
            List<String> key = List.of(
                    commit.tenant().value(), ch.sku().value(), ch.location().value());
            cells.computeIfAbsent(key, k -> new HeldCell(k.get(0), k.get(1), k.get(2)));
        }
        String[][] keys = new String[3][cells.size()];
        int n = 0;
        for (HeldCell cell : cells.values()) {
            keys[0][n] = cell.tenant;
            keys[1][n] = cell.sku;
            keys[2][n] = cell.location;
            n++;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT tenant, sku, location, on_hand, reserved"
                + " FROM omskit_stock_cell WHERE (tenant, sku, location) IN (SELECT * FROM unnest(?::text[],"
                + " ?::text[], ?::text[])) ORDER BY tenant COLLATE \"C\", sku COLLATE \"C\", location COLLATE \"C\""
                + " FOR UPDATE")) {
            p.setArray(1, c.createArrayOf("text", keys[0]));
            p.setArray(2, c.createArrayOf("text", keys[1]));
            p.setArray(3, c.createArrayOf("text", keys[2]));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    HeldCell cell = cells.get(List.of(r.getString(1), r.getString(2), r.getString(3)));
                    cell.onHand = r.getInt(4);
                    cell.reserved = r.getInt(5);
                }
            }
        }
        List<Object> out = new ArrayList<>(commits.size());
        List<Reservation> granted = new ArrayList<>(commits.size());
        for (StockCommit commit : commits) {
            CellChange first = commit.cells().get(0);
            HeldCell cell = cells.get(List.of(
                    commit.tenant().value(),
                    first.sku().value(),
                    first.location().value()));
            int units = 0;
            for (CellChange ch : commit.cells()) {
                units += ch.reserved();
            }
            if (cell.reserved + cell.granted + units <= cell.onHand) {
                cell.granted += units;
                granted.add(commit.reservations().get(0));
                out.add(new StockCommitResult.Applied(List.of()));
            } else {
                out.add(new StockCommitResult.Refused(List.of(new Shortfall(
                        first.sku(),
                        first.location(),
                        "available",
                        units,
                        cell.onHand - cell.reserved - cell.granted))));
            }
        }
        if (granted.isEmpty()) {
            return Optional.of(out);
        }
        List<HeldCell> changed =
                cells.values().stream().filter(cell -> cell.granted > 0).toList();
        int size = granted.size();
        String[] tenants = new String[size];
        String[] ids = new String[size];
        String[] references = new String[size];
        Boolean[] open = new Boolean[size];
        String[] holds = new String[size];
        String[] created = new String[size];
        String[] bodies = new String[size];
        for (int i = 0; i < size; i++) {
            Reservation r = granted.get(i);
            tenants[i] = r.tenant().value();
            ids[i] = r.id().value();
            references[i] = r.reference();
            open[i] = r.status().isOpen();
            Instant hold = holdExpiry(r);
            holds[i] = hold == null ? null : hold.toString();
            created[i] = r.createdAt().toString();
            bodies[i] = codec.write(r);
        }
        String[][] grantedCells = new String[3][changed.size()];
        Integer[] deltas = new Integer[changed.size()];
        for (int i = 0; i < changed.size(); i++) {
            grantedCells[0][i] = changed.get(i).tenant;
            grantedCells[1][i] = changed.get(i).sku;
            grantedCells[2][i] = changed.get(i).location;
            deltas[i] = changed.get(i).granted;
        }
        // One statement inserts the granted records and adds each cell's grants; a record that exists
        // already shows as a short insert count, and the whole batch is then undone and decided one by one.
        try (PreparedStatement p = c.prepareStatement("WITH ins AS (INSERT INTO omskit_reservation (tenant, id,"
                + " version, reference, is_open, hold_expires_at, created_at, body) SELECT t, i, 1, ref, o,"
                + " h::timestamptz, cr::timestamptz, b::json FROM unnest(?::text[], ?::text[], ?::text[],"
                + " ?::boolean[], ?::text[], ?::text[], ?::text[]) AS x(t, i, ref, o, h, cr, b)"
                + " ON CONFLICT DO NOTHING RETURNING 1),"
                + " upd AS (UPDATE omskit_stock_cell s SET reserved = s.reserved + d.delta FROM unnest(?::text[],"
                + " ?::text[], ?::text[], ?::int[]) AS d(tenant, sku, location, delta) WHERE s.tenant = d.tenant"
                + " AND s.sku = d.sku AND s.location = d.location AND s.reserved + d.delta <= s.on_hand RETURNING 1)"
                + " SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM upd)")) {
            p.setArray(1, c.createArrayOf("text", tenants));
            p.setArray(2, c.createArrayOf("text", ids));
            p.setArray(3, c.createArrayOf("text", references));
            p.setArray(4, c.createArrayOf("boolean", open));
            p.setArray(5, c.createArrayOf("text", holds));
            p.setArray(6, c.createArrayOf("text", created));
            p.setArray(7, c.createArrayOf("text", bodies));
            p.setArray(8, c.createArrayOf("text", grantedCells[0]));
            p.setArray(9, c.createArrayOf("text", grantedCells[1]));
            p.setArray(10, c.createArrayOf("text", grantedCells[2]));
            p.setArray(11, c.createArrayOf("integer", deltas));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                if (r.getInt(1) != size) {
                    c.rollback();
                    return Optional.empty();
                }
                if (r.getInt(2) != changed.size()) {
                    throw new InternalException(
                            "a grouped reservation changed " + r.getInt(2) + " of " + changed.size() + " locked cells");
                }
            }
        }
        return Optional.of(out);
    }

    private StockCommitResult apply(Connection c, StockCommit commit) throws SQLException {
        String tenant = commit.tenant().value();
        if (commit.idempotencyKey().isPresent()) {
            String key = commit.idempotencyKey().get().value();
            int claimed = Sql.update(
                    c,
                    "INSERT INTO omskit_stock_key (tenant, key, entries) VALUES (?, ?, '[]'::json)"
                            + " ON CONFLICT DO NOTHING",
                    tenant,
                    key);
            if (claimed == 0) {
                return new StockCommitResult.Replayed(replayed(c, commit.tenant(), key));
            }
        }
        for (Reservation r : commit.reservations()) {
            writeReservation(c, r);
        }
        for (Transfer t : commit.transfers()) {
            writeRecord(
                    c,
                    "omskit_transfer",
                    "transfer '" + t.id() + "'",
                    tenant,
                    t.id().value(),
                    t.version(),
                    new String[] {"destination", "in_transit", "created_at"},
                    new Object[] {
                        t.destination().value(), t.status() == TransferStatus.IN_TRANSIT, Sql.time(t.createdAt())
                    },
                    codec.write(t));
        }
        for (PurchaseOrder po : commit.purchaseOrders()) {
            writeRecord(
                    c,
                    "omskit_purchase_order",
                    "purchase order '" + po.id() + "'",
                    tenant,
                    po.id().value(),
                    po.version(),
                    new String[] {"is_open", "created_at"},
                    new Object[] {open(po), Sql.time(po.createdAt())},
                    codec.write(po));
        }
        for (Backorder b : commit.backorders()) {
            writeRecord(
                    c,
                    "omskit_backorder",
                    "backorder '" + b.id() + "'",
                    tenant,
                    b.id(),
                    b.version(),
                    new String[] {"sku", "reference", "is_open", "since"},
                    new Object[] {b.sku().value(), b.reference(), b.isOpen(), Sql.time(b.since())},
                    codec.write(b));
        }
        applyCells(c, tenant, commit.cells());
        List<LedgerEntry> entries = new ArrayList<>(commit.movements().size());
        for (Movement m : commit.movements()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO omskit_stock_ledger (tenant, sku,"
                    + " location, body) VALUES (?, ?, ?, ?::json) RETURNING sequence")) {
                p.setString(1, tenant);
                p.setString(2, m.sku().value());
                p.setString(3, m.location().value());
                p.setString(4, codec.write(m));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    entries.add(new LedgerEntry(commit.tenant(), r.getLong(1), m));
                }
            }
        }
        if (commit.idempotencyKey().isPresent()) {
            Sql.update(
                    c,
                    "UPDATE omskit_stock_key SET entries = ?::json WHERE tenant = ? AND key = ?",
                    sequences(entries),
                    tenant,
                    commit.idempotencyKey().get().value());
        }
        return new StockCommitResult.Applied(entries);
    }

    /** Applies every cell's merged delta in global order, or throws {@link Refusal} naming the short ones. */
    private static void applyCells(Connection c, String tenant, List<CellChange> cells) throws SQLException {
        TreeMap<Map.Entry<String, String>, int[]> deltas = new TreeMap<>(CELL_ORDER);
        for (CellChange ch : cells) {
            int[] sum = deltas.computeIfAbsent(
                    Map.entry(ch.sku().value(), ch.location().value()), k -> new int[4]);
            sum[0] += ch.onHand();
            sum[1] += ch.reserved();
            sum[2] += ch.quarantined();
            sum[3] += ch.inTransit();
        }
        List<Shortfall> short_ = new ArrayList<>();
        for (Map.Entry<Map.Entry<String, String>, int[]> e : deltas.entrySet()) {
            int[] d = e.getValue();
            if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == 0) {
                continue;
            }
            String sku = e.getKey().getKey();
            String location = e.getKey().getValue();
            boolean validFromZero = d[0] >= 0 && d[1] >= 0 && d[2] >= 0 && d[3] >= 0 && d[1] <= d[0];
            int changed;
            if (validFromZero) {
                changed = Sql.update(
                        c,
                        "INSERT INTO omskit_stock_cell (tenant, sku, location, on_hand, reserved, quarantined,"
                                + " in_transit) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, sku, location)"
                                + " DO UPDATE SET on_hand = omskit_stock_cell.on_hand + EXCLUDED.on_hand,"
                                + " reserved = omskit_stock_cell.reserved + EXCLUDED.reserved,"
                                + " quarantined = omskit_stock_cell.quarantined + EXCLUDED.quarantined,"
                                + " in_transit = omskit_stock_cell.in_transit + EXCLUDED.in_transit"
                                + " WHERE omskit_stock_cell.reserved + EXCLUDED.reserved"
                                + " <= omskit_stock_cell.on_hand + EXCLUDED.on_hand",
                        tenant,
                        sku,
                        location,
                        d[0],
                        d[1],
                        d[2],
                        d[3]);
            } else {
                changed = Sql.update(
                        c,
                        "UPDATE omskit_stock_cell SET on_hand = on_hand + ?, reserved = reserved + ?,"
                                + " quarantined = quarantined + ?, in_transit = in_transit + ?"
                                + " WHERE tenant = ? AND sku = ? AND location = ? AND on_hand + ? >= 0"
                                + " AND reserved + ? >= 0 AND quarantined + ? >= 0 AND in_transit + ? >= 0"
                                + " AND reserved + ? <= on_hand + ?",
                        d[0],
                        d[1],
                        d[2],
                        d[3],
                        tenant,
                        sku,
                        location,
                        d[0],
                        d[1],
                        d[2],
                        d[3],
                        d[1],
                        d[0]);
            }
            if (changed == 0) {
                short_.add(shortfall(c, tenant, sku, location, d));
            }
        }
        if (!short_.isEmpty()) {
            throw new Refusal(List.copyOf(short_));
        }
    }

    /** Which bucket of the cell is short for delta {@code d}, as the in-memory store reports it. */
    private static Shortfall shortfall(Connection c, String tenant, String sku, String location, int[] d)
            throws SQLException {
        int[] now = {0, 0, 0, 0};
        try (PreparedStatement p = c.prepareStatement("SELECT on_hand, reserved, quarantined, in_transit"
                + " FROM omskit_stock_cell WHERE tenant = ? AND sku = ? AND location = ?")) {
            p.setString(1, tenant);
            p.setString(2, sku);
            p.setString(3, location);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    now = new int[] {r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4)};
                }
            }
        }
        Sku s = Sku.of(sku);
        LocationId l = LocationId.of(location);
        if (d[2] < 0 && now[2] + d[2] < 0) {
            return new Shortfall(s, l, "quarantined", -d[2], now[2]);
        }
        if (d[3] < 0 && now[3] + d[3] < 0) {
            return new Shortfall(s, l, "inTransit", -d[3], now[3]);
        }
        boolean moreReserved = d[0] < 0 || d[1] > 0;
        int reserved = moreReserved ? d[1] : 0;
        int onHand = d[0] < 0 ? d[0] : reserved > 0 ? Math.min(d[0], reserved) : 0;
        int needed = -onHand + Math.max(reserved, 0);
        return new Shortfall(s, l, "available", needed, now[0] - now[1]);
    }

    private void writeReservation(Connection c, Reservation r) throws SQLException {
        Instant hold = holdExpiry(r);
        writeRecord(
                c,
                "omskit_reservation",
                "reservation '" + r.id() + "'",
                r.tenant().value(),
                r.id().value(),
                r.version(),
                new String[] {"reference", "is_open", "hold_expires_at", "created_at"},
                new Object[] {r.reference(), r.status().isOpen(), Sql.time(hold), Sql.time(r.createdAt())},
                codec.write(r));
    }

    /**
     * Inserts a record at version 1 only if absent, or updates it only from version {@code n - 1}; else
     * throws {@link StaleRecordException} with the stored version.
     */
    private static void writeRecord(
            Connection c,
            String table,
            String what,
            String tenant,
            String id,
            long version,
            String[] columns,
            Object[] values,
            String body)
            throws SQLException {
        int changed;
        if (version == 1) {
            StringBuilder cols = new StringBuilder("tenant, id, version");
            StringBuilder marks = new StringBuilder("?, ?, ?");
            for (String col : columns) {
                cols.append(", ").append(col);
                marks.append(", ?");
            }
            Object[] args = new Object[columns.length + 4];
            args[0] = tenant;
            args[1] = id;
            args[2] = version;
            System.arraycopy(values, 0, args, 3, values.length);
            args[args.length - 1] = body;
            changed = Sql.update(
                    c,
                    "INSERT INTO " + table + " (" + cols + ", body) VALUES (" + marks
                            + ", ?::json) ON CONFLICT DO NOTHING",
                    args);
        } else {
            StringBuilder set = new StringBuilder("version = ?");
            for (String col : columns) {
                set.append(", ").append(col).append(" = ?");
            }
            Object[] args = new Object[columns.length + 5];
            args[0] = version;
            System.arraycopy(values, 0, args, 1, values.length);
            args[values.length + 1] = body;
            args[values.length + 2] = tenant;
            args[values.length + 3] = id;
            args[values.length + 4] = version - 1;
            changed = Sql.update(
                    c,
                    "UPDATE " + table + " SET " + set + ", body = ?::json WHERE tenant = ? AND id = ? AND version = ?",
                    args);
        }
        if (changed == 0) {
            long stored = storedVersion(c, table, tenant, id);
            throw new StaleRecordException(what, version - 1, stored);
        }
    }

    private static long storedVersion(Connection c, String table, String tenant, String id) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("SELECT version FROM " + table + " WHERE tenant = ? AND id = ?")) {
            p.setString(1, tenant);
            p.setString(2, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** The entries the first commit with this key appended, read back from the ledger by sequence. */
    private List<LedgerEntry> replayed(Connection c, TenantId tenant, String key) throws SQLException {
        String sequences;
        try (PreparedStatement p =
                c.prepareStatement("SELECT entries::text FROM omskit_stock_key WHERE tenant = ? AND key = ?")) {
            p.setString(1, tenant.value());
            p.setString(2, key);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                sequences = r.getString(1);
            }
        }
        List<Long> wanted = new ArrayList<>();
        try {
            JSON.readTree(sequences).forEach(n -> wanted.add(n.asLong()));
        } catch (JsonProcessingException e) {
            throw new InternalException("stored stock key entries are not a JSON array", e);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Array ids = c.createArrayOf("bigint", wanted.toArray());
        List<LedgerEntry> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT sequence, body FROM omskit_stock_ledger"
                + " WHERE tenant = ? AND sequence = ANY (?) ORDER BY sequence")) {
            p.setString(1, tenant.value());
            p.setArray(2, ids);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new LedgerEntry(tenant, r.getLong(1), codec.read(r.getString(2), Movement.class)));
                }
            }
        }
        return out;
    }

    private static String sequences(List<LedgerEntry> entries) {
        ArrayNode a = JSON.createArrayNode();
        entries.forEach(e -> a.add(e.sequence()));
        return a.toString();
    }

    private static boolean open(PurchaseOrder po) {
        return po.status().equals(PurchaseOrderLifecycle.DRAFT) || PurchaseOrderLifecycle.receivable(po.status());
    }

    private static void sameTenant(StockCommit commit, TenantId tenant, String what) {
        if (!tenant.equals(commit.tenant())) {
            throw new IllegalArgumentException(
                    what + " belongs to tenant '" + tenant + "', not to the commit's tenant '" + commit.tenant() + "'");
        }
    }

    // ------------------------------------------------------------------------------------------------- cells

    @Override
    public StockLevel level(TenantId tenant, Sku sku, LocationId location) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
        return db.read(c -> Sql.first(levels(
                        c,
                        "SELECT * FROM omskit_stock_cell WHERE tenant = ? AND sku = ? AND location = ?",
                        tenant.value(),
                        sku.value(),
                        location.value()))
                .orElse(StockLevel.empty(sku, location)));
    }

    @Override
    public List<StockLevel> levels(TenantId tenant, Sku sku) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("sku", sku);
        return db.read(c -> levels(
                c,
                "SELECT * FROM omskit_stock_cell WHERE tenant = ? AND sku = ? ORDER BY location COLLATE \"C\"",
                tenant.value(),
                sku.value()));
    }

    @Override
    public Map<Sku, List<StockLevel>> levels(TenantId tenant, Collection<Sku> skus) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("skus", skus);
        Map<Sku, List<StockLevel>> out = new LinkedHashMap<>();
        for (Sku sku : skus) {
            out.put(sku, new ArrayList<>());
        }
        if (skus.isEmpty()) {
            return out;
        }
        List<StockLevel> all = db.read(c -> {
            Array names = c.createArrayOf("text", skus.stream().map(Sku::value).toArray());
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM omskit_stock_cell WHERE tenant = ?"
                    + " AND sku = ANY (?) ORDER BY sku COLLATE \"C\", location COLLATE \"C\"")) {
                p.setString(1, tenant.value());
                p.setArray(2, names);
                return levels(p);
            }
        });
        for (StockLevel level : all) {
            out.get(level.sku()).add(level);
        }
        out.replaceAll((sku, list) -> List.copyOf(list));
        return out;
    }

    @Override
    public List<StockLevel> allLevels(TenantId tenant) {
        Checks.notNull("tenant", tenant);
        return db.read(c -> levels(
                c,
                "SELECT * FROM omskit_stock_cell WHERE tenant = ? ORDER BY sku COLLATE \"C\", location COLLATE \"C\"",
                tenant.value()));
    }

    @Override
    public void setSafetyStock(TenantId tenant, Sku sku, LocationId location, int units) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
        if (units < 0) {
            throw new IllegalArgumentException("safety stock must not be negative; was " + units);
        }
        db.transaction(c -> Sql.update(
                c,
                "INSERT INTO omskit_stock_cell (tenant, sku, location, on_hand, reserved, quarantined, in_transit,"
                        + " safety_stock) VALUES (?, ?, ?, 0, 0, 0, 0, ?) ON CONFLICT (tenant, sku, location)"
                        + " DO UPDATE SET safety_stock = EXCLUDED.safety_stock",
                tenant.value(),
                sku.value(),
                location.value(),
                units));
    }

    /**
     * Changes a cell's counters without a ledger entry (drift, as a hand-edited database would make it):
     * for the repair tool's tests only. Never use it for real stock.
     */
    public void corruptCountersForTesting(TenantId tenant, CellChange change) {
        db.transaction(c -> {
            int changed = Sql.update(
                    c,
                    "UPDATE omskit_stock_cell SET on_hand = on_hand + ?, reserved = reserved + ?,"
                            + " quarantined = quarantined + ?, in_transit = in_transit + ?"
                            + " WHERE tenant = ? AND sku = ? AND location = ?",
                    change.onHand(),
                    change.reserved(),
                    change.quarantined(),
                    change.inTransit(),
                    tenant.value(),
                    change.sku().value(),
                    change.location().value());
            if (changed == 0) {
                throw new IllegalArgumentException("no cell " + change.sku() + "@" + change.location());
            }
            return null;
        });
    }

    // ----------------------------------------------------------------------------------------------- records

    @Override
    public Optional<Reservation> reservation(TenantId tenant, ReservationId id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("id", id);
        return byId("omskit_reservation", Reservation.class, tenant, id.value());
    }

    @Override
    public List<Reservation> reservationsFor(TenantId tenant, String reference) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("reference", reference);
        return readBodies(
                "SELECT body FROM omskit_reservation WHERE tenant = ? AND reference = ?"
                        + " ORDER BY created_at, id COLLATE \"C\"",
                Reservation.class,
                tenant.value(),
                reference);
    }

    @Override
    public List<Reservation> openReservations(TenantId tenant) {
        Checks.notNull("tenant", tenant);
        return readBodies(
                "SELECT body FROM omskit_reservation WHERE tenant = ? AND is_open ORDER BY id COLLATE \"C\"",
                Reservation.class,
                tenant.value());
    }

    @Override
    public List<Reservation> expiredHolds(Instant asOf, int limit) {
        Checks.notNull("asOf", asOf);
        if (limit < 1) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        List<Reservation> found = readBodies(
                "SELECT body FROM omskit_reservation WHERE hold_expires_at <= ?"
                        + " ORDER BY hold_expires_at, tenant COLLATE \"C\", id COLLATE \"C\" LIMIT ?",
                Reservation.class,
                Sql.time(asOf),
                limit);
        return found.stream().filter(r -> r.isExpiredAt(asOf)).toList();
    }

    @Override
    public Optional<Transfer> transfer(TenantId tenant, TransferId id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("id", id);
        return byId("omskit_transfer", Transfer.class, tenant, id.value());
    }

    @Override
    public List<Transfer> transfersInTransit(TenantId tenant, LocationId location) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("location", location);
        return readBodies(
                "SELECT body FROM omskit_transfer WHERE tenant = ? AND destination = ? AND in_transit"
                        + " ORDER BY created_at, id COLLATE \"C\"",
                Transfer.class,
                tenant.value(),
                location.value());
    }

    @Override
    public Optional<PurchaseOrder> purchaseOrder(TenantId tenant, PurchaseOrderId id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("id", id);
        return byId("omskit_purchase_order", PurchaseOrder.class, tenant, id.value());
    }

    @Override
    public List<PurchaseOrder> openPurchaseOrders(TenantId tenant) {
        Checks.notNull("tenant", tenant);
        return readBodies(
                "SELECT body FROM omskit_purchase_order WHERE tenant = ? AND is_open"
                        + " ORDER BY created_at, id COLLATE \"C\"",
                PurchaseOrder.class,
                tenant.value());
    }

    @Override
    public Optional<Backorder> backorder(TenantId tenant, String id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("id", id);
        return byId("omskit_backorder", Backorder.class, tenant, id);
    }

    @Override
    public List<Backorder> openBackorders(TenantId tenant, Sku sku, int limit) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("sku", sku);
        if (limit < 1) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        return readBodies(
                "SELECT body FROM omskit_backorder WHERE tenant = ? AND sku = ? AND is_open"
                        + " ORDER BY since, id COLLATE \"C\" LIMIT ?",
                Backorder.class,
                tenant.value(),
                sku.value(),
                limit);
    }

    @Override
    public List<Backorder> backordersFor(TenantId tenant, String reference) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("reference", reference);
        return readBodies(
                "SELECT body FROM omskit_backorder WHERE tenant = ? AND reference = ? ORDER BY since, id COLLATE \"C\"",
                Backorder.class,
                tenant.value(),
                reference);
    }

    @Override
    public List<LedgerEntry> ledger(TenantId tenant, Sku sku, LocationId location, long afterSequence, int limit) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("sku", sku);
        Checks.notNull("location", location);
        if (limit < 1) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        return db.read(c -> {
            List<LedgerEntry> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT sequence, body FROM omskit_stock_ledger"
                    + " WHERE tenant = ? AND sku = ? AND location = ? AND sequence > ? ORDER BY sequence LIMIT ?")) {
                p.setString(1, tenant.value());
                p.setString(2, sku.value());
                p.setString(3, location.value());
                p.setLong(4, afterSequence);
                p.setInt(5, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new LedgerEntry(tenant, r.getLong(1), codec.read(r.getString(2), Movement.class)));
                    }
                }
            }
            return out;
        });
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** The JSON bodies of one single-statement query, read as {@code type}. */
    private <T> List<T> readBodies(String sql, Class<T> type, Object... args) {
        return db.read(c -> Sql.bodies(codec, c, sql, type, args));
    }

    /** When a reservation's hold lapses: only a {@code HELD} one has a hold. */
    private static Instant holdExpiry(Reservation r) {
        return r.status() == ReservationStatus.HELD ? r.expiresAt().orElse(null) : null;
    }

    /** The record of {@code table} with this tenant and id. */
    private <T> Optional<T> byId(String table, Class<T> type, TenantId tenant, String id) {
        return Sql.first(
                readBodies("SELECT body FROM " + table + " WHERE tenant = ? AND id = ?", type, tenant.value(), id));
    }

    private static List<StockLevel> levels(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            Sql.bind(p, args);
            return levels(p);
        }
    }

    private static List<StockLevel> levels(PreparedStatement p) throws SQLException {
        List<StockLevel> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new StockLevel(
                        Sku.of(r.getString("sku")),
                        LocationId.of(r.getString("location")),
                        r.getInt("on_hand"),
                        r.getInt("reserved"),
                        r.getInt("quarantined"),
                        r.getInt("in_transit"),
                        r.getInt("safety_stock")));
            }
        }
        return out;
    }
}
