package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
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
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the {@link SalesChannel} SPI: it proves that a connector keeps the contract in
 * the {@code @implSpec} of {@link SalesChannel}: consistent capability declarations, idempotent
 * acknowledgements and pushes, stock versions that never let a stale figure overwrite a newer one,
 * order paging that loses no order, product pushes that report conflicts, verify-then-parse webhooks,
 * and failures mapped to the right {@link FailureKind} with messages free of secrets.
 *
 * <p>A connector author proves an implementation with a short subclass, typically against a local HTTP
 * stub of the provider:
 *
 * <pre>{@code
 * class ShopeeChannelConformanceTest extends SalesChannelConformanceKit {
 *     final ShopeeStub stub = ShopeeStub.start();
 *
 *     protected SalesChannel create() { stub.reset(); return ShopeeChannel.create(stub.config()); }
 *     protected List<ChannelOrder> givenOrders(SalesChannel c, int n) { return stub.placeOrders(n); }
 *     protected Sku listedSku(SalesChannel c) { return stub.listedSku(); }
 *     protected ChannelProduct givenProduct(SalesChannel c) { return stub.listProduct(); }
 *     protected boolean provokeFailure(SalesChannel c, FailureKind kind) { return stub.failNext(kind); }
 *     protected Set<String> secrets() { return Set.of(stub.partnerKey()); }
 * }
 * }</pre>
 *
 * <p>{@link #create()} is called before every test and must return a channel with no orders, products or
 * stock of earlier tests. Tests of an undeclared capability check only that it fails {@code
 * NOT_RETRYABLE}; the behaviour tests of a capability are skipped (JUnit assumptions) when it is not
 * declared.
 */
public abstract class SalesChannelConformanceKit {
    /** The tenant the kit captures for when it checks {@link ChannelOrder#toCapture}. */
    protected static final TenantId TENANT = TenantId.of("tck-tenant");

    private SalesChannel channel;

    /** A new channel, holding nothing of earlier tests. Called once before each test. */
    protected abstract SalesChannel create();

    /**
     * Makes {@code count} new, valid orders exist in the channel (as a buyer would place them) and returns
     * them as the channel reports them, oldest first. Each has at least one line of at least 2 units and
     * nothing shipped or cancelled yet.
     */
    protected abstract List<ChannelOrder> givenOrders(SalesChannel channel, int count);

    /** A SKU the channel lists, so stock may be pushed for it. */
    protected abstract Sku listedSku(SalesChannel channel);

    /** Lists a new product in the channel and returns it as the channel reports it (with its version). */
    protected abstract ChannelProduct givenProduct(SalesChannel channel);

    /**
     * Arranges that the next call to the channel fails the way the provider fails for {@code kind}
     * (a 503 for {@code RETRYABLE}, a 429 with retry-after for {@code RATE_LIMITED}, a 401 for {@code
     * AUTHENTICATION_FAILED}), and later calls work again. Returns false when that failure cannot be
     * provoked; the check is then skipped.
     */
    protected abstract boolean provokeFailure(SalesChannel channel, FailureKind kind);

    /**
     * Changes {@code product} in the channel as a merchant would there, so that its version moves on.
     * Returns false (the default) when the author cannot do that; the check is then skipped.
     */
    protected boolean editInChannel(SalesChannel channel, ChannelProduct product) {
        return false;
    }

    /**
     * Signs webhooks as the channel does; required when the channel declares {@link
     * SalesChannel#WEBHOOK_ORDERS}. Empty by default.
     */
    protected Optional<WebhookSigner> webhookSigner(SalesChannel channel) {
        return Optional.empty();
    }

    /** The secrets the channel was configured with; none may appear in a failure message. */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** Builds webhooks the way the channel signs them, for the webhook checks. */
    public interface WebhookSigner {
        /** A correctly signed notice about {@code order}. */
        WebhookRequest forOrder(ChannelOrder order);

        /** A request with {@code body}, correctly signed. */
        WebhookRequest signed(byte[] body);

        /** The header that carries the signature. */
        String signatureHeader();
    }

    /** Creates the channel of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createChannel() {
        channel = create();
        assertThat(channel).as("create()").isNotNull();
    }

    /** The channel under test. */
    protected final SalesChannel channel() {
        return channel;
    }

    // ====================================================================================== capabilities

    @Nested
    @DisplayName("Capabilities")
    class Capabilities {
        @Test
        @DisplayName("a sales channel says it is one, has an id and a fixed set of capabilities")
        void kind_id_capabilities_areStable() {
            assertThat(channel.kind()).isEqualTo(ConnectorKind.SALES_CHANNEL);
            assertThat(channel.id()).isNotBlank();
            assertThat(channel.capabilities()).isEqualTo(channel.capabilities());
            assertThat(channel.capabilities())
                    .allSatisfy(c -> assertThat(channel.can(c)).isTrue());
        }

        @Test
        @DisplayName("pullOrders works when PULL_ORDERS is declared, else fails NOT_RETRYABLE")
        void pullOrders_declaredWorks_undeclaredRefused() {
            givenOrders(channel, 1);
            declaredWorksElseRefused(SalesChannel.PULL_ORDERS, () -> channel.pullOrders(ChannelCursor.START, 10));
        }

        @Test
        @DisplayName("fetchOrder works when FETCH_ORDER is declared, else fails NOT_RETRYABLE")
        void fetchOrder_declaredWorks_undeclaredRefused() {
            ChannelOrder order = givenOrders(channel, 1).get(0);
            declaredWorksElseRefused(SalesChannel.FETCH_ORDER, () -> channel.fetchOrder(order.channelOrderId()));
        }

        @Test
        @DisplayName("acknowledge works when ACKNOWLEDGE is declared, else fails NOT_RETRYABLE")
        void acknowledge_declaredWorks_undeclaredRefused() {
            ChannelOrder order = givenOrders(channel, 1).get(0);
            declaredWorksElseRefused(
                    SalesChannel.ACKNOWLEDGE, () -> channel.acknowledge(Set.of(order.channelOrderId())));
        }

        @Test
        @DisplayName("pushStock works when PUSH_STOCK is declared, else fails NOT_RETRYABLE")
        void pushStock_declaredWorks_undeclaredRefused() {
            Sku sku = listedSku(channel);
            declaredWorksElseRefused(
                    SalesChannel.PUSH_STOCK, () -> channel.pushStock(List.of(StockUpdate.of(sku, 5, 1))));
        }

        @Test
        @DisplayName("pushShipment works when PUSH_SHIPMENT is declared, else fails NOT_RETRYABLE")
        void pushShipment_declaredWorks_undeclaredRefused() {
            ChannelOrder order = givenOrders(channel, 1).get(0);
            declaredWorksElseRefused(
                    SalesChannel.PUSH_SHIPMENT, () -> channel.pushShipment(shipmentOf(order, "tck-s1", "TRK-1")));
        }

        @Test
        @DisplayName("pushCancellation works when PUSH_CANCELLATION is declared, else fails NOT_RETRYABLE")
        void pushCancellation_declaredWorks_undeclaredRefused() {
            ChannelOrder order = givenOrders(channel, 1).get(0);
            declaredWorksElseRefused(
                    SalesChannel.PUSH_CANCELLATION,
                    () -> channel.pushCancellation(CancellationPush.wholeOrder(order.channelOrderId(), "tck")));
        }

        @Test
        @DisplayName("pullProducts works when PULL_PRODUCTS is declared, else fails NOT_RETRYABLE")
        void pullProducts_declaredWorks_undeclaredRefused() {
            givenProduct(channel);
            declaredWorksElseRefused(SalesChannel.PULL_PRODUCTS, () -> channel.pullProducts(ChannelCursor.START, 10));
        }

        @Test
        @DisplayName("pushProducts works when PUSH_PRODUCTS is declared, else fails NOT_RETRYABLE")
        void pushProducts_declaredWorks_undeclaredRefused() {
            ChannelProduct p = givenProduct(channel);
            declaredWorksElseRefused(
                    SalesChannel.PUSH_PRODUCTS,
                    () -> channel.pushProducts(List.of(ProductPush.editOf(p, p.title() + " (tck)", p.price()))));
        }

        @Test
        @DisplayName("webhookHandler works when WEBHOOK_ORDERS is declared, else fails NOT_RETRYABLE")
        void webhookHandler_declaredWorks_undeclaredRefused() {
            if (channel.can(SalesChannel.WEBHOOK_ORDERS)) {
                assertThat(channel.webhookHandler()).isNotNull();
                assertThat(webhookSigner(channel))
                        .as("a channel declaring WEBHOOK_ORDERS must be given a webhookSigner()")
                        .isPresent();
            } else {
                assertNotRetryable(channel::webhookHandler);
            }
        }

        private void declaredWorksElseRefused(Capability capability, ThrowingCallable call) {
            if (channel.can(capability)) {
                assertThatCode(call).as(capability + " is declared").doesNotThrowAnyException();
            } else {
                assertNotRetryable(call);
            }
        }
    }

    // ============================================================================================ orders

    @Nested
    @DisplayName("Pulling orders")
    class Orders {
        @BeforeEach
        void declared() {
            assume(SalesChannel.PULL_ORDERS);
        }

        @Test
        @DisplayName("paging from the start yields every order at least once, pages no bigger than asked")
        void pullOrders_fromStart_yieldsEveryOrder() {
            List<ChannelOrder> given = givenOrders(channel, 5);
            List<ChannelOrder> pulled = pullAll(ChannelCursor.START, 2);
            assertThat(ids(pulled)).containsAll(ids(given));
        }

        @Test
        @DisplayName("pulling again from a cursor returns the same or newer data: nothing is lost")
        void pullOrders_againFromSameCursor_losesNothing() {
            List<ChannelOrder> given = givenOrders(channel, 5);
            ChannelPage<ChannelOrder> first = channel.pullOrders(ChannelCursor.START, 2);
            assertThat(first.items()).hasSizeLessThanOrEqualTo(2);
            Set<String> rest = ids(pullAll(first.next(), 2));
            Set<String> again = ids(pullAll(first.next(), 2));
            assertThat(again).containsAll(rest);
            Set<String> all = new LinkedHashSet<>(ids(first.items()));
            all.addAll(rest);
            assertThat(all).containsAll(ids(given));
            assertThat(ids(pullAll(ChannelCursor.START, 3))).containsAll(ids(given));
        }

        @Test
        @DisplayName("orders placed after a pull come with the next pull from its cursor")
        void pullOrders_newOrdersAfterCursor_comeNext() {
            givenOrders(channel, 2);
            ChannelCursor end = drain(ChannelCursor.START);
            List<ChannelOrder> later = givenOrders(channel, 2);
            assertThat(ids(pullAll(end, 10))).containsAll(ids(later));
        }

        @Test
        @DisplayName("every order pulled maps to a capture command")
        void pulledOrders_mapToCapture() {
            List<ChannelOrder> given = givenOrders(channel, 2);
            Set<String> ids = ids(given);
            Channel c = new Channel(ChannelId.of(channel.id()), ChannelKind.MARKETPLACE);
            for (ChannelOrder o : pullAll(ChannelCursor.START, 10)) {
                if (ids.contains(o.channelOrderId())) {
                    CaptureOrder capture = o.toCapture(TENANT, c, Actor.channel(c.id()));
                    assertThat(capture.channelOrderId()).isEqualTo(o.channelOrderId());
                    assertThat(capture.lines()).hasSameSizeAs(o.lines());
                    assertThat(capture.expectedTotal()).isEqualTo(o.total());
                }
            }
        }

        @Test
        @DisplayName("fetching one order returns it as pulled; an unknown id is empty")
        void fetchOrder_returnsTheOrder_unknownIsEmpty() {
            assume(SalesChannel.FETCH_ORDER);
            ChannelOrder given = givenOrders(channel, 1).get(0);
            Optional<ChannelOrder> fetched = channel.fetchOrder(given.channelOrderId());
            assertThat(fetched).isPresent();
            assertThat(fetched.get().channelOrderId()).isEqualTo(given.channelOrderId());
            assertThat(fetched.get().lines()).hasSameSizeAs(given.lines());
            assertThat(channel.fetchOrder("tck-no-such-order-" + System.nanoTime()))
                    .isEmpty();
        }

        @Test
        @DisplayName("acknowledging the same orders twice has no second effect and does not fail")
        void acknowledge_twice_isIdempotent() {
            assume(SalesChannel.ACKNOWLEDGE);
            Set<String> ids = ids(givenOrders(channel, 2));
            channel.acknowledge(ids);
            assertThatCode(() -> channel.acknowledge(ids)).doesNotThrowAnyException();
            assertThat(ids(pullAll(ChannelCursor.START, 10))).containsAll(ids);
        }
    }

    // ============================================================================================= stock

    @Nested
    @DisplayName("Pushing stock")
    class Stock {
        @BeforeEach
        void declared() {
            assume(SalesChannel.PUSH_STOCK);
        }

        @Test
        @DisplayName("an update older than the one applied is reported stale and never applied")
        void pushStock_olderAfterNewer_isStale() {
            Sku sku = listedSku(channel);
            StockUpdate v10 = StockUpdate.of(sku, 5, 10);
            assertThat(channel.pushStock(List.of(v10)).applied()).containsExactly(v10);
            StockUpdate v9 = StockUpdate.of(sku, 7, 9);
            StockPushResult stale = channel.pushStock(List.of(v9));
            assertThat(stale.applied()).isEmpty();
            assertThat(stale.stale()).containsExactly(new StockPushResult.Stale(v9, 10));
            // the channel still holds v10: the same version with other units is not newer, so it is stale
            StockUpdate v10Other = StockUpdate.of(sku, 6, 10);
            assertThat(channel.pushStock(List.of(v10Other)).stale())
                    .containsExactly(new StockPushResult.Stale(v10Other, 10));
            StockUpdate v11 = StockUpdate.of(sku, 3, 11);
            assertThat(channel.pushStock(List.of(v11)).applied()).containsExactly(v11);
        }

        @Test
        @DisplayName("within one batch, the older update of a SKU is stale whatever its position")
        void pushStock_reorderedInBatch_olderIsStale() {
            Sku sku = listedSku(channel);
            StockUpdate newer = StockUpdate.of(sku, 1, 20);
            StockUpdate older = StockUpdate.of(sku, 9, 19);
            StockPushResult result = channel.pushStock(List.of(newer, older));
            assertThat(result.applied()).containsExactly(newer);
            assertThat(result.stale()).extracting(StockPushResult.Stale::update).containsExactly(older);
        }

        @Test
        @DisplayName("the same update twice gives the same result and one effect")
        void pushStock_twice_isIdempotent() {
            Sku sku = listedSku(channel);
            StockUpdate u = StockUpdate.of(sku, 4, 30);
            StockPushResult first = channel.pushStock(List.of(u));
            assertThat(channel.pushStock(List.of(u))).isEqualTo(first);
            assertThat(first.applied()).containsExactly(u);
        }
    }

    // ========================================================================================= shipments

    @Nested
    @DisplayName("Pushing shipments and cancellations")
    class Shipments {
        @Test
        @DisplayName("the same shipment twice has one effect; other content under its id is a conflict")
        void pushShipment_twice_isIdempotent_otherContentRefused() {
            assume(SalesChannel.PUSH_SHIPMENT);
            ChannelOrder order = givenOrders(channel, 1).get(0);
            ShipmentPush push = shipmentOf(order, "tck-s1", "TRK-1");
            channel.pushShipment(push);
            assertThatCode(() -> channel.pushShipment(push)).doesNotThrowAnyException();
            ConnectorException e = assertNotRetryable(() -> channel.pushShipment(shipmentOf(order, "tck-s1", "TRK-2")));
            assertThat(e.getMessage()).contains("tck-s1");
        }

        @Test
        @DisplayName("a shipment of an unknown order or of more units than ordered fails NOT_RETRYABLE")
        void pushShipment_unknownOrderOrTooMany_refused() {
            assume(SalesChannel.PUSH_SHIPMENT);
            ChannelOrder order = givenOrders(channel, 1).get(0);
            ChannelOrderLine line = order.lines().get(0);
            assertNotRetryable(() -> channel.pushShipment(new ShipmentPush(
                    "tck-s2",
                    "tck-no-such-order",
                    List.of(ChannelLineQuantity.of(line.channelLineId(), 1)),
                    "TCK",
                    "TRK-3")));
            assertNotRetryable(() -> channel.pushShipment(new ShipmentPush(
                    "tck-s3",
                    order.channelOrderId(),
                    List.of(ChannelLineQuantity.of(line.channelLineId(), line.quantity() + 1)),
                    "TCK",
                    "TRK-4")));
        }

        @Test
        @DisplayName("the same cancellation twice has one effect")
        void pushCancellation_twice_isIdempotent() {
            assume(SalesChannel.PUSH_CANCELLATION);
            ChannelOrder order = givenOrders(channel, 1).get(0);
            ChannelOrderLine line = order.lines().get(0);
            CancellationPush one = new CancellationPush(
                    order.channelOrderId(), List.of(ChannelLineQuantity.of(line.channelLineId(), 1)), "out of stock");
            channel.pushCancellation(one);
            assertThatCode(() -> channel.pushCancellation(one)).doesNotThrowAnyException();
            CancellationPush rest = CancellationPush.wholeOrder(order.channelOrderId(), "buyer asked");
            channel.pushCancellation(rest);
            assertThatCode(() -> channel.pushCancellation(rest)).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("cancelling an order whose units were all shipped fails NOT_RETRYABLE")
        void pushCancellation_afterShipped_refused() {
            assume(SalesChannel.PUSH_SHIPMENT);
            assume(SalesChannel.PUSH_CANCELLATION);
            ChannelOrder order = givenOrders(channel, 1).get(0);
            channel.pushShipment(new ShipmentPush(
                    "tck-all",
                    order.channelOrderId(),
                    order.lines().stream()
                            .map(l -> ChannelLineQuantity.of(l.channelLineId(), l.quantity()))
                            .toList(),
                    "TCK",
                    "TRK-ALL"));
            assertNotRetryable(
                    () -> channel.pushCancellation(CancellationPush.wholeOrder(order.channelOrderId(), "too late")));
        }
    }

    // ========================================================================================== products

    @Nested
    @DisplayName("Syncing products")
    class Products {
        @Test
        @DisplayName("a listed product is pulled with its version")
        void pullProducts_containsListedProduct() {
            assume(SalesChannel.PULL_PRODUCTS);
            ChannelProduct p = givenProduct(channel);
            List<ChannelProduct> all = new ArrayList<>();
            ChannelCursor at = ChannelCursor.START;
            for (int i = 0; i < 1000; i++) {
                ChannelPage<ChannelProduct> page = channel.pullProducts(at, 10);
                all.addAll(page.items());
                at = page.next();
                if (!page.hasMore()) {
                    break;
                }
            }
            assertThat(all).extracting(ChannelProduct::sku).contains(p.sku());
            assertThat(all).filteredOn(x -> x.sku().equals(p.sku())).allSatisfy(x -> assertThat(x.version())
                    .isNotBlank());
        }

        @Test
        @DisplayName(
                "a push based on the current version is accepted with a new version; the same again changes nothing")
        void pushProducts_current_acceptedAndIdempotent() {
            assume(SalesChannel.PUSH_PRODUCTS);
            ChannelProduct p = givenProduct(channel);
            ProductPush edit = ProductPush.editOf(p, p.title() + " (tck)", p.price());
            ProductPushResult first = channel.pushProducts(List.of(edit));
            assertThat(first.conflicts()).isEmpty();
            assertThat(first.accepted()).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo(edit.title());
                assertThat(a.version()).isNotEqualTo(p.version());
            });
            ProductPushResult again = channel.pushProducts(List.of(edit));
            assertThat(again.conflicts()).isEmpty();
            assertThat(again.accepted())
                    .extracting(ChannelProduct::version)
                    .containsExactly(first.accepted().get(0).version());
        }

        @Test
        @DisplayName("a push based on a version the channel moved on from is a conflict, and nothing is applied")
        void pushProducts_staleVersion_isConflict() {
            assume(SalesChannel.PUSH_PRODUCTS);
            ChannelProduct p = givenProduct(channel);
            channel.pushProducts(List.of(ProductPush.editOf(p, p.title() + " (ours)", p.price())));
            ProductPush stale = ProductPush.editOf(p, p.title() + " (stale)", p.price());
            ProductPushResult result = channel.pushProducts(List.of(stale));
            assertThat(result.accepted()).isEmpty();
            assertThat(result.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.sku()).isEqualTo(p.sku());
                assertThat(c.expectedVersion()).contains(p.version());
                assertThat(c.message()).contains("conflict").contains(p.sku().value());
            });
            assertThat(channel.pushProducts(List.of(stale)).conflicts()).hasSize(1);
        }

        @Test
        @DisplayName("a push that would overwrite a merchant's edit in the channel is a conflict")
        void pushProducts_afterEditInChannel_isConflict() {
            assume(SalesChannel.PUSH_PRODUCTS);
            ChannelProduct p = givenProduct(channel);
            Assumptions.assumeTrue(editInChannel(channel, p), "editInChannel() not offered");
            ProductPushResult result =
                    channel.pushProducts(List.of(ProductPush.editOf(p, p.title() + " (ours)", p.price())));
            assertThat(result.accepted()).isEmpty();
            assertThat(result.conflicts())
                    .extracting(ProductPushResult.Conflict::sku)
                    .containsExactly(p.sku());
        }

        @Test
        @DisplayName("creating a product the channel lists already is a conflict")
        void pushProducts_createExisting_isConflict() {
            assume(SalesChannel.PUSH_PRODUCTS);
            ChannelProduct p = givenProduct(channel);
            ProductPush create =
                    new ProductPush(p.sku(), p.title() + " (new)", p.price(), Optional.empty(), p.attributes());
            ProductPushResult result = channel.pushProducts(List.of(create));
            assertThat(result.conflicts())
                    .extracting(ProductPushResult.Conflict::currentVersion)
                    .containsExactly(Optional.of(p.version()));
        }
    }

    // ========================================================================================== webhooks

    @Nested
    @DisplayName("Order webhooks, verify-then-parse")
    class Webhooks {
        private WebhookHandler<ChannelOrderNotice> handler;
        private WebhookSigner signer;
        private ChannelOrder order;

        @BeforeEach
        void declared() {
            assume(SalesChannel.WEBHOOK_ORDERS);
            handler = channel.webhookHandler();
            signer = webhookSigner(channel)
                    .orElseThrow(() -> new AssertionError("WEBHOOK_ORDERS is declared but webhookSigner() is empty"));
            order = givenOrders(channel, 1).get(0);
        }

        @Test
        @DisplayName("a signed notice is accepted and names its order; the same one twice parses the same")
        void accept_signed_parsesTwiceTheSame() {
            WebhookRequest request = signer.forOrder(order);
            ChannelOrderNotice notice = handler.accept(request);
            assertThat(notice.channelOrderId()).isEqualTo(order.channelOrderId());
            notice.order().ifPresent(o -> assertThat(o.channelOrderId()).isEqualTo(order.channelOrderId()));
            assertThat(handler.accept(request)).isEqualTo(notice);
        }

        @Test
        @DisplayName("a tampered body is BAD_SIGNATURE")
        void accept_tamperedBody_isBadSignature() {
            WebhookRequest good = signer.forOrder(order);
            byte[] body = good.body();
            body[body.length / 2] ^= 0x01;
            rejected(
                    new WebhookRequest(good.headers(), body, good.receivedAt()),
                    WebhookRejectedException.Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("a missing signature is BAD_SIGNATURE")
        void accept_noSignature_isBadSignature() {
            WebhookRequest good = signer.forOrder(order);
            Map<String, String> headers = new HashMap<>(good.headers());
            headers.keySet().removeIf(h -> h.equalsIgnoreCase(signer.signatureHeader()));
            rejected(
                    new WebhookRequest(headers, good.body(), good.receivedAt()),
                    WebhookRejectedException.Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("garbage behind a valid signature is MALFORMED")
        void accept_signedGarbage_isMalformed() {
            rejected(
                    signer.signed("{not a notice".getBytes(StandardCharsets.UTF_8)),
                    WebhookRejectedException.Reason.MALFORMED);
            rejected(signer.signed(new byte[0]), WebhookRejectedException.Reason.MALFORMED);
        }

        private void rejected(WebhookRequest request, WebhookRejectedException.Reason reason) {
            Throwable t = catchThrowable(() -> handler.accept(request));
            assertThat(t).isInstanceOf(WebhookRejectedException.class);
            WebhookRejectedException e = (WebhookRejectedException) t;
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.connector()).isEqualTo(channel.id());
            assertFreeOfSecrets(e.getMessage());
        }
    }

    // ============================================================================================ errors

    @Nested
    @DisplayName("Error mapping")
    class Errors {
        @Test
        @DisplayName("a transient provider failure is RETRYABLE, and the call works again afterwards")
        void transientFailure_isRetryable() {
            ThrowingCallable call = anyCall();
            Assumptions.assumeTrue(provokeFailure(channel, FailureKind.RETRYABLE), "RETRYABLE not provokable");
            mapped(call, FailureKind.RETRYABLE);
            assertThatCode(call).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("throttling is RATE_LIMITED")
        void throttling_isRateLimited() {
            ThrowingCallable call = anyCall();
            Assumptions.assumeTrue(provokeFailure(channel, FailureKind.RATE_LIMITED), "RATE_LIMITED not provokable");
            mapped(call, FailureKind.RATE_LIMITED);
        }

        @Test
        @DisplayName("refused credentials are AUTHENTICATION_FAILED, and the message holds no secret")
        void refusedCredentials_isAuthenticationFailed() {
            ThrowingCallable call = anyCall();
            Assumptions.assumeTrue(
                    provokeFailure(channel, FailureKind.AUTHENTICATION_FAILED), "AUTHENTICATION_FAILED not provokable");
            mapped(call, FailureKind.AUTHENTICATION_FAILED);
        }

        @Test
        @DisplayName("the channel's toString holds no secret")
        void toString_holdsNoSecret() {
            assertFreeOfSecrets(channel.toString());
        }

        private void mapped(ThrowingCallable call, FailureKind kind) {
            Throwable t = catchThrowable(call);
            assertThat(t).as("the provoked " + kind).isInstanceOf(ConnectorException.class);
            ConnectorException e = (ConnectorException) t;
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.connector()).isEqualTo(channel.id());
            assertFreeOfSecrets(e.getMessage());
        }

        /** A call of a declared operation with its fixture prepared first (so provoking hits this call). */
        private ThrowingCallable anyCall() {
            if (channel.can(SalesChannel.PULL_ORDERS)) {
                givenOrders(channel, 1);
                return () -> channel.pullOrders(ChannelCursor.START, 10);
            }
            if (channel.can(SalesChannel.PUSH_STOCK)) {
                Sku sku = listedSku(channel);
                long[] version = {0};
                return () -> channel.pushStock(List.of(StockUpdate.of(sku, 1, ++version[0])));
            }
            if (channel.can(SalesChannel.PULL_PRODUCTS)) {
                givenProduct(channel);
                return () -> channel.pullProducts(ChannelCursor.START, 10);
            }
            if (channel.can(SalesChannel.ACKNOWLEDGE)) {
                Set<String> ids = ids(givenOrders(channel, 1));
                return () -> channel.acknowledge(ids);
            }
            Assumptions.abort("no capability the error checks can call");
            throw new AssertionError("unreachable");
        }
    }

    // ========================================================================================== helpers

    private void assume(Capability capability) {
        Assumptions.assumeTrue(channel.can(capability), capability + " is not declared");
    }

    private ConnectorException assertNotRetryable(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected a NOT_RETRYABLE ConnectorException").isInstanceOf(ConnectorException.class);
        ConnectorException e = (ConnectorException) t;
        assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
        assertThat(e.connector()).isEqualTo(channel.id());
        assertFreeOfSecrets(e.getMessage());
        return e;
    }

    private void assertFreeOfSecrets(String text) {
        for (String secret : secrets()) {
            assertThat(text).as("a message or toString").doesNotContain(secret);
        }
    }

    private static ShipmentPush shipmentOf(ChannelOrder order, String shipmentId, String tracking) {
        return new ShipmentPush(
                shipmentId,
                order.channelOrderId(),
                List.of(ChannelLineQuantity.of(order.lines().get(0).channelLineId(), 1)),
                "TCK",
                tracking);
    }

    private List<ChannelOrder> pullAll(ChannelCursor from, int limit) {
        List<ChannelOrder> all = new ArrayList<>();
        ChannelCursor at = from;
        for (int i = 0; i < 1000; i++) {
            ChannelPage<ChannelOrder> page = channel.pullOrders(at, limit);
            assertThat(page.items()).as("a page of at most " + limit).hasSizeLessThanOrEqualTo(limit);
            all.addAll(page.items());
            at = page.next();
            if (!page.hasMore()) {
                return all;
            }
        }
        throw new AssertionError("pullOrders still had more after 1000 pages");
    }

    private ChannelCursor drain(ChannelCursor from) {
        ChannelCursor at = from;
        for (int i = 0; i < 1000; i++) {
            ChannelPage<ChannelOrder> page = channel.pullOrders(at, 10);
            at = page.next();
            if (!page.hasMore()) {
                return at;
            }
        }
        throw new AssertionError("pullOrders still had more after 1000 pages");
    }

    private static Set<String> ids(List<ChannelOrder> orders) {
        return orders.stream().map(ChannelOrder::channelOrderId).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
