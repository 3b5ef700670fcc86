package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.ACTOR;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.CountStock;
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
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of inventory operations on two SKUs at two locations, checked after every step against
 * a reference model of the counters: every cell matches, nothing is negative, reserved never exceeds on
 * hand and equals the open units of the open reservations; at the end the drift check is clean.
 */
@Label("Inventory operation sequences")
class InventoryPropertiesTest {
    private static final List<Sku> SKUS = List.of(TEE, MUG);
    private static final List<LocationId> LOCS = List.of(WH_HCM, WH_HN);
    private static final Duration HOLD = Duration.ofMinutes(10);

    enum Kind {
        RESERVE,
        CONFIRM,
        RELEASE,
        CONSUME,
        ADVANCE,
        RECEIVE,
        ADJUST,
        TRANSFER,
        RECEIVE_TRANSFER,
        COUNT
    }

    /** One operation; a..d are read per kind (which SKU, location, reservation, how many). */
    record Step(Kind kind, int a, int b, int c, int d) {}

    /** A reservation as the model sees it: units open per line ref, and at which cell. */
    static final class ModelReservation {
        final ReservationId id;
        final Map<String, int[]> lines = new LinkedHashMap<>(); // ref -> {sku, loc, open}
        boolean open = true;
        boolean consumed;
        boolean held;
        Instant expiresAt;

        ModelReservation(ReservationId id) {
            this.id = id;
        }
    }

