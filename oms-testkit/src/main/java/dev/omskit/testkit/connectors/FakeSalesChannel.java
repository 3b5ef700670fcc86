package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.channel.CancellationPush;
import dev.omskit.connectors.channel.ChannelCursor;
import dev.omskit.connectors.channel.ChannelLineQuantity;
import dev.omskit.connectors.channel.ChannelOrder;
import dev.omskit.connectors.channel.ChannelOrderLine;
import dev.omskit.connectors.channel.ChannelOrderNotice;
import dev.omskit.connectors.channel.ChannelPage;
import dev.omskit.connectors.channel.ChannelProduct;
import dev.omskit.connectors.channel.ProductPush;
import dev.omskit.connectors.channel.ProductPushResult;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.channel.ShipmentPush;
import dev.omskit.connectors.channel.StockPushResult;
import dev.omskit.connectors.channel.StockUpdate;
import dev.omskit.connectors.webhook.WebhookHandler;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-memory sales channel that really keeps its state: the orders a test adds ({@link #addOrder},
 * {@link #updateOrder}) paged by cursor in update order, the acknowledged ids, the last applied stock per
 * SKU and location with the stale updates it refused, pushed shipments and cancellations bounded by the
 * ordered units, and products with versions that move on every change. It keeps every contract of {@link
 * SalesChannel}, so it passes {@code SalesChannelConformanceKit}.
 *
 * <p>Scripting: {@link #script()} fails, rate-limits or delays the next calls and records every call;
 * {@link #malformedNext} makes the next pulled order one that fails capture validation; {@link
 * #webhook(ChannelOrder)} builds a signed webhook (HMAC-SHA256 of the body, Base64, in the {@value
 * #SIGNATURE_HEADER} header, like Shopify) that a test may send twice, out of order, or tamper with;
 * {@link #signed(byte[])} signs any body (for garbage behind a valid signature); {@link #editProduct}
 * simulates a merchant's edit in the channel (a product conflict); {@link #tampered} flips a bit of a
 * webhook's body. Webhooks are verified and parsed locally, so {@link #script()} does not apply to them. Cursors are {@code seq:N}, opaque to
 * callers.
 *
 * <p>Thread-safe: every operation runs under one lock.
 */
public final class FakeSalesChannel implements SalesChannel {
    /** The header carrying the Base64 HMAC-SHA256 of the body. */
    public static final String SIGNATURE_HEADER = "X-Fake-Hmac-Sha256";

    private static final Pattern NOTICE = Pattern.compile(
            "\\{\"topic\":\"orders/updated\",\"id\":\"([^\"]+)\",\"status\":\"([^\"]*)\",\"updated_at\":\"([^\"]+)\","
                    + "\"rev\":([0-9]{1,18})\\}");

    private record Stored(ChannelOrder order, long seq) {}

    private record StoredProduct(ChannelProduct product, long seq) {}

    private final String id;
    private final Set<Capability> capabilities;
    private final byte[] secret;
    private final Clock clock;
    private final FakeScript script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Stored> orders = new HashMap<>();
    private final Set<String> acknowledged = new LinkedHashSet<>();
    private final Map<StockUpdate.Key, StockUpdate> stock = new LinkedHashMap<>();
    private final List<StockPushResult.Stale> refusedStock = new ArrayList<>();
    private final Map<String, ShipmentPush> shipments = new LinkedHashMap<>();
    private final List<CancellationPush> cancellations = new ArrayList<>();
    private final Map<String, Long> shipped = new HashMap<>();
    private final Map<String, Long> cancelled = new HashMap<>();
    private final Map<Sku, StoredProduct> products = new LinkedHashMap<>();
    private final Map<Long, ChannelOrder> sentWebhooks = new HashMap<>();
    private long seq;
    private long productSeq;
    private long webhookRev;

    private FakeSalesChannel(String id, Set<Capability> capabilities, String webhookSecret, Clock clock) {
        this.id = Checks.id("connector id", id);
        this.capabilities = Set.copyOf(Checks.notNull("capabilities", capabilities));
        this.secret = Checks.notNull("webhookSecret", webhookSecret).getBytes(StandardCharsets.UTF_8);
        this.clock = Checks.notNull("clock", clock);
        this.script = new FakeScript(id);
    }

    /** A fake declaring every capability of {@link SalesChannel}, signing webhooks with {@code webhookSecret}. */
    public static FakeSalesChannel of(String id, String webhookSecret, Clock clock) {
        return new FakeSalesChannel(id, SalesChannel.ALL, webhookSecret, clock);
    }

    /** A fake declaring only {@code capabilities}; the others fail {@code NOT_RETRYABLE}. */
    public static FakeSalesChannel withCapabilities(
            String id, Set<Capability> capabilities, String webhookSecret, Clock clock) {
        return new FakeSalesChannel(id, capabilities, webhookSecret, clock);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** What the next calls do, and what they were called with. */
    public FakeScript script() {
        return script;
    }

    // ---- what a test does in the channel ----

    /** Adds an order as the channel's buyer placed it; it becomes the newest change. */
    public ChannelOrder addOrder(ChannelOrder order) {
        return inLock(() -> {
            if (orders.containsKey(order.channelOrderId())) {
                throw new IllegalStateException("order '" + order.channelOrderId() + "' exists; use updateOrder");
            }
            orders.put(order.channelOrderId(), new Stored(order, ++seq));
            return order;
        });
    }

    /** Replaces an order the channel holds (a status change, an edit); it becomes the newest change. */
    public ChannelOrder updateOrder(ChannelOrder order) {
        return inLock(() -> {
            if (!orders.containsKey(order.channelOrderId())) {
                throw new IllegalStateException("no order '" + order.channelOrderId() + "'; use addOrder");
            }
            orders.put(order.channelOrderId(), new Stored(order, ++seq));
            return order;
        });
    }

    /**
     * The buyer cancels order {@code channelOrderId} in the channel: it becomes the newest change, with
     * status {@code CANCELLED} and {@link ChannelOrder#cancelledInChannel()}; returns it.
     */
    public ChannelOrder cancelInChannel(String channelOrderId) {
        return inLock(() -> {
            Stored s = orders.get(channelOrderId);
            if (s == null) {
                throw new IllegalStateException("no order '" + channelOrderId + "'");
            }
            ChannelOrder cancelled = ChannelOrder.builder()
                    .from(s.order())
                    .channelStatus("CANCELLED")
                    .cancelledInChannel(true)
                    .updatedAt(clock.instant())
                    .build();
            orders.put(channelOrderId, new Stored(cancelled, ++seq));
            return cancelled;
        });
    }

    /**
     * Adds a valid sample order {@code channelOrderId} (two lines: 2 x {@code SKU-A} at 100000 VND and 1 x
     * {@code SKU-B} at 50000 VND, 30000 VND shipping, paid, total stated) placed now, and returns it.
     */
    public ChannelOrder placeOrder(String channelOrderId) {
        Instant now = clock.instant();
        ChannelOrder order = ChannelOrder.builder()
                .channelOrderId(channelOrderId)
                .buyer(Buyer.builder()
                        .name("Nguyen Van A")
                        .phone("+84901234567")
                        .build())
                .shippingAddress(Address.builder()
                        .recipient("Nguyen Van A")
                        .phone("+84901234567")
                        .line1("12 Ly Thuong Kiet")
                        .ward("Phuong Tran Hung Dao")
                        .district("Hoan Kiem")
                        .city("Ha Noi")
                        .countryCode("VN")
                        .build())
                .currency(Money.currency("VND"))
                .addLines(ChannelOrderLine.of("1", Sku.of("SKU-A"), 2, Money.of("100000", "VND")))
                .addLines(ChannelOrderLine.of("2", Sku.of("SKU-B"), 1, Money.of("50000", "VND")))
                .shippingFee(Money.of("30000", "VND"))
                .paymentStatus(dev.omskit.core.order.PaymentStates.PAID)
                .total(Money.of("280000", "VND"))
                .placedAt(now)
                .channelStatus("READY_TO_SHIP")
                .updatedAt(now)
                .build();
        return addOrder(order);
    }

    /**
     * Adds, as the next change to be pulled, an order {@code channelOrderId} that fails capture validation
     * (a line of zero units, an address without street and city), and returns it.
     */
    public ChannelOrder malformedNext(String channelOrderId) {
        Instant now = clock.instant();
        ChannelOrder bad = ChannelOrder.builder()
                .channelOrderId(channelOrderId)
                .buyer(Buyer.named("Malformed Buyer"))
                .shippingAddress(Address.builder()
                        .recipient("Malformed Buyer")
                        .countryCode("VN")
                        .build())
                .currency(Money.currency("VND"))
                .addLines(ChannelOrderLine.of("1", Sku.of("SKU-MALFORMED"), 0, Money.of("100000", "VND")))
                .placedAt(now)
                .channelStatus("UNPAID")
                .updatedAt(now)
                .build();
        return addOrder(bad);
    }

    /** Lists a product in the channel at version {@code v1} (or the next version if it was listed). */
    public ChannelProduct addProduct(Sku sku, String title, Money price) {
        return inLock(() -> storeProduct(sku, title, price, Map.of()));
    }

    /** A merchant edits the product in the channel: its version moves on, so pushes based on the old one conflict. */
    public ChannelProduct editProduct(Sku sku, String title, Money price) {
        return inLock(() -> {
            StoredProduct p = products.get(sku);
            if (p == null) {
                throw new IllegalStateException("product " + sku + " is not listed");
            }
            return storeProduct(sku, title, price, p.product().attributes());
        });
    }

    /**
     * A signed webhook about {@code order} as it is now; the fake keeps the snapshot so that parsing it
     * returns this order even if it changed since. Send it twice, out of order, or tampered with.
     */
    public WebhookRequest webhook(ChannelOrder order) {
        long rev = inLock(() -> {
            sentWebhooks.put(++webhookRev, order);
            return webhookRev;
        });
        String body = "{\"topic\":\"orders/updated\",\"id\":\"" + order.channelOrderId() + "\",\"status\":\""
                + order.channelStatus() + "\",\"updated_at\":\"" + order.updatedAt() + "\",\"rev\":" + rev + "}";
        return signed(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A signed webhook naming {@code order} and its status without carrying it, as Shopee and Lazada send
     * them: the engine fetches (or pulls) the order.
     */
    public WebhookRequest noticeWithoutOrder(ChannelOrder order) {
        String body = "{\"topic\":\"orders/updated\",\"id\":\"" + order.channelOrderId() + "\",\"status\":\""
                + order.channelStatus() + "\",\"updated_at\":\"" + order.updatedAt() + "\",\"rev\":0}";
        return signed(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A webhook with any body, correctly signed. */
    public WebhookRequest signed(byte[] body) {
        return new WebhookRequest(Map.of(SIGNATURE_HEADER, sign(body)), body, clock.instant());
    }

    /** {@code request} with one bit of its body flipped and its signature kept: a tampered webhook. */
    public static WebhookRequest tampered(WebhookRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            body = new byte[] {'x'};
        } else {
            body[body.length / 2] ^= 0x01;
        }
        return new WebhookRequest(request.headers(), body, request.receivedAt());
    }

    // ---- what a test asserts ----

    /** Every order the channel holds, in update order. */
    public List<ChannelOrder> orders() {
        return inLock(() -> orders.values().stream()
                .sorted(java.util.Comparator.comparingLong(Stored::seq))
                .map(Stored::order)
                .toList());
    }

    /** The acknowledged order ids, in the order first acknowledged. */
    public Set<String> acknowledged() {
        return inLock(() -> java.util.Collections.unmodifiableSet(new LinkedHashSet<>(acknowledged)));
    }

    /** The last stock update applied per SKU and location. */
    public Map<StockUpdate.Key, StockUpdate> stock() {
        return inLock(() -> Map.copyOf(stock));
    }

    /** The units the channel sells of {@code sku} (channel-wide figure), if any was pushed. */
    public Optional<Long> available(Sku sku) {
        return inLock(() -> Optional.ofNullable(stock.get(new StockUpdate.Key(sku, Optional.empty())))
                .map(StockUpdate::available));
    }

    /** Every stock update refused as stale, oldest first. */
    public List<StockPushResult.Stale> refusedStock() {
        return inLock(() -> List.copyOf(refusedStock));
    }

    /** The shipments pushed, by shipment id, in push order. */
    public Map<String, ShipmentPush> shipments() {
        return inLock(() -> new LinkedHashMap<>(shipments));
    }

    /** The cancellations applied, in push order (a repeated one is listed once). */
    public List<CancellationPush> cancellations() {
        return inLock(() -> List.copyOf(cancellations));
    }

    /** The product the channel lists for {@code sku}. */
    public Optional<ChannelProduct> product(Sku sku) {
        return inLock(() -> Optional.ofNullable(products.get(sku)).map(StoredProduct::product));
    }

    // ---- the SPI ----

    @Override
    public ChannelPage<ChannelOrder> pullOrders(ChannelCursor since, int limit) {
        script.enter("pullOrders", since);
        require(PULL_ORDERS, "pullOrders");
        checkLimit("pullOrders", limit);
        long after = position("pullOrders", since);
        return inLock(() -> {
            List<Stored> newer = orders.values().stream()
                    .filter(s -> s.seq() > after)
                    .sorted(java.util.Comparator.comparingLong(Stored::seq))
                    .toList();
            List<Stored> page = newer.subList(0, Math.min(limit, newer.size()));
            long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            return new ChannelPage<>(
                    page.stream().map(Stored::order).toList(), cursor(next), newer.size() > page.size());
        });
    }

    @Override
    public Optional<ChannelOrder> fetchOrder(String channelOrderId) {
        script.enter("fetchOrder", channelOrderId);
        require(FETCH_ORDER, "fetchOrder");
        Checks.notNull("channelOrderId", channelOrderId);
        return inLock(() -> Optional.ofNullable(orders.get(channelOrderId)).map(Stored::order));
    }

    @Override
    public void acknowledge(Set<String> channelOrderIds) {
        script.enter("acknowledge", Set.copyOf(channelOrderIds));
        require(ACKNOWLEDGE, "acknowledge");
        inLock(() -> {
            for (String orderId : channelOrderIds) {
                known("acknowledge", orderId);
            }
            acknowledged.addAll(channelOrderIds);
            return null;
        });
    }

    @Override
    public StockPushResult pushStock(List<StockUpdate> updates) {
        script.enter("pushStock", List.copyOf(updates));
        require(PUSH_STOCK, "pushStock");
        return inLock(() -> {
            List<StockUpdate> applied = new ArrayList<>();
            List<StockPushResult.Stale> stale = new ArrayList<>();
            for (StockUpdate u : updates) {
                StockUpdate held = stock.get(u.key());
                if (held == null || u.version() > held.version()) {
                    stock.put(u.key(), u);
                    applied.add(u);
                } else if (u.version() == held.version() && u.available() == held.available()) {
                    applied.add(u);
                } else {
                    StockPushResult.Stale s = new StockPushResult.Stale(u, held.version());
                    stale.add(s);
                    refusedStock.add(s);
                }
            }
            return new StockPushResult(applied, stale);
        });
    }

    @Override
    public void pushShipment(ShipmentPush shipment) {
        script.enter("pushShipment", shipment);
        require(PUSH_SHIPMENT, "pushShipment");
        inLock(() -> {
            ShipmentPush before = shipments.get(shipment.shipmentId());
            if (before != null) {
                if (before.equals(shipment)) {
                    return null;
                }
                throw ConnectorException.notRetryable(
                        id,
                        "pushShipment",
                        "conflict: shipment '" + shipment.shipmentId() + "' was pushed before with other content");
            }
            ChannelOrder order = known("pushShipment", shipment.channelOrderId());
            checkUnits("pushShipment", order, shipment.lines());
            for (ChannelLineQuantity l : shipment.lines()) {
                shipped.merge(lineKey(order.channelOrderId(), l.channelLineId()), l.quantity(), Long::sum);
            }
            shipments.put(shipment.shipmentId(), shipment);
            return null;
        });
    }

    @Override
    public void pushCancellation(CancellationPush cancellation) {
        script.enter("pushCancellation", cancellation);
        require(PUSH_CANCELLATION, "pushCancellation");
        inLock(() -> {
            if (cancellations.contains(cancellation)) {
                return null;
            }
            ChannelOrder order = known("pushCancellation", cancellation.channelOrderId());
            List<ChannelLineQuantity> units = cancellation.wholeOrder()
                    ? order.lines().stream()
                            .filter(l -> open(order, l.channelLineId()) > 0)
                            .map(l -> ChannelLineQuantity.of(l.channelLineId(), open(order, l.channelLineId())))
                            .toList()
                    : cancellation.lines();
            if (units.isEmpty()
                    && order.lines().stream()
                            .anyMatch(l -> shipped.containsKey(lineKey(order.channelOrderId(), l.channelLineId())))) {
                throw ConnectorException.notRetryable(
                        id,
                        "pushCancellation",
                        "order '" + order.channelOrderId() + "' has nothing left to cancel: its units were shipped");
            }
            checkUnits("pushCancellation", order, units);
            for (ChannelLineQuantity l : units) {
                cancelled.merge(lineKey(order.channelOrderId(), l.channelLineId()), l.quantity(), Long::sum);
            }
            cancellations.add(cancellation);
            return null;
        });
    }

    @Override
    public ChannelPage<ChannelProduct> pullProducts(ChannelCursor since, int limit) {
        script.enter("pullProducts", since);
        require(PULL_PRODUCTS, "pullProducts");
        checkLimit("pullProducts", limit);
        long after = position("pullProducts", since);
        return inLock(() -> {
            List<StoredProduct> newer = products.values().stream()
                    .filter(p -> p.seq() > after)
                    .sorted(java.util.Comparator.comparingLong(StoredProduct::seq))
                    .toList();
            List<StoredProduct> page = newer.subList(0, Math.min(limit, newer.size()));
            long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            return new ChannelPage<>(
                    page.stream().map(StoredProduct::product).toList(), cursor(next), newer.size() > page.size());
        });
    }

    @Override
    public ProductPushResult pushProducts(List<ProductPush> pushes) {
        script.enter("pushProducts", List.copyOf(pushes));
        require(PUSH_PRODUCTS, "pushProducts");
        return inLock(() -> {
            List<ChannelProduct> accepted = new ArrayList<>();
            List<ProductPushResult.Conflict> conflicts = new ArrayList<>();
            for (ProductPush push : pushes) {
                Optional<ChannelProduct> current =
                        Optional.ofNullable(products.get(push.sku())).map(StoredProduct::product);
                if (current.isPresent() && push.sameContentAs(current.get())) {
                    accepted.add(current.get());
                } else if (current.map(ChannelProduct::version).equals(push.expectedVersion())) {
                    accepted.add(storeProduct(push.sku(), push.title(), push.price(), push.attributes()));
                } else {
                    conflicts.add(ProductPushResult.Conflict.of(push, current.map(ChannelProduct::version)));
                }
            }
            return new ProductPushResult(accepted, conflicts);
        });
    }

    @Override
    public WebhookHandler<ChannelOrderNotice> webhookHandler() {
        require(WEBHOOK_ORDERS, "webhookHandler");
        return new WebhookHandler<>() {
            @Override
            public void verify(WebhookRequest request) {
                String given = request.header(SIGNATURE_HEADER)
                        .orElseThrow(() -> new WebhookRejectedException(
                                id,
                                WebhookRejectedException.Reason.BAD_SIGNATURE,
                                "no " + SIGNATURE_HEADER + " header"));
                byte[] expected = sign(request.body()).getBytes(StandardCharsets.US_ASCII);
                if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
                    throw new WebhookRejectedException(
                            id, WebhookRejectedException.Reason.BAD_SIGNATURE, "the signature does not match the body");
                }
            }

            @Override
            public ChannelOrderNotice parse(WebhookRequest request) {
                Matcher m = NOTICE.matcher(request.bodyText());
                if (!m.matches()) {
                    throw new WebhookRejectedException(
                            id,
                            WebhookRejectedException.Reason.MALFORMED,
                            "the body is not an orders/updated notice (" + request.body().length + " bytes)");
                }
                Instant updatedAt;
                try {
                    updatedAt = Instant.parse(m.group(3));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new WebhookRejectedException(
                            id, WebhookRejectedException.Reason.MALFORMED, "updated_at is not an ISO instant");
                }
                long rev = Long.parseLong(m.group(4));
                if (rev == 0) {
                    return new ChannelOrderNotice(m.group(1), m.group(2), updatedAt, Optional.empty());
                }
                ChannelOrder order = inLock(() -> sentWebhooks.get(rev));
                if (order == null || !order.channelOrderId().equals(m.group(1))) {
                    throw new WebhookRejectedException(
                            id,
                            WebhookRejectedException.Reason.MALFORMED,
                            "the notice names order '" + m.group(1) + "' at revision " + m.group(4)
                                    + ", which this channel never sent");
                }
                return new ChannelOrderNotice(m.group(1), m.group(2), updatedAt, Optional.of(order));
            }
        };
    }

    @Override
    public String toString() {
        return "FakeSalesChannel[" + id + ", " + capabilities.size() + " capabilities]";
    }

    // ---- internals ----

    private ChannelProduct storeProduct(Sku sku, String title, Money price, Map<String, String> attributes) {
        StoredProduct before = products.get(sku);
        int version =
                before == null ? 1 : Integer.parseInt(before.product().version().substring(1)) + 1;
        ChannelProduct p = new ChannelProduct(sku, title, price, "v" + version, clock.instant(), attributes);
        products.put(sku, new StoredProduct(p, ++productSeq));
        return p;
    }

    private ChannelOrder known(String operation, String channelOrderId) {
        Stored s = orders.get(channelOrderId);
        if (s == null) {
            throw ConnectorException.notRetryable(id, operation, "no order '" + channelOrderId + "' in this channel");
        }
        return s.order();
    }

    private void checkUnits(String operation, ChannelOrder order, List<ChannelLineQuantity> units) {
        Map<String, Long> asked = new HashMap<>();
        units.forEach(u -> asked.merge(u.channelLineId(), u.quantity(), Long::sum));
        for (Map.Entry<String, Long> e : asked.entrySet()) {
            if (order.lines().stream().noneMatch(l -> l.channelLineId().equals(e.getKey()))) {
                throw ConnectorException.notRetryable(
                        id, operation, "order '" + order.channelOrderId() + "' has no line '" + e.getKey() + "'");
            }
            long open = open(order, e.getKey());
            if (e.getValue() > open) {
                throw ConnectorException.notRetryable(
                        id,
                        operation,
                        "line '" + e.getKey() + "' of order '" + order.channelOrderId() + "' has " + open
                                + " units neither shipped nor cancelled; asked for " + e.getValue());
            }
        }
    }

    private long open(ChannelOrder order, String lineId) {
        long ordered = order.lines().stream()
                .filter(l -> l.channelLineId().equals(lineId))
                .mapToLong(ChannelOrderLine::quantity)
                .sum();
        String key = lineKey(order.channelOrderId(), lineId);
        return ordered - shipped.getOrDefault(key, 0L) - cancelled.getOrDefault(key, 0L);
    }

    private static String lineKey(String orderId, String lineId) {
        return orderId + "\u0000" + lineId;
    }

    private void checkLimit(String operation, int limit) {
        if (limit < 1) {
            throw ConnectorException.notRetryable(id, operation, "limit must be at least 1; was " + limit);
        }
    }

    private long position(String operation, ChannelCursor cursor) {
        if (cursor.isStart()) {
            return 0;
        }
        if (cursor.value().matches("seq:[0-9]{1,18}")) {
            return Long.parseLong(cursor.value().substring(4));
        }
        throw ConnectorException.notRetryable(id, operation, "cursor '" + cursor + "' was not issued by this channel");
    }

    private static ChannelCursor cursor(long position) {
        return ChannelCursor.of("seq:" + position);
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private <T> T inLock(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
