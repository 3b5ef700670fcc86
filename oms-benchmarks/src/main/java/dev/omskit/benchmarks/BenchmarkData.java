package dev.omskit.benchmarks;

import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.spi.EventStore;
import dev.omskit.core.spi.OutboxEntry;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inputs and plumbing shared by the benchmarks: rings of precomputed commands (built in {@code @Setup}, so
 * that building inputs is never measured), the facade over a fresh {@link InMemoryStorage}, and the outbox
 * drain that stands in for a relay. Not thread-safe; each benchmark thread owns its own.
 */
final class BenchmarkData {
    /** Distinct SKUs the orders draw from (S1: 10,000 SKUs, no hot spot). */
    static final int SKUS = 10_000;

    /** The fixed instant every benchmark clock shows; nothing in a measured path reads the system clock. */
    static final String EPOCH = "2026-11-11T00:00:00Z";

    /** Order ids {@link SequentialIds} gives in a fresh store: the k-th capture (from 0) gets {@code o-(k+1)}. */
    static final String ID_PREFIX = "o-";

    private static final Actor SYSTEM = Actor.system("benchmark");

    private BenchmarkData() {}

    /**
     * The SKU code of index {@code i}; a new string on every call, as when parsed from a request (so a map
     * keyed by another instance compares characters, not references).
     */
    static String sku(int i) {
        return "SKU-" + i;
    }

    /**
     * {@code count} valid web-store captures of {@code lines} lines each, with channel order ids {@code
     * S1-0}, {@code S1-1} ... (unique within the ring), SKUs drawn uniformly from {@link #SKUS} (distinct
     * within an order), 1 to 3 units per line, prices from 10,000 to 999,000 VND with 10% VAT. The same
     * seed gives the same ring.
     */
    static CaptureOrder[] captures(int count, int lines, long seed) {
        if (lines < 1 || lines > 100) {
            throw new IllegalArgumentException("lines must be 1 to 100; was " + lines);
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] skus = new String[SKUS];
        Money[] prices = new Money[SKUS];
        for (int i = 0; i < SKUS; i++) {
            skus[i] = sku(i);
            prices[i] = OrderFixtures.vnd(10_000L + 1_000L * random.nextInt(990));
        }
        VatRate vat = VatRate.percent(10);
        Address address = OrderFixtures.address();
        Buyer buyer =
                Buyer.builder().name("Nguyen Van An").email("an@example.com").build();
        Actor channel = Actor.channel(OrderFixtures.WEB.id());
        CaptureOrder[] ring = new CaptureOrder[count];
        for (int k = 0; k < count; k++) {
            List<LineInput> in = new ArrayList<>(lines);
            int base = random.nextInt(SKUS);
            for (int j = 0; j < lines; j++) {
                // 2,003 is prime to 10,000, so the lines of one order never share a SKU
                int s = (base + j * 2_003) % SKUS;
                in.add(LineInput.builder()
                        .sku(skus[s])
                        .quantity(1 + random.nextInt(3))
                        .unitPrice(prices[s])
                        .vatRate(vat)
                        .build());
            }
            ring[k] = CaptureOrder.builder()
                    .tenant(OrderFixtures.TENANT)
                    .channel(OrderFixtures.WEB)
                    .channelOrderId("S1-" + k)
                    .actor(channel)
                    .buyer(buyer)
                    .shippingAddress(address)
                    .currency("VND")
                    .lines(in)
                    .paymentStatus(PaymentStates.PAID)
                    .build();
        }
        return ring;
    }

    /** The order id the {@code k}-th capture (from 0) into a fresh store gets. */
    static OrderId orderId(int k) {
        return OrderId.of(ID_PREFIX + (k + 1));
    }

    /** {@code trigger} on every unit of order {@link #orderId(int) orderId(k)}, by the system. */
    static TransitionOrder transition(int k, Trigger trigger) {
        return TransitionOrder.builder()
                .tenant(OrderFixtures.TENANT)
                .orderId(orderId(k))
                .actor(SYSTEM)
                .trigger(trigger)
                .build();
    }

    /** {@link #transition(int, Trigger)} for {@code k} from 0 to {@code count - 1}. */
    static TransitionOrder[] transitions(int count, Trigger trigger) {
        TransitionOrder[] ring = new TransitionOrder[count];
        for (int k = 0; k < count; k++) {
            ring[k] = transition(k, trigger);
        }
        return ring;
    }

    /**
     * The facade as S1 configures it: over {@code storage}, a fixed manual clock, sequential ids, no
     * listeners, no metrics, events left in the outbox ({@code deliverEventsAfterCommit(false)}).
     */
    static Oms oms(InMemoryStorage storage) {
        return Oms.builder()
                .storage(storage)
                .clock(ManualClock.at(EPOCH))
                .idGenerator(SequentialIds.withPrefix(ID_PREFIX))
                .config(OmsConfig.builder().deliverEventsAfterCommit(false).build())
                .build();
    }

    /**
     * Acknowledges every pending outbox entry, as a relay with a no-op listener would, and returns how
     * many it acknowledged.
     */
    static int drainOutbox(EventStore events) {
        int drained = 0;
        List<OutboxEntry> batch;
        while (!(batch = events.pending(4096)).isEmpty()) {
            List<Long> positions = new ArrayList<>(batch.size());
            for (OutboxEntry entry : batch) {
                positions.add(entry.position());
            }
            events.acknowledge(positions);
            drained += positions.size();
        }
        return drained;
    }

    /** Throws {@link IllegalStateException} with {@code message} unless {@code ok}: a broken invariant fails the run. */
    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("benchmark invariant broken: " + message);
        }
    }
}
