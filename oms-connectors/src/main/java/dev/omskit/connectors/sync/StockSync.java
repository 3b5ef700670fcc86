package dev.omskit.connectors.sync;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.channel.StockPushResult;
import dev.omskit.connectors.channel.StockUpdate;
import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.Availability;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stock out: one {@code PUSH_STOCK} item per channel and SKU, coalescing every change until it runs. The
 * push reads the ATP when it runs and stamps it with the item's version, which grows with every change of
 * the item and lives in the work store, so a figure read later always carries a higher version.
 */
final class StockSync {
    static final String SKU = "sku";
    static final String FORCE = "force";
    static final String PUSHED_UNITS = "pushed.available";
    static final String PUSHED_VERSION = "pushed.version";

    private final SyncEngine engine;
    private final java.util.concurrent.ConcurrentHashMap<TenantId, Set<Sku>> dirty =
            new java.util.concurrent.ConcurrentHashMap<>();

    StockSync(SyncEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, SyncHandler> handlers) {
        handlers.put(
                SyncWorkType.PUSH_STOCK, SyncHandler.batched(engine.config().stockBatchSize(), this::push));
    }

    static String key(String connector, Sku sku) {
        return "stock/" + connector + "/" + sku.value();
    }

    /**
     * Stock of {@code skus} changed, as core's inventory listener reports it on the thread that reserved or
     * received: only noted in memory here, so a reservation pays nothing for the channels; the next round
     * turns the noted SKUs into pushes ({@link #flush}). A change noted by a process that dies before its
     * next round is pushed by {@code reconcileStock} at start-up, or by the outbox when an order caused it.
     */
    void noted(TenantId tenant, Set<Sku> skus) {
        dirty.computeIfAbsent(tenant, t -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                .addAll(skus);
    }

    /** Asks for the pushes of every SKU noted since the last round. */
    void flush() {
        for (TenantId tenant : dirty.keySet()) {
            Set<Sku> noted = dirty.get(tenant);
            if (noted == null || noted.isEmpty()) {
                continue;
            }
            Set<Sku> taken = new java.util.TreeSet<>();
            for (Sku sku : noted) {
                if (noted.remove(sku)) {
                    taken.add(sku);
                }
            }
            try {
                changed(tenant, taken);
            } catch (RuntimeException e) {
                noted.addAll(taken); // the work store refused: keep them for the next round
                throw e;
            }
        }
    }

    /** Stock of {@code skus} changed: every channel listing one gets a push (coalesced with pending ones). */
    void changed(TenantId tenant, Set<Sku> skus) {
        for (ChannelBinding b : engine.channels(tenant)) {
            if (!b.connector().can(SalesChannel.PUSH_STOCK)) {
                continue;
            }
            for (Sku sku : skus) {
                if (b.lists(sku)) {
                    ask(b, sku, false);
                }
            }
        }
    }

    int reconcile(TenantId tenant, Set<Sku> skus) {
        int asked = 0;
        for (ChannelBinding b : engine.channels(tenant)) {
            if (!b.connector().can(SalesChannel.PUSH_STOCK)) {
                continue;
            }
            for (Sku sku : skus) {
                if (b.lists(sku)) {
                    ask(b, sku, true);
                    asked++;
                }
            }
        }
        return asked;
    }

    void fanOut(Order order, Instant now) {
        Set<Sku> skus = new LinkedHashSet<>();
        for (OrderLine line : order.lines()) {
            skus.add(line.sku());
        }
        changed(order.tenant(), skus);
    }

    /** Asks for a push, carrying what the channel was last told so that an unchanged figure is not sent. */
    private void ask(ChannelBinding b, Sku sku, boolean force) {
        String key = key(b.connectorId(), sku);
        Map<String, String> payload = new HashMap<>();
        payload.put(SKU, sku.value());
        Optional<SyncWork> existing = engine.work().find(b.tenant(), key);
        if (existing.isPresent()) {
            Map<String, String> held = existing.get().payload();
            copy(held, payload, PUSHED_UNITS);
            copy(held, payload, PUSHED_VERSION);
            if (existing.get().state() == SyncState.PENDING && "true".equals(held.get(FORCE))) {
                force = true;
            }
        }
        if (force) {
            payload.put(FORCE, "true");
        }
        engine.work()
                .enqueue(
                        b.tenant(),
                        key,
                        b.connectorId(),
                        SyncWorkType.PUSH_STOCK,
                        payload,
                        engine.clock().instant());
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String field) {
        String v = from.get(field);
        if (v != null) {
            to.put(field, v);
        }
    }

    private Map<String, SyncOutcome> push(List<SyncWork> leased) {
        SyncWork first = leased.get(0);
        Map<String, SyncOutcome> out = new LinkedHashMap<>();
        Optional<ChannelBinding> binding = engine.findChannel(first.tenant(), first.connector());
        Optional<Inventory> inventory = engine.oms().inventory();
        if (binding.isEmpty() || inventory.isEmpty()) {
            leased.forEach(w -> out.put(
                    w.key(),
                    binding.isEmpty()
                            ? SyncOutcome.of(SyncEngine.notServed(w))
                            : new SyncOutcome.Park(FailureKind.NOT_RETRYABLE, "no inventory")));
            return out;
        }
        ChannelBinding b = binding.get();
        Map<Sku, SyncWork> bySku = new LinkedHashMap<>();
        for (SyncWork w : leased) {
            bySku.put(Sku.of(w.payload().get(SKU)), w);
        }
        Map<Sku, Integer> atp = read(inventory.get(), b, bySku, out);
        List<StockUpdate> updates = new ArrayList<>();
        Map<StockUpdate.Key, SyncWork> byKey = new HashMap<>();
        for (Map.Entry<Sku, Integer> e : atp.entrySet()) {
            SyncWork w = bySku.get(e.getKey());
            String pushed = w.payload().get(PUSHED_UNITS);
            if (!"true".equals(w.payload().get(FORCE))
                    && String.valueOf(e.getValue()).equals(pushed)) {
                out.put(
                        w.key(),
                        SyncOutcome.done(told(e.getKey(), pushed, w.payload().get(PUSHED_VERSION))));
                continue;
            }
            StockUpdate u = StockUpdate.of(e.getKey(), e.getValue(), w.version());
            updates.add(u);
            byKey.put(u.key(), w);
        }
        if (updates.isEmpty()) {
            return out;
        }
        StockPushResult result;
        try {
            result = engine.caller().call(b.connectorId(), b.account(), "pushStock", () -> b.connector()
                    .pushStock(updates));
        } catch (RuntimeException e) {
            SyncOutcome failed = SyncOutcome.of(e);
            byKey.values().forEach(w -> out.put(w.key(), failed));
            return out;
        }
        for (StockUpdate u : result.applied()) {
            SyncWork w = byKey.remove(u.key());
            if (w != null) {
                out.put(
                        w.key(),
                        SyncOutcome.done(told(u.sku(), String.valueOf(u.available()), String.valueOf(u.version()))));
            }
        }
        for (StockPushResult.Stale s : result.stale()) {
            SyncWork w = byKey.remove(s.update().key());
            if (w != null) {
                // the channel holds a newer figure than this one: nothing to send, and no figure to trust
                out.put(w.key(), SyncOutcome.done(Map.of(SKU, s.update().sku().value())));
            }
        }
        for (SyncWork w : byKey.values()) {
            out.put(
                    w.key(),
                    new SyncOutcome.Later(
                            FailureKind.RETRYABLE,
                            "the channel reported neither applied nor stale for "
                                    + w.payload().get(SKU),
                            Optional.empty(),
                            true));
        }
        return out;
    }

    /** ATP per SKU in one bulk read; SKUs that cannot be read on their own are parked with the reason. */
    private Map<Sku, Integer> read(
            Inventory inventory, ChannelBinding b, Map<Sku, SyncWork> bySku, Map<String, SyncOutcome> out) {
        Map<Sku, Integer> atp = new LinkedHashMap<>();
        try {
            Map<Sku, Availability> all = inventory.availability(
                    b.tenant(), bySku.keySet(), b.channel().id());
            all.forEach((sku, a) -> atp.put(sku, a.atp()));
            return atp;
        } catch (RuntimeException bulk) {
            for (Map.Entry<Sku, SyncWork> e : bySku.entrySet()) {
                try {
                    atp.put(
                            e.getKey(),
                            inventory
                                    .availability(
                                            b.tenant(), e.getKey(), b.channel().id())
                                    .atp());
                } catch (RuntimeException one) {
                    out.put(e.getValue().key(), SyncOutcome.of(one));
                }
            }
            return atp;
        }
    }

    private static Map<String, String> told(Sku sku, String units, String version) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SKU, sku.value());
        if (units != null) {
            out.put(PUSHED_UNITS, units);
        }
        if (version != null) {
            out.put(PUSHED_VERSION, version);
        }
        return out;
    }
}
