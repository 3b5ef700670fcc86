package dev.omskit.connectors.sync;

import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelCursor;
import dev.omskit.connectors.channel.ChannelPage;
import dev.omskit.connectors.channel.ChannelProduct;
import dev.omskit.connectors.channel.ProductPush;
import dev.omskit.connectors.channel.ProductPushResult;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Products both ways, with conflict detection: omskit's content goes out as {@code PUSH_PRODUCT}
 * work based on the channel version the engine last knew, so a merchant's edit made in the channel
 * meanwhile is never overwritten silently; the channel's products come back by {@link #pull}, which
 * records their versions and reports the edits the host should adopt.
 *
 * <p><b>Where the known version lives.</b> One work item per channel and SKU ({@code
 * product/<connector>/<sku>}) holds, in every state, a content and the channel version {@value
 * #CHANNEL_VERSION} that content goes with:
 *
 * <ul>
 *   <li>{@code PENDING} or {@code PARKED} with origin {@value #FROM_OMSKIT}: our content to push and the
 *       version it is based on (the push's expected version; none for a creation). {@code PARKED} by a
 *       conflict it also holds the channel's version at the conflict ({@value #CONFLICT_VERSION}).
 *   <li>{@code DONE}: what the channel lists at that version: our accepted content, or the channel's own
 *       (origin {@value #FROM_CHANNEL}) from a pull or a {@link ConflictResolution#TAKE_THEIRS}.
 * </ul>
 *
 * <p>No path loses it. It lives in the work store, so it survives restarts and every engine on the store
 * sees it. New content carries it over from the item it replaces, whatever that item's state (as {@link
 * StockSync} carries the figures it pushed), and a finished push keeps the accepted version in its result.
 * The base of waiting content moves only to a version whose content omskit has decided on: its own
 * accepted push, a person's {@link ConflictResolution#KEEP_OURS}, or a pull when no content of ours waits;
 * a pull that finds our waiting content based on an older version parks it instead, since moving its base
 * would let the push overwrite the merchant's edit. With the version the item keeps the time the channel
 * last changed the product ({@value #CHANNEL_AT}, a lower bound); a pulled product counts as a change
 * only when it is newer, so a page read before a push and recorded after it never takes the known version
 * back. (With a connector whose {@code updatedAt} does not move with its versions, pulls report only
 * products new to the engine; pushes still meet the conflicts at the channel.) Every change of an existing item is a compare-and-set
 * on a fresh read, tried again when it loses, so a stale copy never replaces a newer version (for new
 * content this is the store's {@code enqueue} transition, done by compare-and-set). When new content
 * arrives while a push of older content is at the channel, the push's accepted version is folded into the
 * new content, which is then based on it. The one blind write is the store's {@code enqueue} creating the
 * item of a SKU never seen; two writers creating it in the same instant leave the later one's payload.
 */
final class ProductSync {
    static final String SKU = "sku";
    static final String ORIGIN = "origin";
    static final String FROM_OMSKIT = "omskit";
    static final String FROM_CHANNEL = "channel";
    static final String TITLE = "title";
    static final String PRICE_AMOUNT = "price.amount";
    static final String PRICE_CURRENCY = "price.currency";
    static final String ATTRIBUTE = "attribute.";
    static final String CHANNEL_VERSION = "channel.version";
    static final String CHANNEL_AT = "channel.updatedAt";
    static final String CONFLICT = "conflict";
    static final String CONFLICT_VERSION = "conflict.version";
    static final String CONFLICT_AT = "conflict.updatedAt";

    /** How many products one push to a channel carries at most. */
    static final int BATCH_SIZE = 20;

    private static final int TRIES = 32;
    private static final int MAX_SCAN_PAGES = 10_000;

    private final SyncEngine engine;

    ProductSync(SyncEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, SyncHandler> handlers) {
        handlers.put(SyncWorkType.PUSH_PRODUCT, new SyncHandler() {
            @Override
            public Map<String, SyncOutcome> run(List<SyncWork> leased) {
                return push(leased);
            }

            @Override
            public int batchSize() {
                return BATCH_SIZE;
            }
        });
    }

    static String key(String connector, Sku sku) {
        return "product/" + connector + "/" + sku.value();
    }

    // ------------------------------------------------------------------------------------ content out

    /** Asks for a push of each product (the last one given for a SKU wins); returns how many SKUs. */
    int push(ChannelBinding b, List<ProductContent> products) {
        Checks.notNull("products", products);
        if (!b.connector().can(SalesChannel.PUSH_PRODUCTS)) {
            throw InvalidArgumentException.of(
                    "connector",
                    "NO_PRODUCT_PUSH",
                    "channel '" + b.connectorId() + "' does not declare " + SalesChannel.PUSH_PRODUCTS);
        }
        Map<Sku, ProductContent> newest = new LinkedHashMap<>();
        for (ProductContent p : products) {
            newest.put(Checks.notNull("product", p).sku(), p);
        }
        newest.values().forEach(p -> ask(b, p));
        return newest.size();
    }

    /**
     * Stores {@code content} as the item's content to push, carrying the version the item holds: new
     * pending work for an item that is done or discarded, the newer payload for one that is pending or
     * parked (which keeps its state, and a parked conflict its record), as the store's {@code enqueue}
     * does, but by compare-and-set.
     */
    private void ask(ChannelBinding b, ProductContent content) {
        String key = key(b.connectorId(), content.sku());
        for (int i = 0; i < TRIES; i++) {
            Instant now = engine.clock().instant();
            Optional<SyncWork> found = engine.work().find(b.tenant(), key);
            if (found.isEmpty()) {
                engine.work()
                        .enqueue(
                                b.tenant(),
                                key,
                                b.connectorId(),
                                SyncWorkType.PUSH_PRODUCT,
                                ours(content, Map.of()),
                                now);
                return;
            }
            SyncWork held = found.get();
            Map<String, String> payload = ours(content, held.payload());
            SyncWork next;
            if (held.state() == SyncState.PARKED) {
                copy(held.payload(), payload, CONFLICT);
                copy(held.payload(), payload, CONFLICT_VERSION);
                copy(held.payload(), payload, CONFLICT_AT);
                next = held.withPayload(payload, now);
            } else if (held.state() == SyncState.PENDING) {
                next = held.withPayload(payload, now);
            } else {
                next = carrying(held.retryNow(now), payload);
            }
            if (engine.work().replace(held, next)) {
                return;
            }
        }
        throw new ConflictException("the product push of '" + content.sku() + "' to channel '" + b.connectorId()
                + "' kept meeting concurrent changes; push it again");
    }

    private Map<String, SyncOutcome> push(List<SyncWork> leased) {
        SyncWork first = leased.get(0);
        Map<String, SyncOutcome> out = new LinkedHashMap<>();
        Optional<ChannelBinding> binding = engine.findChannel(first.tenant(), first.connector());
        if (binding.isEmpty()) {
            leased.forEach(w -> out.put(w.key(), SyncOutcome.of(SyncEngine.notServed(w))));
            return out;
        }
        ChannelBinding b = binding.get();
        List<ProductPush> pushes = new ArrayList<>();
        Map<Sku, SyncWork> bySku = new LinkedHashMap<>();
        for (SyncWork w : leased) {
            if (!FROM_OMSKIT.equals(w.payload().get(ORIGIN))) {
                out.put(w.key(), SyncOutcome.done()); // the channel's content recorded by a pull: nothing to send
                continue;
            }
            try {
                ProductPush p = pushOf(w.payload());
                pushes.add(p);
                bySku.put(p.sku(), w);
            } catch (RuntimeException e) {
                out.put(w.key(), SyncOutcome.of(e));
            }
        }
        if (pushes.isEmpty()) {
            return out;
        }
        ProductPushResult result;
        try {
            result = engine.caller().call(b.connectorId(), b.account(), "pushProducts", () -> b.connector()
                    .pushProducts(List.copyOf(pushes)));
        } catch (RuntimeException e) {
            SyncOutcome failed = SyncOutcome.of(e);
            bySku.values().forEach(w -> out.put(w.key(), failed));
            return out;
        }
        Instant now = engine.clock().instant();
        for (ChannelProduct p : result.accepted()) {
            SyncWork w = bySku.remove(p.sku());
            if (w != null) {
                out.put(w.key(), accepted(w, p, now));
            }
        }
        for (ProductPushResult.Conflict c : result.conflicts()) {
            SyncWork w = bySku.remove(c.sku());
            if (w != null) {
                out.put(w.key(), conflicted(b, w, c, now));
            }
        }
        for (SyncWork w : bySku.values()) {
            out.put(
                    w.key(),
                    new SyncOutcome.Later(
                            FailureKind.RETRYABLE,
                            "the channel reported product '" + w.payload().get(SKU)
                                    + "' neither accepted nor conflicting",
                            Optional.empty(),
                            true));
        }
        return out;
    }

    /**
     * Done with what the channel now lists. The item is written here, by compare-and-set on the lease, so
     * that when newer content replaced the leased item meanwhile the accepted version is not lost with the
     * engine's own write: it is folded into the newer content instead (which the engine then runs again).
     */
    private SyncOutcome accepted(SyncWork leased, ChannelProduct p, Instant now) {
        Map<String, String> result = listed(p, FROM_OMSKIT);
        if (!engine.work().replace(leased, leased.doneWith(result, now))) {
            fold(leased, p, now);
        }
        return SyncOutcome.done(result);
    }

    /**
     * Bases the content now held for the leased item's key on the version our push of the leased content
     * produced, when that content was based on the same version as the pushed one. A pull may have parked
     * it meanwhile, seeing this very push as a change: that park is lifted.
     */
    private void fold(SyncWork leased, ChannelProduct p, Instant now) {
        String base = leased.payload().get(CHANNEL_VERSION);
        for (int i = 0; i < TRIES; i++) {
            Optional<SyncWork> found = engine.work().find(leased.tenant(), leased.key());
            if (found.isEmpty()
                    || !FROM_OMSKIT.equals(found.get().payload().get(ORIGIN))
                    || !Objects.equals(found.get().payload().get(CHANNEL_VERSION), base)) {
                return; // decided otherwise meanwhile (re-based, recorded by a pull, resolved)
            }
            SyncWork held = found.get();
            Map<String, String> payload = new HashMap<>(held.payload());
            payload.put(CHANNEL_VERSION, p.version());
            payload.put(CHANNEL_AT, p.updatedAt().toString());
            SyncWork next;
            if (held.state() == SyncState.PENDING) {
                next = held.withPayload(payload, now);
            } else if (held.state() == SyncState.PARKED
                    && p.version().equals(held.payload().get(CONFLICT_VERSION))) {
                payload.remove(CONFLICT);
                payload.remove(CONFLICT_VERSION);
                payload.remove(CONFLICT_AT);
                next = carrying(held.retryNow(now), payload);
            } else {
                return;
            }
            if (engine.work().replace(held, next)) {
                return;
            }
        }
    }

    /** Parked for a person, keeping our content and recording the channel's version. */
    private SyncOutcome conflicted(ChannelBinding b, SyncWork leased, ProductPushResult.Conflict c, Instant now) {
        String reason = reason(
                c.sku(),
                b.connectorId(),
                Optional.ofNullable(leased.payload().get(CHANNEL_VERSION)),
                c.currentVersion());
        // when newer content replaced the leased item meanwhile, this write fails; that content runs next and
        // meets the same conflict
        engine.work()
                .replace(
                        leased,
                        carrying(
                                leased.park(FailureKind.NOT_RETRYABLE, reason, now),
                                withConflict(leased.payload(), c.currentVersion(), Optional.empty())));
        return new SyncOutcome.Park(FailureKind.NOT_RETRYABLE, reason);
    }

    // ------------------------------------------------------------------------------------ channel in

    /**
     * Reads the channel's changed products page by page from the stored cursor, recording each version
     * before the cursor moves past its page; returns the versions the engine did not know.
     */
    List<ProductChange> pull(ChannelBinding b) {
        requirePull(b);
        String feed = "products:" + b.account();
        Optional<String> stored = engine.cursors().cursor(b.tenant(), b.connectorId(), feed);
        List<ProductChange> changes = new ArrayList<>();
        for (int page = 0; page < engine.config().maxPagesPerPoll(); page++) {
            ChannelCursor since = stored.map(ChannelCursor::of).orElse(ChannelCursor.START);
            ChannelPage<ChannelProduct> got = read(b, since);
            for (ChannelProduct p : got.items()) {
                record(b, p).ifPresent(changes::add);
            }
            if (got.next().equals(since)) {
                break;
            }
            if (!engine.cursors()
                    .advance(
                            b.tenant(),
                            b.connectorId(),
                            feed,
                            stored,
                            got.next().value())) {
                break; // another engine took this page and moved on; it recorded the same versions
            }
            stored = Optional.of(got.next().value());
            if (!got.hasMore()) {
                break;
            }
        }
        return changes;
    }

    /**
     * Records the channel's product {@code p} in its item: a done (or discarded, or not yet existing) item
     * becomes done with the channel's version and content; pending content of ours based on an older version
     * is parked as a conflict (unless the channel lists that very content already); a parked item is left as
     * it is. Returns the change unless the engine knew this version.
     */
    private Optional<ProductChange> record(ChannelBinding b, ChannelProduct p) {
        String key = key(b.connectorId(), p.sku());
        boolean created = false;
        for (int i = 0; i < TRIES; i++) {
            Instant now = engine.clock().instant();
            Optional<SyncWork> found = engine.work().find(b.tenant(), key);
            if (found.isEmpty()) {
                // a product the engine never saw: the record is created pending, and made done below
                engine.work()
                        .enqueue(
                                b.tenant(),
                                key,
                                b.connectorId(),
                                SyncWorkType.PUSH_PRODUCT,
                                listed(p, FROM_CHANNEL),
                                now);
                created = true;
                continue;
            }
            SyncWork held = found.get();
            boolean ours = FROM_OMSKIT.equals(held.payload().get(ORIGIN));
            // not newer than the version known: the same one, or a page read before a later change was recorded
            // (acting on it would take the known version back and make the next push conflict)
            boolean known = p.version().equals(held.payload().get(CHANNEL_VERSION))
                    || knownAt(held.payload())
                            .filter(at -> !p.updatedAt().isAfter(at))
                            .isPresent();
            Optional<ProductChange> change = created || !known ? Optional.of(change(p, false)) : Optional.empty();
            SyncWork next;
            if (held.state() == SyncState.PARKED) {
                return change.map(c -> change(p, ours && !known));
            } else if (held.state() == SyncState.PENDING && ours) {
                if (known || sameContent(held.payload(), p)) {
                    // the push applies as it is (the channel lists that content already, or the version it is
                    // based on): no edit of the merchant's to report
                    return created ? change : Optional.empty();
                }
                String reason = reason(
                        p.sku(),
                        b.connectorId(),
                        Optional.ofNullable(held.payload().get(CHANNEL_VERSION)),
                        Optional.of(p.version()));
                next = carrying(
                        held.park(FailureKind.NOT_RETRYABLE, reason, now),
                        withConflict(held.payload(), Optional.of(p.version()), Optional.of(p.updatedAt())));
                change = Optional.of(change(p, true));
            } else if (held.state() == SyncState.DONE && known) {
                return change;
            } else {
                next = held.doneWith(listed(p, FROM_CHANNEL), now);
            }
            if (engine.work().replace(held, next)) {
                return change;
            }
        }
        throw new ConflictException("product '" + p.sku() + "' of channel '" + b.connectorId()
                + "' kept changing while its version was recorded; pull again");
    }

    // ------------------------------------------------------------------------------------ conflicts

    /**
     * Settles a parked product push; for {@link ConflictResolution#TAKE_THEIRS} returns the channel's
     * product as it lists it now (empty when it no longer lists it, or cannot be read).
     */
    Optional<ProductChange> resolve(ChannelBinding b, Sku sku, ConflictResolution resolution) {
        Checks.notNull("sku", sku);
        Checks.notNull("resolution", resolution);
        String key = key(b.connectorId(), sku);
        SyncWork held = engine.work()
                .find(b.tenant(), key)
                .orElseThrow(() -> new NotFoundException("no product push of '" + sku + "' to channel '"
                        + b.connectorId() + "' in tenant " + b.tenant()));
        if (held.state() != SyncState.PARKED
                || !FROM_OMSKIT.equals(held.payload().get(ORIGIN))) {
            throw new ConflictException("the product push of '" + sku + "' to channel '" + b.connectorId() + "' is "
                    + held.state() + ", not PARKED: nothing to resolve");
        }
        Map<String, String> hp = held.payload();
        boolean conflict = "true".equals(hp.get(CONFLICT));
        boolean readable = b.connector().can(SalesChannel.PULL_PRODUCTS);
        SyncWork next;
        Optional<ProductChange> out = Optional.empty();
        if (resolution == ConflictResolution.KEEP_OURS) {
            // based on the version the conflict met: should the merchant have edited it again since, the
            // push conflicts again and shows that edit, rather than overwriting one nobody saw
            Map<String, String> payload = new HashMap<>(hp);
            payload.remove(CONFLICT);
            payload.remove(CONFLICT_VERSION);
            payload.remove(CONFLICT_AT);
            if (conflict) {
                set(payload, CHANNEL_VERSION, Optional.ofNullable(hp.get(CONFLICT_VERSION)));
                copy(hp, payload, CONFLICT_AT, CHANNEL_AT); // else the old time stays, a lower bound
            } else if (readable) {
                Optional<ChannelProduct> now = current(b, sku);
                set(payload, CHANNEL_VERSION, now.map(ChannelProduct::version));
                set(payload, CHANNEL_AT, now.map(p -> p.updatedAt().toString()));
            }
            next = carrying(held.retryNow(engine.clock().instant()), payload);
        } else {
            Optional<ChannelProduct> theirs = readable ? current(b, sku) : Optional.empty();
            Map<String, String> payload;
            if (theirs.isPresent()) {
                payload = listed(theirs.get(), FROM_CHANNEL);
                out = Optional.of(change(theirs.get(), false));
            } else {
                payload = new HashMap<>();
                payload.put(SKU, sku.value());
                payload.put(ORIGIN, FROM_CHANNEL);
                if (!readable) { // what the channel held as far as the engine knows; else it lists no such product
                    copy(hp, payload, conflict ? CONFLICT_VERSION : CHANNEL_VERSION, CHANNEL_VERSION);
                    copy(hp, payload, conflict && hp.containsKey(CONFLICT_AT) ? CONFLICT_AT : CHANNEL_AT, CHANNEL_AT);
                }
            }
            next = held.doneWith(payload, engine.clock().instant());
        }
        if (!engine.work().replace(held, next)) {
            throw new ConflictException("the product push of '" + sku + "' to channel '" + b.connectorId()
                    + "' changed meanwhile; look again");
        }
        return out;
    }

    /** The channel's product for {@code sku} as it lists it now, read through its whole product list. */
    private Optional<ChannelProduct> current(ChannelBinding b, Sku sku) {
        ChannelCursor since = ChannelCursor.START;
        Optional<ChannelProduct> found = Optional.empty();
        for (int page = 0; page < MAX_SCAN_PAGES; page++) {
            ChannelPage<ChannelProduct> got = read(b, since);
            for (ChannelProduct p : got.items()) {
                if (p.sku().equals(sku)) {
                    found = Optional.of(p); // a later one is a newer change
                }
            }
            if (!got.hasMore() || got.next().equals(since)) {
                break;
            }
            since = got.next();
        }
        return found;
    }

    // ------------------------------------------------------------------------------------ payloads

    private ChannelPage<ChannelProduct> read(ChannelBinding b, ChannelCursor since) {
        return engine.caller().call(b.connectorId(), b.account(), "pullProducts", () -> b.connector()
                .pullProducts(since, engine.config().pageSize()));
    }

    private static void requirePull(ChannelBinding b) {
        if (!b.connector().can(SalesChannel.PULL_PRODUCTS)) {
            throw InvalidArgumentException.of(
                    "connector",
                    "NO_PRODUCT_PULL",
                    "channel '" + b.connectorId() + "' does not declare " + SalesChannel.PULL_PRODUCTS);
        }
    }

    static String reason(Sku sku, String connector, Optional<String> base, Optional<String> current) {
        return "product conflict: '" + sku + "' was changed in channel '" + connector
                + "' since omskit read it: our push is based on "
                + base.map(v -> "channel version '" + v + "'").orElse("no version (a creation)")
                + ", the channel holds "
                + current.map(v -> "version '" + v + "'").orElse("no such product")
                + "; nothing was overwritten. Resolve it with KEEP_OURS or TAKE_THEIRS";
    }

    /** Our content, based on the channel version {@code held} goes with (if any). */
    static Map<String, String> ours(ProductContent c, Map<String, String> held) {
        Map<String, String> out = content(c.sku(), c.title(), c.price(), c.attributes(), FROM_OMSKIT);
        copy(held, out, CHANNEL_VERSION);
        copy(held, out, CHANNEL_AT);
        return out;
    }

    /** What the channel lists, at its version. */
    static Map<String, String> listed(ChannelProduct p, String origin) {
        Map<String, String> out = content(p.sku(), p.title(), p.price(), p.attributes(), origin);
        out.put(CHANNEL_VERSION, p.version());
        out.put(CHANNEL_AT, p.updatedAt().toString());
        return out;
    }

    private static Map<String, String> content(
            Sku sku, String title, Money price, Map<String, String> attributes, String origin) {
        Map<String, String> out = new HashMap<>();
        out.put(SKU, sku.value());
        out.put(ORIGIN, origin);
        out.put(TITLE, title);
        out.put(PRICE_AMOUNT, price.amount().toPlainString());
        out.put(PRICE_CURRENCY, price.currency().getCurrencyCode());
        attributes.forEach((k, v) -> out.put(ATTRIBUTE + k, v));
        return out;
    }

    /** The push of a payload's content, expecting its channel version. */
    static ProductPush pushOf(Map<String, String> payload) {
        Map<String, String> attributes = new HashMap<>();
        payload.forEach((k, v) -> {
            if (k.startsWith(ATTRIBUTE)) {
                attributes.put(k.substring(ATTRIBUTE.length()), v);
            }
        });
        return new ProductPush(
                Sku.of(required(payload, SKU)),
                required(payload, TITLE),
                Money.of(required(payload, PRICE_AMOUNT), required(payload, PRICE_CURRENCY)),
                Optional.ofNullable(payload.get(CHANNEL_VERSION)),
                attributes);
    }

    private static String required(Map<String, String> payload, String field) {
        String v = payload.get(field);
        if (v == null) {
            throw new ParkException("the product push has no '" + field + "' in its payload");
        }
        return v;
    }

    private static boolean sameContent(Map<String, String> payload, ChannelProduct p) {
        try {
            return pushOf(payload).sameContentAs(p);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> withConflict(
            Map<String, String> payload, Optional<String> current, Optional<Instant> at) {
        Map<String, String> out = new HashMap<>(payload);
        out.put(CONFLICT, "true");
        set(out, CONFLICT_VERSION, current);
        set(out, CONFLICT_AT, at.map(Instant::toString));
        return out;
    }

    /** When the channel last changed the product as far as the payload knows (a lower bound). */
    private static Optional<Instant> knownAt(Map<String, String> payload) {
        try {
            return Optional.ofNullable(payload.get(CHANNEL_AT)).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void set(Map<String, String> payload, String field, Optional<String> value) {
        payload.remove(field);
        value.ifPresent(v -> payload.put(field, v));
    }

    private static ProductChange change(ChannelProduct p, boolean conflict) {
        return new ProductChange(p.sku(), p.version(), p.title(), p.price(), p.attributes(), conflict);
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String field) {
        copy(from, to, field, field);
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String field, String as) {
        String v = from.get(field);
        if (v != null) {
            to.put(as, v);
        }
    }

    /** The same step of {@code w} (state, attempts, version) with another payload. */
    private static SyncWork carrying(SyncWork w, Map<String, String> payload) {
        return new SyncWork(
                w.tenant(),
                w.key(),
                w.connector(),
                w.type(),
                payload,
                w.state(),
                w.attempts(),
                w.notBefore(),
                w.lastFailure(),
                w.lastFailureKind(),
                w.version(),
                w.createdAt(),
                w.updatedAt());
    }
}
