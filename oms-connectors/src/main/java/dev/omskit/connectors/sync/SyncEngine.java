package dev.omskit.connectors.sync;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.Oms;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.event.OmsEventListener;
import dev.omskit.core.inventory.InventoryListener;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync engine: keeps omskit and the remote systems in step, and never loses work doing it.
 *
 * <ul>
 *   <li><b>Orders in.</b> Channel orders arrive by {@link #acceptWebhook webhook} or by polling (cursors in
 *       the {@link CursorStore}, moved only after the page is stored as work). Each becomes an {@code
 *       INGEST_ORDER} item keyed by channel and channel order id, so duplicates and reordered notices
 *       collapse into one, the newest data winning. The item captures the order in core (idempotent per
 *       channel order id: exactly once), then allocates and acknowledges it as further work. A malformed
 *       order is parked with its problems, never dropped.
 *   <li><b>Stock out.</b> Every stock change (core's {@link InventoryListener#onChange}, noted in memory
 *       on the reserving thread and turned into work at the start of the next round, so a reservation
 *       pays nothing for the channels; and every order change from the outbox) asks for a {@code
 *       PUSH_STOCK} item per channel and SKU; a burst coalesces into one item. The push reads the channel's ATP when it runs, so it always sends the current
 *       figure, stamped with the item's version: versions grow with every change and survive restarts (they
 *       live in the work store), so a channel never applies an older figure over a newer one.
 *   <li><b>Status out</b> (shipments with tracking, cancellations), <b>shipments</b> booked at carriers and
 *       tracking applied, <b>invoices</b> issued: each a kind of work created from the outbox through {@link
 *       #outboxListener} (an {@code ORDER_CHANGED} item per order, which works out what each remote system
 *       must hear).
 *   <li><b>Products</b>, on the host's call: {@link #pushProducts} based on the channel version last known,
 *       so a merchant's edit in the channel is a parked conflict, never overwritten; {@link #pullProducts}
 *       and {@link #resolveProductConflict}.
 * </ul>
 *
 * <p>Every remote call runs through the {@link ResilientCaller}. Work whose call failed in a way that may
 * pass later ({@link dev.omskit.connectors.FailureKind#mayPassLater()}) waits with backoff; after {@link
 * SyncConfig#maxAttempts()} or on a failure that will not pass, it is parked with its reason for a person
 * ({@link #parked()}). Items are leased by compare-and-set, so several engine instances can share one work
 * store, and an engine rebuilt over the same stores after a crash resumes: work taken by the dead
 * instance is taken again when its lease ends.
 *
 * <p>Drive it by calling {@link #runOnce()} (tests, the demo) or {@link #start(Duration)} (a background
 * thread). Thread-safe.
 */
public final class SyncEngine implements AutoCloseable {
    /** The connector id of work that is omskit's own (fanning out an order change). */
    static final String OMSKIT = "omskit";

    private static final System.Logger LOG = System.getLogger(SyncEngine.class.getName());

    private final Oms oms;
    private final SyncWorkStore work;
    private final CursorStore cursors;
    private final ResilientCaller caller;
    private final boolean ownsCaller;
    private final Clock clock;
    private final SyncConfig config;
    private final MeterRegistry registry;
    private final Map<TenantId, Map<String, ChannelBinding>> channels;
    private final Map<TenantId, Map<String, CarrierBinding>> carriers;
    private final Map<TenantId, InvoiceBinding> invoices;
    private final Map<String, SyncHandler> handlers = new HashMap<>();
    private final List<OrderFanOut> fanOuts = new ArrayList<>();
    private final Map<String, Instant> nextPoll = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicLong> parkedGauges = new ConcurrentHashMap<>();
    private final Ingestion ingestion;
    private final StockSync stock;
    private final CarrierSync carrierSync;
    private final ProductSync products;
    private final ParkedWork parked;
    private final InventoryListener inventoryListener;
    private ScheduledExecutorService scheduler;
    private volatile Thread roundThread;

    /** How long {@link #close()} waits for a background round in progress to finish. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private SyncEngine(Builder b) {
        this.oms = Checks.notNull("oms", b.oms);
        this.work = Checks.notNull("work", b.work);
        this.cursors = Checks.notNull("cursors", b.cursors);
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.config = b.config;
        this.registry = b.registry;
        this.ownsCaller = b.caller == null;
        this.caller = b.caller == null
                ? (registry == null
                        ? ResilientCaller.of(ResiliencePolicy.defaults())
                        : ResilientCaller.of(ResiliencePolicy.defaults(), Map.of(), registry))
                : b.caller;
        this.channels = freeze(b.channels);
        this.carriers = freeze(b.carriers);
        this.invoices = Map.copyOf(b.invoices);
        boolean pushesStock = channels.values().stream()
                .flatMap(m -> m.values().stream())
                .anyMatch(c -> c.connector().can(SalesChannel.PUSH_STOCK));
        if (pushesStock && oms.inventory().isEmpty()) {
            throw InvalidArgumentException.of(
                    "oms",
                    "NO_INVENTORY",
                    "a channel that takes stock pushes is bound, but the Oms has no inventory to read ATP from");
        }
        this.ingestion = new Ingestion(this);
        this.stock = new StockSync(this);
        this.products = new ProductSync(this);
        this.parked = new ParkedWork(this);
        StatusPush status = new StatusPush(this);
        handlers.put(SyncWorkType.ORDER_CHANGED, SyncHandler.each(this::fanOut));
        ingestion.register(handlers);
        stock.register(handlers);
        products.register(handlers);
        status.register(handlers);
        fanOuts.add(stock::fanOut);
        fanOuts.add(status::fanOut);
        this.carrierSync = new CarrierSync(this);
        carrierSync.register(handlers);
        fanOuts.add(carrierSync::fanOut);
        InvoiceSync invoiceSync = new InvoiceSync(this);
        invoiceSync.register(handlers);
        fanOuts.add(invoiceSync::fanOut);
        this.inventoryListener = new InventoryListener() {
            @Override
            public void onSupply(TenantId tenant, Set<Sku> skus) {}

            @Override
            public void onChange(TenantId tenant, Set<Sku> skus) {
                stock.noted(tenant, skus);
            }
        };
        oms.inventory().ifPresent(i -> i.addListener(inventoryListener));
        if (registry != null) {
            for (TenantId tenant : tenants()) {
                AtomicLong gauge = new AtomicLong();
                parkedGauges.put(tenant, gauge);
                Gauge.builder("omskit.sync.parked", gauge, AtomicLong::get)
                        .description("Sync work parked for a person, as of the engine's last round")
                        .tag("tenant", tenant.value())
                        .register(registry);
            }
        }
    }

    private static <B> Map<TenantId, Map<String, B>> freeze(Map<TenantId, Map<String, B>> in) {
        Map<TenantId, Map<String, B>> out = new HashMap<>();
        in.forEach((t, m) -> out.put(t, Map.copyOf(m)));
        return Map.copyOf(out);
    }

    /** A builder; {@link Builder#oms}, {@link Builder#work} and {@link Builder#cursors} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The outbox listener to give {@link Oms.Builder#eventListener}: every order and document event asks
     * for one {@code ORDER_CHANGED} item for its order in {@code work} (events of one order coalesce). It
     * only writes to the work store, so it can be built before the {@code Oms} and the engine. Since the
     * outbox delivers at least once and a listener that throws leaves the event in the outbox, an event is
     * never lost between the commit and the work store.
     */
    public static OmsEventListener outboxListener(SyncWorkStore work, Clock clock) {
        Checks.notNull("work", work);
        Checks.notNull("clock", clock);
        return event -> work.enqueue(
                event.tenant(),
                "order/" + event.orderId().value(),
                OMSKIT,
                SyncWorkType.ORDER_CHANGED,
                Map.of("order", event.orderId().value()),
                clock.instant());
    }

    // ------------------------------------------------------------------------------------------ inputs

    /**
     * Takes a channel's order webhook: verified, then parsed, then stored as ingestion work (it is
     * captured by the next round). Answer the channel 2xx once this returns.
     *
     * @throws WebhookRejectedException a bad signature, a stale or malformed request: nothing was stored
     * @throws InvalidArgumentException no channel {@code connector} is bound for the tenant
     */
    public void acceptWebhook(TenantId tenant, String connector, WebhookRequest request) {
        Checks.notNull("request", request);
        ingestion.webhook(channel(tenant, connector), request);
    }

    /** Pulls a channel's new orders now (normally the rounds do it every {@link ChannelBinding#pollEvery()}). */
    public int pollOrders(TenantId tenant, String connector) {
        return ingestion.poll(channel(tenant, connector));
    }

    /** Tells the engine the stock of {@code skus} changed (core's inventory listener does this already). */
    public void stockChanged(TenantId tenant, Collection<Sku> skus) {
        stock.changed(Checks.notNull("tenant", tenant), Set.copyOf(Checks.notNull("skus", skus)));
    }

    /**
     * Pushes the current ATP of {@code skus} to every channel of the tenant listing them, even where the
     * engine believes the channel already holds it: run it at start-up and now and then, to repair a
     * channel changed by hand or a change lost with a process that died before its listener ran.
     *
     * @return the pushes asked for
     */
    public int reconcileStock(TenantId tenant, Collection<Sku> skus) {
        return stock.reconcile(Checks.notNull("tenant", tenant), Set.copyOf(Checks.notNull("skus", skus)));
    }

    /**
     * Takes a carrier's tracking webhook: verified, then parsed, then each event stored as work that
     * applies it to its shipment (by the next round). A repeated or reordered event is one item, or is
     * ignored by core. Answer the carrier 2xx once this returns.
     *
     * @throws WebhookRejectedException a bad signature, a stale or malformed request: nothing was stored
     * @throws InvalidArgumentException no carrier {@code carrier} is bound for the tenant
     */
    public void acceptTrackingWebhook(TenantId tenant, String carrier, WebhookRequest request) {
        Checks.notNull("request", request);
        carrierSync.webhook(carrierSync.binding(tenant, carrier), request);
    }

    /**
     * Reads a carrier's new COD remittance lines now and stores each as work recording it (normally the
     * rounds do it every {@link CarrierBinding#trackEvery()} for carriers that remit COD).
     *
     * @return the lines new to the engine (lines read again are not counted)
     * @throws InvalidArgumentException no carrier {@code carrier} is bound for the tenant
     */
    public int pollRemittances(TenantId tenant, String carrier) {
        return carrierSync.pollRemittances(carrierSync.binding(tenant, carrier));
    }

    /**
     * Asks for each product's content to be listed by the channel: one {@code PUSH_PRODUCT} item per SKU
     * (key {@code product/<connector>/<sku>}), pushed in batches by the next rounds. The push is based on the
     * channel version the engine last knew for the SKU (from its own last accepted push or the last {@link
     * #pullProducts pull}; none for a product never seen: a creation), so an edit a merchant made in the
     * channel meanwhile is not overwritten: the push is parked with a reason naming the SKU and both
     * versions ({@link #parked()}), keeping our content, until {@link #resolveProductConflict}. Newer content
     * for a SKU whose push has not run yet replaces it (bursts coalesce into one push of the newest);
     * content for a parked push replaces the parked content and stays parked. Content the channel already
     * lists is accepted without a change.
     *
     * @return how many SKUs were asked for (the last content given for a SKU wins)
     * @throws InvalidArgumentException no channel {@code connector} is bound for the tenant, or it does not
     *     take product pushes
     * @throws dev.omskit.core.error.ConflictException the work of a SKU kept changing under concurrent writers;
     *     the products before it were asked for, pushing all again is safe
     */
    public int pushProducts(TenantId tenant, String connector, List<ProductContent> products) {
        return this.products.push(channel(tenant, connector), products);
    }

    /**
     * Pulls the channel's changed products from where the last pull stopped (a cursor per account, moved
     * only after the page's versions are recorded), and records each product's version as the one the
     * engine knows for its SKU, so that the next push is based on it. Content of ours still waiting to be
     * pushed that is based on an older version is parked as a conflict right away, before its push could
     * run; a parked push is left as it is.
     *
     * @return the products at versions the engine did not know (a merchant's edits for the host to adopt,
     *     each saying whether our content conflicts with it); not the ones its own pushes produced
     * @throws InvalidArgumentException no channel {@code connector} is bound for the tenant, or it cannot be
     *     pulled for products
     * @throws dev.omskit.connectors.ConnectorException the channel could not be read; the pages recorded
     *     before stay recorded
     */
    public List<ProductChange> pullProducts(TenantId tenant, String connector) {
        return products.pull(channel(tenant, connector));
    }

    /**
     * Settles the parked push of {@code sku} to the channel. {@link ConflictResolution#KEEP_OURS} bases it
     * on the channel version the conflict met (or, for a push parked for another reason, the version the
     * channel lists now) and makes it pending now: the next round lists our content. {@link
     * ConflictResolution#TAKE_THEIRS} drops our content and marks the item done with the channel's current
     * version and content, read from the channel now; nothing is pushed.
     *
     * @return for {@code TAKE_THEIRS}, the channel's product for the host to adopt (empty when the channel
     *     no longer lists it, or cannot be read); for {@code KEEP_OURS} empty
     * @throws dev.omskit.core.error.NotFoundException no product push of the SKU to that channel exists
     * @throws dev.omskit.core.error.ConflictException the product push is not parked (or changed meanwhile)
     * @throws InvalidArgumentException no channel {@code connector} is bound for the tenant
     * @throws ConnectorException the channel's product could not be read; nothing was changed
     */
    public Optional<ProductChange> resolveProductConflict(
            TenantId tenant, String connector, Sku sku, ConflictResolution resolution) {
        return products.resolve(channel(tenant, connector), sku, resolution);
    }

    /** Lists, retries and discards parked work. */
    public ParkedWork parked() {
        return parked;
    }

    /** The stored work item with this key, if any (for tools and tests). */
    public Optional<SyncWork> find(TenantId tenant, String key) {
        return work.find(tenant, key);
    }

    // ------------------------------------------------------------------------------------------ rounds

    /**
     * One round: polls the channels (orders) and carriers (COD remittances) whose interval has passed, then
     * runs due work in batches until none is due or {@link SyncConfig#maxBatchesPerRound()} batches ran.
     */
    public SyncReport runOnce() {
        stock.flush();
        Instant now = clock.instant();
        int polled = 0;
        List<String> pollFailures = new ArrayList<>();
        for (Map<String, ChannelBinding> byConnector : channels.values()) {
            for (ChannelBinding b : byConnector.values()) {
                if (!b.connector().can(SalesChannel.PULL_ORDERS)) {
                    continue;
                }
                String pollKey = b.tenant().value() + "/" + b.connectorId();
                if (nextPoll.getOrDefault(pollKey, Instant.MIN).isAfter(now)) {
                    continue;
                }
                nextPoll.put(pollKey, now.plus(b.pollEvery()));
                try {
                    ingestion.poll(b);
                    polled++;
                } catch (ConnectorException e) {
                    pollFailures.add(b.tenant() + "/" + b.connectorId() + ": " + e.getMessage());
                    count(
                            "omskit.sync.poll.failures",
                            b.connectorId(),
                            "pullOrders",
                            e.kind().name());
                }
            }
        }
        polled += carrierSync.pollDue(now, pollFailures);
        int[] counts = new int[3];
        for (int batch = 0; batch < config.maxBatchesPerRound(); batch++) {
            List<SyncWork> due = work.due(clock.instant(), config.batchSize());
            if (due.isEmpty()) {
                break;
            }
            Map<String, List<SyncWork>> groups = new LinkedHashMap<>();
            for (SyncWork w : due) {
                groups.computeIfAbsent(
                                w.tenant().value() + "\u0000" + w.connector() + "\u0000" + w.type(),
                                k -> new ArrayList<>())
                        .add(w);
            }
            for (List<SyncWork> group : groups.values()) {
                runGroup(group, counts);
            }
        }
        if (registry != null) {
            parkedGauges.forEach((tenant, gauge) -> gauge.set(parked.count(tenant)));
        }
        return new SyncReport(polled, counts[0], counts[1], counts[2], pollFailures);
    }

    /** Runs rounds until one finds nothing to do, at most {@code maxRounds}; returns the rounds run. */
    public int runUntilIdle(int maxRounds) {
        for (int round = 1; round <= maxRounds; round++) {
            if (runOnce().idle()) {
                return round;
            }
        }
        return maxRounds;
    }

    /** Runs a round every {@code every} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration every) {
        Checks.notNull("every", every);
        if (scheduler != null) {
            throw new IllegalStateException("the sync engine is already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "omskit-sync");
            t.setDaemon(true);
            roundThread = t;
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        runOnce();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "sync round failed; the next round goes on", e);
                    }
                },
                0,
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the background rounds, waiting (up to {@link #CLOSE_WAIT}) for a round in progress to finish so
     * that nothing runs once this returns, and detaches from the inventory. Stored work stays for the next
     * engine.
     */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            ScheduledExecutorService stopping = scheduler;
            scheduler = null;
            stopping.shutdown();
            if (Thread.currentThread() != roundThread) {
                try {
                    if (!stopping.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        stopping.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    stopping.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
        }
        oms.inventory().ifPresent(i -> i.removeListener(inventoryListener));
        if (ownsCaller) {
            caller.close();
        }
    }

    private void runGroup(List<SyncWork> group, int[] counts) {
        SyncWork first = group.get(0);
        SyncHandler handler = handlers.get(first.type());
        Instant now = clock.instant();
        List<SyncWork> leased = new ArrayList<>();
        for (SyncWork w : group) {
            SyncWork lease = w.dueAt(now.plus(config.lease()), now);
            if (work.replace(w, lease)) {
                leased.add(lease);
            }
        }
        if (leased.isEmpty()) {
            return;
        }
        if (handler == null) {
            for (SyncWork w : leased) {
                apply(
                        w,
                        new SyncOutcome.Park(
                                dev.omskit.connectors.FailureKind.NOT_RETRYABLE,
                                "this engine has no handler for work of type " + w.type()),
                        counts);
            }
            return;
        }
        int size = Math.max(1, handler.batchSize());
        for (int from = 0; from < leased.size(); from += size) {
            List<SyncWork> slice = leased.subList(from, Math.min(leased.size(), from + size));
            Map<String, SyncOutcome> outcomes;
            try {
                outcomes = handler.run(List.copyOf(slice));
            } catch (RuntimeException e) {
                SyncOutcome o = SyncOutcome.of(e);
                outcomes = new HashMap<>();
                for (SyncWork w : slice) {
                    outcomes.put(w.key(), o);
                }
            }
            for (SyncWork w : slice) {
                SyncOutcome o = outcomes.get(w.key());
                if (o != null) {
                    apply(w, o, counts);
                }
            }
        }
    }

    private void apply(SyncWork leased, SyncOutcome outcome, int[] counts) {
        Instant now = clock.instant();
        SyncWork next;
        String label;
        if (outcome instanceof SyncOutcome.Done d) {
            next = d.result().map(r -> leased.doneWith(r, now)).orElseGet(() -> leased.done(now));
            label = "done";
            counts[0]++;
        } else if (outcome instanceof SyncOutcome.Park p) {
            next = leased.park(p.kind(), p.reason(), now);
            label = "parked";
            counts[2]++;
        } else if (outcome instanceof SyncOutcome.Again a) {
            next = leased.again(a.payload(), a.at(), now);
            label = "again";
            counts[0]++;
        } else {
            SyncOutcome.Later l = (SyncOutcome.Later) outcome;
            if (l.counted() && leased.attempts() + 1 >= config.maxAttempts()) {
                next = leased.park(
                        l.kind(), "still failing after " + (leased.attempts() + 1) + " attempts: " + l.reason(), now);
                label = "parked";
                counts[2]++;
            } else {
                Instant at = now.plus(l.after().orElseGet(() -> backoff(leased.attempts())));
                next = l.counted() ? leased.retryLater(l.kind(), l.reason(), at, now) : leased.dueAt(at, now);
                label = "later";
                counts[1]++;
            }
        }
        if (next.state() == SyncState.PARKED) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "sync work parked: " + leased.tenant() + "/" + leased.key() + ": "
                            + next.lastFailure().orElse(""));
        }
        count("omskit.sync.work", leased.connector(), leased.type(), label);
        if (!work.replace(leased, next)) {
            // newer data arrived while the work ran: run it again now, with that data
            work.find(leased.tenant(), leased.key())
                    .filter(c -> c.state() == SyncState.PENDING)
                    .ifPresent(c -> work.replace(c, c.dueAt(now, now)));
        }
    }

    private Duration backoff(int attempts) {
        long base = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long wait = attempts >= 30 ? max : Math.min(max, base << attempts);
        return Duration.ofMillis(wait);
    }

    private SyncOutcome fanOut(SyncWork leased) {
        Optional<Order> order = oms.find(
                leased.tenant(),
                dev.omskit.core.model.OrderId.of(leased.payload().get("order")));
        if (order.isEmpty()) {
            return SyncOutcome.done();
        }
        Instant now = clock.instant();
        for (OrderFanOut f : fanOuts) {
            f.fanOut(order.get(), now);
        }
        return SyncOutcome.done();
    }

    void count(String name, String connector, String operation, String outcome) {
        if (registry == null) {
            return;
        }
        Counter.builder(name)
                .tag("connector", connector)
                .tag("type", operation)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    // ------------------------------------------------------------------------------ for the parts

    Oms oms() {
        return oms;
    }

    SyncWorkStore work() {
        return work;
    }

    CursorStore cursors() {
        return cursors;
    }

    ResilientCaller caller() {
        return caller;
    }

    Clock clock() {
        return clock;
    }

    SyncConfig config() {
        return config;
    }

    Actor actor() {
        return Actor.system("sync");
    }

    Set<TenantId> tenants() {
        Set<TenantId> out = new java.util.TreeSet<>(java.util.Comparator.comparing(TenantId::value));
        out.addAll(channels.keySet());
        out.addAll(carriers.keySet());
        out.addAll(invoices.keySet());
        return out;
    }

    ChannelBinding channel(TenantId tenant, String connector) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("connector", connector);
        ChannelBinding b = channels.getOrDefault(tenant, Map.of()).get(connector);
        if (b == null) {
            throw InvalidArgumentException.of(
                    "connector", "UNKNOWN_CHANNEL", "no channel '" + connector + "' is bound for tenant " + tenant);
        }
        return b;
    }

    Optional<ChannelBinding> findChannel(TenantId tenant, String connector) {
        return Optional.ofNullable(channels.getOrDefault(tenant, Map.of()).get(connector));
    }

    Optional<ChannelBinding> channelOf(TenantId tenant, ChannelId channel) {
        return channels.getOrDefault(tenant, Map.of()).values().stream()
                .filter(b -> b.channel().id().equals(channel))
                .findFirst();
    }

    Collection<ChannelBinding> channels(TenantId tenant) {
        return channels.getOrDefault(tenant, Map.of()).values();
    }

    Collection<CarrierBinding> carriers(TenantId tenant) {
        return carriers.getOrDefault(tenant, Map.of()).values();
    }

    Optional<CarrierBinding> carrier(TenantId tenant, String connector) {
        return Optional.ofNullable(carriers.getOrDefault(tenant, Map.of()).get(connector));
    }

    Optional<InvoiceBinding> invoices(TenantId tenant) {
        return Optional.ofNullable(invoices.get(tenant));
    }

    /** Asks for the order's changes to be worked out again (what the outbox listener does per event). */
    void orderChanged(TenantId tenant, dev.omskit.core.model.OrderId order) {
        work.enqueue(
                tenant,
                "order/" + order.value(),
                OMSKIT,
                SyncWorkType.ORDER_CHANGED,
                Map.of("order", order.value()),
                clock.instant());
    }

    /**
     * The failure of work for a connector this engine does not serve: another instance may (a rolling
     * deployment adding a binding), so the work waits and is parked only after {@link
     * SyncConfig#maxAttempts()}, with this reason.
     */
    static RuntimeException notServed(SyncWork w) {
        return new dev.omskit.core.error.UnavailableException(
                "no " + w.connector() + " binding for tenant " + w.tenant() + " on this engine", null);
    }

    /** Asks for work unless an item with the key exists that is pending, parked or done (work done once). */
    void enqueueOnce(TenantId tenant, String key, String connector, String type, Map<String, String> payload) {
        Optional<SyncWork> existing = work.find(tenant, key);
        if (existing.isPresent() && existing.get().state() != SyncState.DISCARDED) {
            return;
        }
        work.enqueue(tenant, key, connector, type, payload, clock.instant());
    }

    /** A part of the engine that works out, from an order's current state, what remote systems must hear. */
    @FunctionalInterface
    interface OrderFanOut {
        void fanOut(Order order, Instant now);
    }

    /** Builds a {@link SyncEngine}. */
    public static final class Builder {
        private Oms oms;
        private SyncWorkStore work;
        private CursorStore cursors;
        private ResilientCaller caller;
        private Clock clock;
        private SyncConfig config = SyncConfig.defaults();
        private MeterRegistry registry;
        private final Map<TenantId, Map<String, ChannelBinding>> channels = new HashMap<>();
        private final Map<TenantId, Map<String, CarrierBinding>> carriers = new HashMap<>();
        private final Map<TenantId, InvoiceBinding> invoices = new HashMap<>();

        private Builder() {}

        /** The OMS whose orders, stock and documents are synced. Required. */
        public Builder oms(Oms value) {
            this.oms = Checks.notNull("oms", value);
            return this;
        }

        /** Where work is kept (the same store the {@link #outboxListener} writes to). Required. */
        public Builder work(SyncWorkStore value) {
            this.work = Checks.notNull("work", value);
            return this;
        }

        /** Where poll cursors are kept. Required. */
        public Builder cursors(CursorStore value) {
            this.cursors = Checks.notNull("cursors", value);
            return this;
        }

        /** The resilience layer every remote call goes through; default: one with default policies. */
        public Builder caller(ResilientCaller value) {
            this.caller = Checks.notNull("caller", value);
            return this;
        }

        /** The clock; default UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull("clock", value);
            return this;
        }

        /** Pacing; default {@link SyncConfig#defaults()}. */
        public Builder config(SyncConfig value) {
            this.config = Checks.notNull("config", value);
            return this;
        }

        /** Where the engine's meters go ({@code omskit.sync.work}, {@code omskit.sync.parked}, ...). */
        public Builder meterRegistry(MeterRegistry value) {
            this.registry = Checks.notNull("registry", value);
            return this;
        }

        /** Serves a sales channel account; one binding per tenant and connector id. */
        public Builder channel(ChannelBinding binding) {
            Checks.notNull("binding", binding);
            Map<String, ChannelBinding> of = channels.computeIfAbsent(binding.tenant(), t -> new HashMap<>());
            if (of.containsKey(binding.connectorId())) {
                throw InvalidArgumentException.of(
                        "channel",
                        "DUPLICATE_BINDING",
                        "channel connector '" + binding.connectorId() + "' is bound twice for " + binding.tenant());
            }
            if (of.values().stream()
                    .anyMatch(o -> o.channel().id().equals(binding.channel().id()))) {
                throw InvalidArgumentException.of(
                        "channel",
                        "DUPLICATE_BINDING",
                        "core channel " + binding.channel().id() + " is served by two connectors for "
                                + binding.tenant());
            }
            of.put(binding.connectorId(), binding);
            return this;
        }

        /** Serves a carrier account; one binding per tenant and carrier id. */
        public Builder carrier(CarrierBinding binding) {
            Checks.notNull("binding", binding);
            Map<String, CarrierBinding> of = carriers.computeIfAbsent(binding.tenant(), t -> new HashMap<>());
            if (of.putIfAbsent(binding.connectorId(), binding) != null) {
                throw InvalidArgumentException.of(
                        "carrier",
                        "DUPLICATE_BINDING",
                        "carrier '" + binding.connectorId() + "' is bound twice for " + binding.tenant());
            }
            return this;
        }

        /** Serves the tenant's e-invoice provider; one per tenant. */
        public Builder invoices(InvoiceBinding binding) {
            Checks.notNull("binding", binding);
            if (invoices.putIfAbsent(binding.tenant(), binding) != null) {
                throw InvalidArgumentException.of(
                        "invoices",
                        "DUPLICATE_BINDING",
                        "an e-invoice provider is bound twice for " + binding.tenant());
            }
            return this;
        }

        /** The engine; it attaches itself to the OMS's inventory. */
        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}