    record ModelTransfer(TransferId id, int sku, int from, int to, int units, boolean[] received) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> digit = Arbitraries.integers().between(0, 9);
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), digit, digit, digit, digit)
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 1000)
    @Label("any operation sequence keeps the counters equal to the model and the ledger")
    void anySequence_keepsCountersEqualToModel(@ForAll("steps") List<Step> steps) {
        InventoryFixture f = InventoryFixture.create();
        int[][] cells = new int[4][4]; // [sku * 2 + loc] -> onHand, reserved, quarantined, inTransit
        List<ModelReservation> reservations = new ArrayList<>();
        List<ModelTransfer> transfers = new ArrayList<>();

        for (Step s : steps) {
            switch (s.kind()) {
                case RESERVE -> reserve(f, s, cells, reservations);
                case CONFIRM -> confirm(f, s, reservations);
                case RELEASE, CONSUME -> releaseOrConsume(f, s, cells, reservations);
                case ADVANCE -> advance(f, s, cells, reservations);
                case RECEIVE -> receive(f, s, cells);
                case ADJUST -> adjust(f, s, cells);
                case TRANSFER -> transfer(f, s, cells, transfers);
                case RECEIVE_TRANSFER -> receiveTransfer(f, s, cells, transfers);
                case COUNT -> count(f, s, cells);
            }
            assertMatches(f, cells, s);
        }
        assertThat(f.inventory.checkDrift(TENANT).drifts()).isEmpty();
    }

    private static int[] cell(int[][] cells, int sku, int loc) {
        return cells[sku * 2 + loc];
    }

    private static void reserve(InventoryFixture f, Step s, int[][] cells, List<ModelReservation> reservations) {
        int lineCount = 1 + s.a() % 2;
        ReserveStock.Builder b = ReserveStock.builder()
                .tenant(TENANT)
                .reference("order:o-" + (reservations.size() + 1))
                .actor(ACTOR);
        if (s.a() >= 5) {
            b.holdFor(HOLD);
        }
        Map<Integer, Integer> requested = new HashMap<>();
        List<int[]> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            int sku = (s.b() + i) % 2;
            int loc = (s.c() + i) % 2;
            int qty = 1 + (s.d() + 3 * i) % 8;
            b.addLines(StockLine.of("l" + i, SKUS.get(sku), LOCS.get(loc), qty));
            requested.merge(sku * 2 + loc, qty, Integer::sum);
            lines.add(new int[] {sku, loc, qty});
        }
        boolean fits = requested.entrySet().stream()
                .allMatch(e -> cells[e.getKey()][0] - cells[e.getKey()][1] >= e.getValue());

        ReserveResult result = f.inventory.reserve(b.build());

        assertThat(result.isReserved())
                .as("reserve %s with %s", lines, requested)
                .isEqualTo(fits);
        if (!fits) {
            assertThat(result.shortfalls()).isNotEmpty();
            return;
        }
        Reservation r = result.reservation().orElseThrow();
        ModelReservation m = new ModelReservation(r.id());
        m.held = s.a() >= 5;
        m.expiresAt = m.held ? f.clock.instant().plus(HOLD) : null;
        for (int i = 0; i < lines.size(); i++) {
            int[] l = lines.get(i);
            m.lines.put("l" + i, new int[] {l[0], l[1], l[2]});
            cell(cells, l[0], l[1])[1] += l[2];
        }
        reservations.add(m);
    }

    private static void confirm(InventoryFixture f, Step s, List<ModelReservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        ModelReservation m = reservations.get(s.a() % reservations.size());
        if (!m.open) {
            assertRejected(() -> f.inventory.confirm(TENANT, m.id), StockRejectedException.NOT_OPEN);
        } else if (m.held && !m.expiresAt.isAfter(f.clock.instant())) {
            assertRejected(() -> f.inventory.confirm(TENANT, m.id), StockRejectedException.HOLD_EXPIRED);
        } else {
            assertThat(f.inventory.confirm(TENANT, m.id).status()).isEqualTo(ReservationStatus.CONFIRMED);
            m.held = false;
        }
    }

    private static void releaseOrConsume(
            InventoryFixture f, Step s, int[][] cells, List<ModelReservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        boolean consume = s.kind() == Kind.CONSUME;
        ModelReservation m = reservations.get(s.a() % reservations.size());
        Map<String, Integer> units = new HashMap<>();
        String ref = null;
        if (s.b() % 2 == 1) {
            List<String> refs = new ArrayList<>(m.lines.keySet());
            ref = refs.get(s.c() % refs.size());
            units.put(ref, 1 + s.d() % (m.lines.get(ref)[2] + 1));
        }
        Runnable call = consume
                ? () -> f.inventory.consume(TENANT, m.id, units, "shipment:s-1", ACTOR)
                : () -> f.inventory.release(TENANT, m.id, units);
        if (!m.open) {
            if (consume || !units.isEmpty()) {
                assertRejected(call::run, StockRejectedException.NOT_OPEN);
            } else {
                call.run();
            }
            return;
        }
        if (ref != null && units.get(ref) > m.lines.get(ref)[2]) {
            assertThatThrownBy(call::run).isInstanceOf(InvalidArgumentException.class);
            return;
        }
        call.run();
        m.consumed |= consume;
        int left = 0;
        for (Map.Entry<String, int[]> e : m.lines.entrySet()) {
            int[] l = e.getValue();
            int u = ref == null ? l[2] : e.getKey().equals(ref) ? units.get(ref) : 0;
            l[2] -= u;
            left += l[2];
            int[] c = cell(cells, l[0], l[1]);
            c[1] -= u;
            if (consume) {
                c[0] -= u;
            }
        }
        m.open = left > 0;
    }

    private static void advance(InventoryFixture f, Step s, int[][] cells, List<ModelReservation> reservations) {
        Instant now = f.clock.advance(Duration.ofMinutes(1 + 2L * s.a()));
        Map<ReservationId, ReservationStatus> due = new HashMap<>();
        for (ModelReservation m : reservations) {
            if (m.open && m.held && !m.expiresAt.isAfter(now)) {
                // a hold that was partly shipped before it lapsed ends FULFILLED, else EXPIRED
                due.put(m.id, m.consumed ? ReservationStatus.FULFILLED : ReservationStatus.EXPIRED);
                for (int[] l : m.lines.values()) {
                    cell(cells, l[0], l[1])[1] -= l[2];
                    l[2] = 0;
                }
                m.open = false;
            }
        }
        List<Reservation> expired = f.inventory.expireHolds(1000);
        assertThat(expired).allSatisfy(r -> assertThat(r.status()).isEqualTo(due.get(r.id())));
        assertThat(expired).extracting(Reservation::id).containsExactlyInAnyOrderElementsOf(due.keySet());
    }

    private static void receive(InventoryFixture f, Step s, int[][] cells) {
        int good = s.c();
        int damaged = s.d() % 3;
        ReceiveGoods receipt = ReceiveGoods.builder()
                .tenant(TENANT)
                .location(LOCS.get(s.b() % 2))
                .addLines(ReceiptLine.inspected(SKUS.get(s.a() % 2), good, damaged, "dented"))
                .actor(ACTOR)
                .build();
        if (good + damaged == 0) {
            assertThatThrownBy(() -> f.inventory.receive(receipt)).isInstanceOf(InvalidArgumentException.class);
            return;
        }
        f.inventory.receive(receipt);
        int[] c = cell(cells, s.a() % 2, s.b() % 2);
        c[0] += good;
        c[2] += damaged;
    }

    private static void adjust(InventoryFixture f, Step s, int[][] cells) {
        int delta = s.c() - 5;
        boolean quarantine = s.d() % 3 == 0;
        AdjustStock adjustment = AdjustStock.builder()
                .tenant(TENANT)
                .sku(SKUS.get(s.a() % 2))
                .location(LOCS.get(s.b() % 2))
                .bucket(quarantine ? StockBucket.QUARANTINED : StockBucket.ON_HAND)
                .delta(delta)
                .reason("cycle check")
                .actor(ACTOR)
                .build();
        int[] c = cell(cells, s.a() % 2, s.b() % 2);
        if (delta == 0) {
            assertThatThrownBy(() -> f.inventory.adjust(adjustment)).isInstanceOf(InvalidArgumentException.class);
        } else if (quarantine ? c[2] + delta < 0 : c[0] + delta < c[1]) {
            assertRejected(() -> f.inventory.adjust(adjustment), StockRejectedException.INSUFFICIENT_STOCK);
        } else {
            f.inventory.adjust(adjustment);
            c[quarantine ? 2 : 0] += delta;
        }
    }

    private static void transfer(InventoryFixture f, Step s, int[][] cells, List<ModelTransfer> transfers) {
        int sku = s.a() % 2;
        int from = s.b() % 2;
        int to = 1 - from;
        int units = 1 + s.c() % 6;
        TransferStock command = TransferStock.builder()
                .tenant(TENANT)
                .from(LOCS.get(from))
                .to(LOCS.get(to))
                .putLines(SKUS.get(sku), units)
                .expectedAt(f.clock.instant().plus(Duration.ofDays(1)))
                .actor(ACTOR)
                .build();
        int[] source = cell(cells, sku, from);
        if (source[0] - source[1] < units) {
            assertRejected(() -> f.inventory.transfer(command), StockRejectedException.INSUFFICIENT_STOCK);
            return;
        }
        Transfer t = f.inventory.transfer(command);
        source[0] -= units;
        cell(cells, sku, to)[3] += units;
        transfers.add(new ModelTransfer(t.id(), sku, from, to, units, new boolean[1]));
    }

    private static void receiveTransfer(InventoryFixture f, Step s, int[][] cells, List<ModelTransfer> transfers) {
        if (transfers.isEmpty()) {
            return;
        }
        ModelTransfer t = transfers.get(s.a() % transfers.size());
        ReceiveTransfer.Builder b =
                ReceiveTransfer.builder().tenant(TENANT).transfer(t.id()).actor(ACTOR);
        int good = t.units();
        int damaged = 0;
        if (s.b() % 3 != 0) {
            good = Math.min(t.units(), s.c());
            damaged = Math.min(t.units() - good, s.d() % 3);
            b.putReceived(SKUS.get(t.sku()), good).putDamaged(SKUS.get(t.sku()), damaged);
        }
        if (t.received()[0]) {
            assertRejected(() -> f.inventory.receiveTransfer(b.build()), StockRejectedException.ALREADY_RECEIVED);
            return;
        }
        f.inventory.receiveTransfer(b.build());
        t.received()[0] = true;
        int[] c = cell(cells, t.sku(), t.to());
        c[0] += good;
        c[2] += damaged;
        c[3] -= t.units();
    }

    private static void count(InventoryFixture f, Step s, int[][] cells) {
        int counted = s.c() + s.d();
        CountStock command = CountStock.builder()
                .tenant(TENANT)
                .location(LOCS.get(s.b() % 2))
                .putCounted(SKUS.get(s.a() % 2), counted)
                .actor(ACTOR)
                .build();
        int[] c = cell(cells, s.a() % 2, s.b() % 2);
        if (counted < c[1]) {
            assertRejected(() -> f.inventory.count(command), StockRejectedException.BELOW_RESERVED);
            return;
        }
        f.inventory.count(command);
        c[0] = counted;
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StockRejectedException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    private static void assertMatches(InventoryFixture f, int[][] cells, Step after) {
        Map<String, Integer> reservedByCell = new HashMap<>();
        for (Reservation r : f.store.openReservations(TENANT)) {
            for (ReservationLine l : r.lines()) {
                reservedByCell.merge(l.sku() + "@" + l.location(), l.open(), Integer::sum);
            }
        }
        for (int sku = 0; sku < 2; sku++) {
            for (int loc = 0; loc < 2; loc++) {
                StockLevel level = f.level(SKUS.get(sku), LOCS.get(loc));
                int[] c = cell(cells, sku, loc);
                assertThat(new int[] {level.onHand(), level.reserved(), level.quarantined(), level.inTransit()})
                        .as("%s after %s", level, after)
                        .containsExactly(c);
                assertThat(level.onHand()).isGreaterThanOrEqualTo(level.reserved());
                assertThat(level.reserved()).isNotNegative();
                assertThat(level.quarantined()).isNotNegative();
                assertThat(level.inTransit()).isNotNegative();
                assertThat(level.reserved())
                        .as("reserved of %s equals the open units of open reservations", level)
                        .isEqualTo(reservedByCell.getOrDefault(level.sku() + "@" + level.location(), 0));
            }
        }
    }
}
