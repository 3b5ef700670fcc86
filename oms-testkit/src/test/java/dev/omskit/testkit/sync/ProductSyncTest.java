package dev.omskit.testkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.channel.ChannelCursor;
import dev.omskit.connectors.channel.ChannelPage;
import dev.omskit.connectors.channel.ChannelProduct;
import dev.omskit.connectors.channel.ProductPush;
import dev.omskit.connectors.channel.ProductPushResult;
import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.connectors.resilience.ResiliencePolicy;
import dev.omskit.connectors.resilience.ResilientCaller;
import dev.omskit.connectors.sync.ChannelBinding;
import dev.omskit.connectors.sync.ConflictResolution;
import dev.omskit.connectors.sync.ProductChange;
import dev.omskit.connectors.sync.ProductContent;
import dev.omskit.connectors.sync.SyncEngine;
import dev.omskit.connectors.sync.SyncReport;
import dev.omskit.connectors.sync.SyncState;
import dev.omskit.connectors.sync.SyncWork;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.connectors.FakeSalesChannel;
import dev.omskit.testkit.connectors.FakeScript;
import dev.omskit.testkit.store.InMemoryCursorStore;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import dev.omskit.testkit.store.InMemorySyncWorkStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProductSyncTest {
    static final TenantId TENANT = TenantId.of("t-products");
    static final String SHOP = "fake-shop";
    static final Sku SHIRT = Sku.of("SKU-SHIRT");
    static final Sku HAT = Sku.of("SKU-HAT");
    static final Channel CHANNEL = Channel.of("shop", ChannelKind.MARKETPLACE);

    final ManualClock clock = ManualClock.at("2026-11-11T00:00:00Z");
    final InMemorySyncWorkStore work = InMemorySyncWorkStore.create();
    final InMemoryCursorStore cursors = InMemoryCursorStore.create();
    FakeSalesChannel shop;
    ResilientCaller caller;
    Oms oms;
    SyncEngine engine;
    final List<SyncEngine> engines = new ArrayList<>();

    @BeforeEach
    void setUp() {
        shop = FakeSalesChannel.of(SHOP, "webhook-secret", clock);
        caller = ResilientCaller.of(ResiliencePolicy.builder()
                .initialBackoff(Duration.ZERO)
                .maxBackoff(Duration.ZERO)
                .timeout(Duration.ofSeconds(5))
                .maxAttempts(2)
                .callsPerPeriod(10_000)
                .build());
        Inventory inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(InMemoryProductCatalog.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .build();
        engine = engine(shop);
    }

    @AfterEach
    void tearDown() {
        engines.forEach(SyncEngine::close);
        caller.close();
    }

    /** An engine over the shared stores, serving {@code channel} as SHOP. */
    SyncEngine engine(SalesChannel channel) {
        SyncEngine e = SyncEngine.builder()
                .oms(oms)
                .work(work)
                .cursors(cursors)
                .caller(caller)
                .clock(clock)
                .channel(ChannelBinding.of(TENANT, CHANNEL, channel))
                .build();
        engines.add(e);
        return e;
    }

    static ProductContent shirt(String title, String price) {
        return ProductContent.of(SHIRT, title, vnd(price));
    }

    static Money vnd(String amount) {
        return Money.of(amount, "VND");
    }

    void push(ProductContent... products) {
        engine.pushProducts(TENANT, SHOP, List.of(products));
    }

    SyncWork item(Sku sku) {
        return engine.find(TENANT, "product/" + SHOP + "/" + sku.value()).orElseThrow();
    }

    ChannelProduct listed(Sku sku) {
        return shop.product(sku).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    List<List<ProductPush>> pushCalls() {
        return shop.script().calls("pushProducts").stream()
                .map(c -> (List<ProductPush>) c.argument())
                .toList();
    }

    ProductPush lastPush() {
        List<List<ProductPush>> calls = pushCalls();
        List<ProductPush> last = calls.get(calls.size() - 1);
        assertThat(last).hasSize(1);
        return last.get(0);
    }

    /** Our shirt listed at v1, then a merchant's edit in the channel (v2) a minute later. */
    void listedThenEditedByTheMerchant() {
        push(shirt("Cotton shirt", "199000"));
        engine.runOnce();
        clock.advance(Duration.ofMinutes(1));
        shop.editProduct(SHIRT, "Cotton shirt - SALE", vnd("149000"));
    }

    /** {@link #listedThenEditedByTheMerchant}, then our own edit pushed: parked as a conflict. */
    void conflictParked() {
        listedThenEditedByTheMerchant();
        clock.advance(Duration.ofMinutes(1));
        push(shirt("Cotton shirt, slim fit", "189000"));
        engine.runOnce();
        assertThat(item(SHIRT).state()).isEqualTo(SyncState.PARKED);
    }

    @Nested
    class Pushing {
        @Test
        void creation_isPushedWithoutAVersion_andAccepted() {
            push(ProductContent.of(SHIRT, "Cotton shirt", vnd("199000")));
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.PENDING);

            SyncReport report = engine.runOnce();

            assertThat(report.done()).isEqualTo(1);
            assertThat(lastPush().expectedVersion()).isEmpty();
            assertThat(lastPush().title()).isEqualTo("Cotton shirt");
            ChannelProduct listed = listed(SHIRT);
            assertThat(listed.title()).isEqualTo("Cotton shirt");
            assertThat(listed.price()).isEqualTo(vnd("199000"));
            assertThat(listed.version()).isEqualTo("v1");
            SyncWork done = item(SHIRT);
            assertThat(done.state()).isEqualTo(SyncState.DONE);
            assertThat(done.payload())
                    .containsEntry("channel.version", "v1")
                    .containsEntry("title", "Cotton shirt")
                    .containsEntry("price.amount", "199000")
                    .containsEntry("price.currency", "VND");
        }

        @Test
        void attributes_travelFlattened_andReachTheChannel() {
            push(new ProductContent(SHIRT, "Cotton shirt", vnd("199000"), Map.of("brand", "Omsy", "color", "blue")));
            assertThat(item(SHIRT).payload())
                    .containsEntry("attribute.brand", "Omsy")
                    .containsEntry("attribute.color", "blue");

            engine.runOnce();

            assertThat(listed(SHIRT).attributes()).isEqualTo(Map.of("brand", "Omsy", "color", "blue"));
        }

        @Test
        void edit_isPushedOnTheKnownVersion() {
            push(shirt("Cotton shirt", "199000"));
            engine.runOnce();

            push(shirt("Cotton shirt, slim fit", "179000"));
            engine.runOnce();

            assertThat(lastPush().expectedVersion()).contains("v1");
            assertThat(listed(SHIRT).version()).isEqualTo("v2");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt, slim fit");
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(item(SHIRT).payload()).containsEntry("channel.version", "v2");
        }

        @Test
        void identicalContent_isAcceptedWithoutAChange() {
            push(shirt("Cotton shirt", "199000"));
            engine.runOnce();

            push(shirt("Cotton shirt", "199000"));
            SyncReport report = engine.runOnce();

            assertThat(report.done()).isEqualTo(1);
            assertThat(pushCalls()).hasSize(2);
            assertThat(listed(SHIRT).version()).isEqualTo("v1");
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(item(SHIRT).payload()).containsEntry("channel.version", "v1");
        }

        @Test
        void twoBursts_coalesceIntoOnePushOfTheNewest() {
            push(shirt("Cotton shirt", "199000"));
            engine.runOnce();

            push(shirt("Cotton shirt v2", "189000"));
            push(shirt("Cotton shirt v3", "179000"), ProductContent.of(HAT, "Straw hat", vnd("99000")));
            engine.runOnce();

            assertThat(pushCalls()).hasSize(2);
            List<ProductPush> second = pushCalls().get(1);
            assertThat(second).extracting(ProductPush::sku).containsExactlyInAnyOrder(SHIRT, HAT);
            ProductPush shirt = second.stream()
                    .filter(p -> p.sku().equals(SHIRT))
                    .findFirst()
                    .orElseThrow();
            assertThat(shirt.title()).isEqualTo("Cotton shirt v3");
            assertThat(shirt.expectedVersion()).contains("v1");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt v3");
            assertThat(listed(SHIRT).version()).isEqualTo("v2");
            assertThat(listed(HAT).version()).isEqualTo("v1");
        }

        @Test
        void manyProducts_arePushedInBatchesOfTwentyPerChannel() {
            List<ProductContent> products = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                products.add(ProductContent.of(Sku.of("SKU-" + i), "Product " + i, vnd("10000")));
            }
            engine.pushProducts(TENANT, SHOP, products);

            engine.runOnce();

            assertThat(pushCalls()).extracting(List::size).containsExactly(20, 5);
            for (int i = 0; i < 25; i++) {
                assertThat(shop.product(Sku.of("SKU-" + i))).isPresent();
            }
        }

        @Test
        void retryableFailures_areRetried_untilAccepted() {
            engine.runOnce(); // the round's order poll, so that the scripted failures meet the push
            shop.script().failNext(2, FailureKind.RETRYABLE); // both attempts of the resilience layer

            push(shirt("Cotton shirt", "199000"));
            SyncReport first = engine.runOnce();

            assertThat(first.later()).isEqualTo(1);
            SyncWork waiting = item(SHIRT);
            assertThat(waiting.state()).isEqualTo(SyncState.PENDING);
            assertThat(waiting.lastFailureKind()).contains(FailureKind.RETRYABLE);
            assertThat(shop.product(SHIRT)).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            engine.runOnce();

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt");
            assertThat(shop.script().calls("pushProducts"))
                    .extracting(FakeScript.Call::outcome)
                    .containsExactly("RETRYABLE", "RETRYABLE", "ok");
        }

        @Test
        void notRetryableFailure_parks_keepingTheContent_andARetryPushesIt() {
            engine.runOnce(); // the round's order poll, so that the scripted failure meets the push
            shop.script().failNext(1, FailureKind.NOT_RETRYABLE);

            push(shirt("Cotton shirt", "199000"));
            SyncReport report = engine.runOnce();

            assertThat(report.parked()).isEqualTo(1);
            SyncWork parked = item(SHIRT);
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.lastFailureKind()).contains(FailureKind.NOT_RETRYABLE);
            assertThat(parked.payload()).containsEntry("title", "Cotton shirt");
            assertThat(shop.script().calls("pushProducts")).hasSize(1); // not retried by the resilience layer
            assertThat(shop.product(SHIRT)).isEmpty();

            engine.parked().retry(TENANT, parked.key());
            engine.runOnce();

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt");
        }

        @Test
        void creation_ofAProductTheChannelListsAlready_isParkedAsAConflict() {
            shop.addProduct(SHIRT, "Merchant's shirt", vnd("120000"));

            push(shirt("Cotton shirt", "199000"));
            engine.runOnce();

            SyncWork parked = item(SHIRT);
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.lastFailure().orElseThrow()).contains("SKU-SHIRT", "no version (a creation)", "'v1'");
            assertThat(listed(SHIRT).title()).isEqualTo("Merchant's shirt");
        }

        @Test
        void badInput_isRefusedBeforeAnythingIsStored() {
            assertThatThrownBy(() -> ProductContent.of(SHIRT, " ", vnd("1")))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("title");
            assertThatThrownBy(() -> ProductContent.of(SHIRT, "Shirt", vnd("-1")))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("negative");
            Map<String, String> nullValue = new HashMap<>();
            nullValue.put("brand", null);
            assertThatThrownBy(() -> new ProductContent(SHIRT, "Shirt", vnd("1"), nullValue))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("brand");
            assertThatThrownBy(() -> new ProductContent(SHIRT, "Shirt", vnd("1"), Map.of(" brand", "x")))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> engine.pushProducts(TENANT, "no-such-shop", List.of(shirt("Shirt", "1"))))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("no-such-shop");
            List<ProductContent> withNull = new ArrayList<>();
            withNull.add(shirt("Shirt", "1"));
            withNull.add(null);
            assertThatThrownBy(() -> engine.pushProducts(TENANT, SHOP, withNull))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThat(engine.find(TENANT, "product/" + SHOP + "/SKU-SHIRT")).isEmpty();
        }

        @Test
        void aChannelWithoutProductPushes_isRefused() {
            FakeSalesChannel ordersOnly = FakeSalesChannel.withCapabilities(
                    "orders-only", Set.of(SalesChannel.PULL_ORDERS), "webhook-secret", clock);
            SyncEngine other = SyncEngine.builder()
                    .oms(oms)
                    .work(work)
                    .cursors(cursors)
                    .caller(caller)
                    .clock(clock)
                    .channel(ChannelBinding.of(TENANT, CHANNEL, ordersOnly))
                    .build();
            engines.add(other);

            assertThatThrownBy(() -> other.pushProducts(TENANT, "orders-only", List.of(shirt("Shirt", "1"))))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("PUSH_PRODUCTS");
            assertThatThrownBy(() -> other.pullProducts(TENANT, "orders-only"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("PULL_PRODUCTS");
        }
    }

    @Nested
    class Conflicts {
        @Test
        void merchantsEdit_thenOurPush_isParkedNamingBothVersions_andNothingIsOverwritten() {
            listedThenEditedByTheMerchant();

            push(shirt("Cotton shirt, slim fit", "189000"));
            SyncReport report = engine.runOnce();

            assertThat(report.parked()).isEqualTo(1);
            assertThat(lastPush().expectedVersion()).contains("v1");
            SyncWork parked = item(SHIRT);
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.lastFailureKind()).contains(FailureKind.NOT_RETRYABLE);
            assertThat(parked.lastFailure().orElseThrow())
                    .contains("product conflict", "SKU-SHIRT", "'v1'", "'v2'", SHOP);
            assertThat(parked.payload())
                    .containsEntry("title", "Cotton shirt, slim fit")
                    .containsEntry("price.amount", "189000")
                    .containsEntry("channel.version", "v1")
                    .containsEntry("conflict.version", "v2");
            assertThat(engine.parked().list(TENANT, 0, 10))
                    .extracting(SyncWork::key)
                    .containsExactly("product/" + SHOP + "/SKU-SHIRT");
            ChannelProduct listed = listed(SHIRT);
            assertThat(listed.title()).isEqualTo("Cotton shirt - SALE");
            assertThat(listed.price()).isEqualTo(vnd("149000"));
            assertThat(listed.version()).isEqualTo("v2");
        }

        @Test
        void aParkedConflict_isNotRunAgainByItself() {
            conflictParked();
            int calls = pushCalls().size();

            clock.advance(Duration.ofHours(1));
            assertThat(engine.runOnce().idle()).isTrue();

            assertThat(pushCalls()).hasSize(calls);
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt - SALE");
        }

        @Test
        void keepOurs_basesThePushOnTheChannelsVersion_andTheNextRoundListsOurs() {
            conflictParked();

            Optional<ProductChange> out =
                    engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.KEEP_OURS);

            assertThat(out).isEmpty();
            SyncWork pending = item(SHIRT);
            assertThat(pending.state()).isEqualTo(SyncState.PENDING);
            assertThat(pending.payload())
                    .containsEntry("channel.version", "v2")
                    .doesNotContainKeys("conflict", "conflict.version");

            engine.runOnce();

            assertThat(lastPush().expectedVersion()).contains("v2");
            ChannelProduct listed = listed(SHIRT);
            assertThat(listed.title()).isEqualTo("Cotton shirt, slim fit");
            assertThat(listed.price()).isEqualTo(vnd("189000"));
            assertThat(listed.version()).isEqualTo("v3");
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(item(SHIRT).payload()).containsEntry("channel.version", "v3");
        }

        @Test
        void keepOurs_afterAnotherMerchantsEdit_conflictsAgainInsteadOfOverwritingIt() {
            conflictParked();
            clock.advance(Duration.ofMinutes(1));
            shop.editProduct(SHIRT, "Cotton shirt - FLASH SALE", vnd("99000")); // v3, not seen by anybody

            engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.KEEP_OURS);
            engine.runOnce();

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.PARKED);
            assertThat(item(SHIRT).lastFailure().orElseThrow()).contains("'v2'", "'v3'");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt - FLASH SALE");
        }

        @Test
        void takeTheirs_isDoneWithTheChannelsVersionAndContent_andPushesNothing() {
            conflictParked();
            int calls = pushCalls().size();

            Optional<ProductChange> theirs =
                    engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.TAKE_THEIRS);

            assertThat(theirs).isPresent();
            assertThat(theirs.get().channelVersion()).isEqualTo("v2");
            assertThat(theirs.get().title()).isEqualTo("Cotton shirt - SALE");
            assertThat(theirs.get().price()).isEqualTo(vnd("149000"));
            SyncWork done = item(SHIRT);
            assertThat(done.state()).isEqualTo(SyncState.DONE);
            assertThat(done.payload())
                    .containsEntry("channel.version", "v2")
                    .containsEntry("title", "Cotton shirt - SALE")
                    .containsEntry("origin", "channel");
            assertThat(engine.runOnce().idle()).isTrue();
            assertThat(pushCalls()).hasSize(calls);
            assertThat(listed(SHIRT).version()).isEqualTo("v2");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt - SALE");

            push(shirt("Cotton shirt - SALE, slim fit", "149000"));
            engine.runOnce();

            assertThat(lastPush().expectedVersion()).contains("v2");
            assertThat(listed(SHIRT).version()).isEqualTo("v3");
        }

        @Test
        void newContentForAParkedConflict_staysParked_andKeepOursPushesTheNewest() {
            conflictParked();

            push(shirt("Cotton shirt, regular fit", "185000"));

            SyncWork parked = item(SHIRT);
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.payload())
                    .containsEntry("title", "Cotton shirt, regular fit")
                    .containsEntry("channel.version", "v1")
                    .containsEntry("conflict.version", "v2");

            engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.KEEP_OURS);
            engine.runOnce();

            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt, regular fit");
        }

        @Test
        void resolving_withoutAParkedProductPush_isRefused() {
            assertThatThrownBy(() -> engine.resolveProductConflict(TENANT, SHOP, HAT, ConflictResolution.KEEP_OURS))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("SKU-HAT");

            push(shirt("Cotton shirt", "199000"));
            assertThatThrownBy(() -> engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.TAKE_THEIRS))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("PENDING");

            engine.runOnce();
            assertThatThrownBy(() -> engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.KEEP_OURS))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("DONE");
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
        }

        @Test
        void keepOurs_forAPushParkedByAFailure_basesItOnWhatTheChannelListsNow() {
            push(shirt("Cotton shirt", "199000"));
            engine.runOnce(); // (the round's order poll is done: the next is due in a minute)
            shop.editProduct(SHIRT, "Cotton shirt - SALE", vnd("149000"));
            shop.script().failNext(1, FailureKind.NOT_RETRYABLE);
            push(shirt("Cotton shirt, slim fit", "189000"));
            engine.runOnce();
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.PARKED);
            assertThat(item(SHIRT).lastFailure().orElseThrow()).contains("scripted NOT_RETRYABLE");

            engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.KEEP_OURS);
            engine.runOnce();

            assertThat(lastPush().expectedVersion()).contains("v2");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt, slim fit");
        }
    }

    @Nested
    class Pulling {
        @Test
        void aMerchantsEdit_isRecordedAndReported_andTheNextPushIsBasedOnIt() {
            listedThenEditedByTheMerchant();

            List<ProductChange> changes = engine.pullProducts(TENANT, SHOP);

            assertThat(changes).hasSize(1);
            ProductChange change = changes.get(0);
            assertThat(change.sku()).isEqualTo(SHIRT);
            assertThat(change.channelVersion()).isEqualTo("v2");
            assertThat(change.title()).isEqualTo("Cotton shirt - SALE");
            assertThat(change.price()).isEqualTo(vnd("149000"));
            assertThat(change.conflict()).isFalse();
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(item(SHIRT).payload())
                    .containsEntry("channel.version", "v2")
                    .containsEntry("title", "Cotton shirt - SALE");
            assertThat(cursors.cursor(TENANT, SHOP, "products:default")).isPresent();
            assertThat(engine.pullProducts(TENANT, SHOP)).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            push(shirt("Cotton shirt - SALE, slim fit", "149000"));
            engine.runOnce();

            assertThat(lastPush().expectedVersion()).contains("v2");
            assertThat(listed(SHIRT).version()).isEqualTo("v3");
            assertThat(engine.pullProducts(TENANT, SHOP)).isEmpty(); // our own push is no news
        }

        @Test
        void beforeThePushRuns_detectsTheConflict_andParksThePush() {
            listedThenEditedByTheMerchant();
            push(shirt("Cotton shirt, slim fit", "189000"));

            List<ProductChange> changes = engine.pullProducts(TENANT, SHOP);

            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.conflict()).isTrue();
                assertThat(c.title()).isEqualTo("Cotton shirt - SALE");
            });
            SyncWork parked = item(SHIRT);
            assertThat(parked.state()).isEqualTo(SyncState.PARKED);
            assertThat(parked.lastFailure().orElseThrow()).contains("SKU-SHIRT", "'v1'", "'v2'");
            assertThat(parked.payload())
                    .containsEntry("title", "Cotton shirt, slim fit")
                    .containsEntry("conflict.version", "v2");

            engine.runOnce();

            assertThat(pushCalls()).hasSize(1); // only the first listing: our edit never reached the channel
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt - SALE");

            engine.resolveProductConflict(TENANT, SHOP, SHIRT, ConflictResolution.KEEP_OURS);
            engine.runOnce();
            assertThat(lastPush().expectedVersion()).contains("v2");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt, slim fit");
        }

        @Test
        void ofAPendingPushTheChannelAlreadyLists_isNoConflict() {
            shop.addProduct(SHIRT, "Cotton shirt", vnd("199000")); // the merchant listed it as we would
            push(shirt("Cotton shirt", "199000"));

            engine.pullProducts(TENANT, SHOP);

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.PENDING);
            engine.runOnce();
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(listed(SHIRT).version()).isEqualTo("v1");
        }

        @Test
        void ofAParkedPush_leavesItParked_andReportsTheEdit() {
            conflictParked();
            SyncWork before = item(SHIRT);

            List<ProductChange> changes = engine.pullProducts(TENANT, SHOP);

            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.conflict()).isTrue();
                assertThat(c.channelVersion()).isEqualTo("v2");
            });
            assertThat(item(SHIRT)).isEqualTo(before);
        }

        @Test
        void aProductCreatedInTheChannel_isRecorded_soOurPushIsAnEdit() {
            shop.addProduct(HAT, "Straw hat", vnd("99000"));

            List<ProductChange> changes = engine.pullProducts(TENANT, SHOP);

            assertThat(changes).extracting(ProductChange::sku).containsExactly(HAT);
            assertThat(item(HAT).state()).isEqualTo(SyncState.DONE);
            assertThat(engine.runOnce().idle()).isTrue(); // a record, nothing to push

            push(ProductContent.of(HAT, "Straw hat, wide brim", vnd("109000")));
            engine.runOnce();

            assertThat(lastPush().expectedVersion()).contains("v1");
            assertThat(listed(HAT).title()).isEqualTo("Straw hat, wide brim");
            assertThat(item(HAT).state()).isEqualTo(SyncState.DONE);
        }

        @Test
        void pagesThroughTheChannel_movingTheCursorAfterEachPage() {
            for (int i = 0; i < 120; i++) {
                shop.addProduct(Sku.of("SKU-" + i), "Product " + i, vnd("10000"));
            }

            List<ProductChange> changes = engine.pullProducts(TENANT, SHOP);

            assertThat(changes).hasSize(120);
            assertThat(shop.script().calls("pullProducts")).hasSize(3); // pages of 50
            assertThat(cursors.cursor(TENANT, SHOP, "products:default")).contains("seq:120");
            assertThat(engine.pullProducts(TENANT, SHOP)).isEmpty();
        }

        @Test
        void aFailedPage_leavesTheCursorWhereTheLastRecordedPageEnded() {
            for (int i = 0; i < 60; i++) {
                shop.addProduct(Sku.of("SKU-" + i), "Product " + i, vnd("10000"));
            }
            engine.pullProducts(TENANT, SHOP); // reads 50, then 10
            assertThat(cursors.cursor(TENANT, SHOP, "products:default")).contains("seq:60");

            clock.advance(Duration.ofMinutes(1));
            for (int i = 60; i < 120; i++) {
                shop.addProduct(Sku.of("SKU-" + i), "Product " + i, vnd("10000"));
            }
            HookedChannel hooked = new HookedChannel(shop);
            SyncEngine failing = engine(hooked);
            hooked.failPullAfter = 1; // the first page is read; the second fails in every attempt

            assertThatThrownBy(() -> failing.pullProducts(TENANT, SHOP))
                    .isInstanceOf(dev.omskit.connectors.ConnectorException.class);

            assertThat(cursors.cursor(TENANT, SHOP, "products:default")).contains("seq:110");
            assertThat(engine.find(TENANT, "product/" + SHOP + "/SKU-109")).isPresent();
            assertThat(engine.find(TENANT, "product/" + SHOP + "/SKU-110")).isEmpty();
            hooked.failPullAfter = -1;
            assertThat(failing.pullProducts(TENANT, SHOP))
                    .extracting(ProductChange::sku)
                    .hasSize(10)
                    .contains(Sku.of("SKU-110"), Sku.of("SKU-119"));
        }

        @Test
        void aPageReadBeforeOurPush_andRecordedAfterIt_doesNotTakeTheKnownVersionBack() {
            push(shirt("Cotton shirt", "199000"));
            engine.runOnce(); // v1
            ChannelPage<ChannelProduct> stale = shop.pullProducts(ChannelCursor.START, 50);
            clock.advance(Duration.ofMinutes(1));
            push(shirt("Cotton shirt, slim fit", "189000"));
            engine.runOnce(); // v2
            HookedChannel hooked = new HookedChannel(shop);
            hooked.replay = stale;
            SyncEngine late = engine(hooked);

            assertThat(late.pullProducts(TENANT, SHOP)).isEmpty();

            assertThat(item(SHIRT).payload()).containsEntry("channel.version", "v2");
            push(shirt("Cotton shirt, slim fit, blue", "189000"));
            engine.runOnce();
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(lastPush().expectedVersion()).contains("v2");
        }
    }

    @Nested
    class WhileAPushIsAtTheChannel {
        HookedChannel hooked;

        @BeforeEach
        void hook() {
            hooked = new HookedChannel(shop);
            engine = engine(hooked);
            push(shirt("Cotton shirt", "199000"));
            engine.runOnce(); // v1
        }

        @Test
        void newerContent_isBasedOnTheVersionThePushProduced() {
            hooked.beforePush = () -> push(shirt("Cotton shirt v3", "179000"));

            push(shirt("Cotton shirt v2", "189000"));
            engine.runOnce();

            assertThat(pushCalls()).hasSize(3);
            assertThat(lastPush().title()).isEqualTo("Cotton shirt v3");
            assertThat(lastPush().expectedVersion()).contains("v2");
            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt v3");
            assertThat(listed(SHIRT).version()).isEqualTo("v3");
            assertThat(engine.parked().count(TENANT)).isZero();
        }

        @Test
        void aPullSeeingThatPush_parksNothing() {
            hooked.afterPush =
                    () -> assertThat(engine.pullProducts(TENANT, SHOP)).isEmpty();

            push(shirt("Cotton shirt v2", "189000"));
            clock.advance(Duration.ofMinutes(1)); // the channel's v2 is newer than the v1 the push is based on
            engine.runOnce();

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(item(SHIRT).payload()).containsEntry("channel.version", "v2");
            assertThat(engine.parked().count(TENANT)).isZero();
        }

        @Test
        void newerContentAndAPullSeeingThatPush_areBasedOnItAgain() {
            // the pull meets newer content based on v1 while the channel holds v2 from our push: it parks it,
            // and the finished push lifts that park, since the conflict was with itself
            hooked.afterPush = () -> {
                push(shirt("Cotton shirt v3", "179000"));
                engine.pullProducts(TENANT, SHOP);
                assertThat(item(SHIRT).state()).isEqualTo(SyncState.PARKED);
            };

            push(shirt("Cotton shirt v2", "189000"));
            clock.advance(Duration.ofMinutes(1));
            engine.runOnce();

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.DONE);
            assertThat(lastPush().expectedVersion()).contains("v2");
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt v3");
            assertThat(engine.parked().count(TENANT)).isZero();
        }

        @Test
        void aMerchantsEdit_isStillAConflict() {
            hooked.beforePush = () -> {
                clock.advance(Duration.ofMinutes(1));
                shop.editProduct(SHIRT, "Cotton shirt - SALE", vnd("149000"));
            };

            push(shirt("Cotton shirt v2", "189000"));
            engine.runOnce();

            assertThat(item(SHIRT).state()).isEqualTo(SyncState.PARKED);
            assertThat(listed(SHIRT).title()).isEqualTo("Cotton shirt - SALE");
        }
    }

    @Test
    void aRestartedEngine_keepsTheKnownVersionsAndTheCursor() {
        push(shirt("Cotton shirt", "199000"));
        engine.runOnce();
        shop.addProduct(HAT, "Straw hat", vnd("99000"));
        assertThat(engine.pullProducts(TENANT, SHOP))
                .extracting(ProductChange::sku)
                .containsExactly(HAT);
        engine.close();

        SyncEngine restarted = engine(shop);
        restarted.pushProducts(
                TENANT,
                SHOP,
                List.of(
                        shirt("Cotton shirt, slim fit", "189000"),
                        ProductContent.of(HAT, "Straw hat, wide brim", vnd("109000"))));
        restarted.runOnce();

        List<ProductPush> pushed = pushCalls().get(pushCalls().size() - 1);
        assertThat(pushed)
                .extracting(ProductPush::sku, ProductPush::expectedVersion)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SHIRT, Optional.of("v1")),
                        org.assertj.core.groups.Tuple.tuple(HAT, Optional.of("v1")));
        assertThat(listed(SHIRT).version()).isEqualTo("v2");
        assertThat(listed(HAT).version()).isEqualTo("v2");
        assertThat(restarted.parked().count(TENANT)).isZero();
        assertThat(restarted.pullProducts(TENANT, SHOP)).isEmpty(); // the cursor and our own versions were kept
    }

    @Test
    void concurrentPushesAndRounds_endWithTheLastContentListed_andNoFalseConflict() throws Exception {
        int skus = 4;
        int perSku = 60;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean pushing = new AtomicBoolean(true);
            List<Future<?>> pushers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t * (skus / 2);
                pushers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perSku; i++) {
                        for (int s = first; s < first + skus / 2; s++) {
                            engine.pushProducts(
                                    TENANT,
                                    SHOP,
                                    List.of(ProductContent.of(Sku.of("SKU-" + s), "title " + i, vnd("1000"))));
                        }
                    }
                    return null;
                }));
            }
            Future<?> rounds = pool.submit(() -> {
                start.await();
                while (pushing.get()) {
                    engine.runOnce();
                }
                return null;
            });
            start.countDown();
            for (Future<?> f : pushers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pushing.set(false);
            rounds.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Duration.ofMinutes(5)); // past any lease a lost race left behind
        engine.runUntilIdle(20);

        assertThat(engine.parked().list(TENANT, 0, 10)).isEmpty();
        for (int s = 0; s < skus; s++) {
            Sku sku = Sku.of("SKU-" + s);
            SyncWork w = item(sku);
            ChannelProduct listed = listed(sku);
            assertThat(w.state()).isEqualTo(SyncState.DONE);
            assertThat(listed.title()).isEqualTo("title " + (perSku - 1));
            assertThat(w.payload()).containsEntry("channel.version", listed.version());
        }
    }

    /**
     * A channel in front of the fake that runs a test's action once right before or after a product push
     * reaches it, replays a page of products once, or fails product pulls after some pages.
     */
    static final class HookedChannel implements SalesChannel {
        final FakeSalesChannel fake;
        volatile Runnable beforePush;
        volatile Runnable afterPush;
        volatile ChannelPage<ChannelProduct> replay;
        volatile int failPullAfter = -1;

        HookedChannel(FakeSalesChannel fake) {
            this.fake = fake;
        }

        @Override
        public String id() {
            return fake.id();
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(PUSH_PRODUCTS, PULL_PRODUCTS);
        }

        @Override
        public ProductPushResult pushProducts(List<ProductPush> products) {
            Runnable before = beforePush;
            beforePush = null;
            if (before != null) {
                before.run();
            }
            ProductPushResult result = fake.pushProducts(products);
            Runnable after = afterPush;
            afterPush = null;
            if (after != null) {
                after.run();
            }
            return result;
        }

        @Override
        public ChannelPage<ChannelProduct> pullProducts(ChannelCursor since, int limit) {
            ChannelPage<ChannelProduct> page = replay;
            replay = null;
            if (page != null) {
                return page;
            }
            if (failPullAfter == 0) {
                throw dev.omskit.connectors.ConnectorException.retryable(id(), "pullProducts", "the channel is down");
            }
            if (failPullAfter > 0) {
                failPullAfter--;
            }
            return fake.pullProducts(since, limit);
        }
    }
}
