package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.fulfilment.CancelAnswer;
import dev.omskit.connectors.fulfilment.ConfirmationPage;
import dev.omskit.connectors.fulfilment.ConfirmationsQuery;
import dev.omskit.connectors.fulfilment.FulfilmentCancellation;
import dev.omskit.connectors.fulfilment.FulfilmentConfirmation;
import dev.omskit.connectors.fulfilment.FulfilmentRelease;
import dev.omskit.connectors.fulfilment.FulfilmentService;
import dev.omskit.connectors.fulfilment.ReleaseAnswer;
import dev.omskit.connectors.webhook.WebhookHandler;
import dev.omskit.connectors.webhook.WebhookRejectedException;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the {@link FulfilmentService} SPI (WMS, 3PL, dropship vendor): capability
 * declarations, idempotent releases by our request id, cancellation refused once packed, confirmations
 * polled with a cursor (paging, repeatable) and pushed as webhooks that are verified before they are parsed
 * (tampered or unsigned: {@code BAD_SIGNATURE}), the mapping of confirmations to core commands, and the
 * mapping of provoked failures to the one error model with messages free of secrets.
 *
 * <p>The location's own work (pick, pack, ship) is played through the {@link Warehouse} the author returns
 * from {@link #warehouse}: for a real connector it drives a local stub of the provider; for the fake it is
 * the fake's own methods:
 *
 * <pre>{@code
 * class MyWmsConformanceTest extends FulfilmentServiceConformanceKit {
 *     final WmsStub stub = WmsStub.start();
 *
 *     protected FulfilmentService create() {
 *         stub.reset();
 *         return MyWmsConnector.builder().baseUri(stub.uri()).apiKey("tck-key").webhookSecret("tck-hook").build();
 *     }
 *
 *     protected Warehouse warehouse(FulfilmentService service) {
 *         return stub.warehouse(); // picks, packs, ships and signs webhooks as the real WMS does
 *     }
 *
 *     protected boolean provokeNextFailure(FulfilmentService service, FailureKind kind) {
 *         return stub.failNext(kind);
 *     }
 *
 *     protected Optional<String> provokeReleaseRejection(FulfilmentService service) {
 *         return Optional.of(stub.rejectNext("SKU not stocked here"));
 *     }
 *
 *     protected Set<String> secrets() {
 *         return Set.of("tck-key", "tck-hook");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #create()} is called before every test; the kit uses fresh random request ids, so a shared
 * sandbox works. The releases are built by {@link #release}: override it for the SKUs and location the
 * provider knows. Tests needing an undeclared capability or a failure that cannot be provoked are skipped.
 */
public abstract class FulfilmentServiceConformanceKit {
    /** The tenant of the mapped core commands. */
    protected static final TenantId TENANT = TenantId.of("tck-fulfilment");

    private static final Actor ACTOR = Actor.system("fulfilment-tck");
    private static final LineId L1 = LineId.of("L1");
    private static final LineId L2 = LineId.of("L2");

    /**
     * The location's side of a test: what the warehouse's people do and the webhooks its system sends.
     * Each step applies to a request released and in the state the step needs.
     */
    public interface Warehouse {
        /** The location picks {@code picked} units per line; fewer than released is a short pick for {@code shortReason}. */
        void pick(String requestId, Map<LineId, Integer> picked, Optional<String> shortReason);

        /** The location packs the picked units. */
        void pack(String requestId);

        /** The location hands the parcels to {@code carrier} under {@code trackingNumber}. */
        void ship(String requestId, String carrier, String trackingNumber);

        /**
         * The signed webhooks the location sent since the last call, oldest first; empty when the connector
         * does not take webhooks.
         */
        List<WebhookRequest> webhooks();
    }

    private FulfilmentService service;

    /** A connector to a location that holds none of the kit's requests; called before every test. */
    protected abstract FulfilmentService create();

    /** The location's side for {@code service} (see {@link Warehouse}). */
    protected abstract Warehouse warehouse(FulfilmentService service);

    /**
     * Makes the next call of {@code service} fail as the provider would with {@code kind} (a 5xx, no answer
     * in time, a throttle, refused credentials); false when it cannot (the test is skipped).
     */
    protected abstract boolean provokeNextFailure(FulfilmentService service, FailureKind kind);

    /**
     * Makes the location refuse the next release (no stock, a SKU it does not carry) and returns its reason
     * as it should appear in the answer; empty when it cannot be provoked.
     */
    protected abstract Optional<String> provokeReleaseRejection(FulfilmentService service);

    /** A connector like {@link #create()} without {@code capability}; empty (the default) when it cannot. */
    protected Optional<FulfilmentService> createWithout(Capability capability) {
        return Optional.empty();
    }

    /** The credentials and secrets the connector was given: never in a failure's message. */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** A new request id nobody used: {@code tck-ful-<random>}. */
    protected String newRequestId() {
        return "tck-ful-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A release of two lines (2 units of {@code SKU-TCK-1}, 1 of {@code SKU-TCK-2}) from {@code WH-TCK}. */
    protected FulfilmentRelease release(String requestId) {
        return new FulfilmentRelease(
                requestId,
                OrderId.of("tck-order-" + requestId),
                LocationId.of("WH-TCK"),
                List.of(
                        new FulfilmentRelease.Line(L1, Sku.of("SKU-TCK-1"), 2),
                        new FulfilmentRelease.Line(L2, Sku.of("SKU-TCK-2"), 1)),
                Address.builder()
                        .recipient("Tran Thi B")
                        .phone("+84901234567")
                        .line1("12 Nguyen Hue")
                        .city("Ho Chi Minh")
                        .countryCode("VN")
                        .build(),
                Optional.of("gift wrap"));
    }

    /** Creates the connector of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createService() {
        service = create();
        assertThat(service).as("create()").isNotNull();
    }

    /** The connector of the current test. */
    protected final FulfilmentService service() {
        return service;
    }

    @Nested
    @DisplayName("Capabilities")
    class Capabilities {
        @Test
        @DisplayName("the connector is a fulfilment service with an id and only capabilities of the SPI")
        void declarations_areConsistent() {
            assertThat(service.kind()).isEqualTo(ConnectorKind.FULFILMENT);
            assertThat(service.id()).isNotBlank();
            assertThat(service.capabilities()).isSubsetOf(all());
        }

        @Test
        @DisplayName("every declared capability's operation works")
        void declared_work() {
            for (Capability c : service.capabilities()) {
                exercise(service, c);
            }
        }

        @Test
        @DisplayName("an undeclared capability's operation fails NOT_RETRYABLE")
        void undeclared_failNotRetryable() {
            int checked = 0;
            for (Capability c : all()) {
                Optional<FulfilmentService> without = service.can(c) ? createWithout(c) : Optional.of(service);
                if (without.isEmpty()) {
                    continue;
                }
                assertThat(without.get().can(c))
                        .as("createWithout(" + c + ") declares it")
                        .isFalse();
                ConnectorException e = ConnectorFailures.failure(() -> exerciseUndeclared(without.get(), c));
                assertThat(e.kind()).as(c.name()).isEqualTo(FailureKind.NOT_RETRYABLE);
                assertThat(e.getMessage()).contains(c.name());
                checked++;
            }
            Assumptions.assumeTrue(checked > 0, "every capability is declared and createWithout() is empty");
        }
    }

    @Nested
    @DisplayName("Idempotency by our request id")
    class Idempotency {
        @Test
        @DisplayName("releasing the same request twice gives the same answer and one job")
        void release_twice_oneJob() {
            requires(FulfilmentService.RELEASE);
            FulfilmentRelease r = release(newRequestId());

            ReleaseAnswer first = service.release(r);
            ReleaseAnswer second = service.release(r);

            assertThat(first.accepted()).isTrue();
            assertThat(first.requestId()).isEqualTo(r.requestId());
            assertThat(second).isEqualTo(first);
            if (service.can(FulfilmentService.CONFIRMATIONS_POLL)) {
                assertThat(of(r.requestId(), pollAll()))
                        .singleElement()
                        .isInstanceOf(FulfilmentConfirmation.Accepted.class);
            }
        }

        @Test
        @DisplayName("the same id with changed content returns the first answer")
        void release_sameIdChangedContent_returnsFirst() {
            requires(FulfilmentService.RELEASE);
            FulfilmentRelease r = release(newRequestId());
            ReleaseAnswer first = service.release(r);

            ReleaseAnswer again = service.release(new FulfilmentRelease(
                    r.requestId(), r.orderId(), r.location(), r.lines().subList(0, 1), r.shipTo(), Optional.empty()));

            assertThat(again).isEqualTo(first);
        }

        @Test
        @DisplayName("after a retryable failure the repeated release creates exactly one job")
        void release_afterRetryableFailure_oneJob() {
            requires(FulfilmentService.RELEASE);
            Assumptions.assumeTrue(provokeNextFailure(service, FailureKind.RETRYABLE), "cannot provoke RETRYABLE");
            FulfilmentRelease r = release(newRequestId());
            assertThat(ConnectorFailures.failure(() -> service.release(r)).kind())
                    .isEqualTo(FailureKind.RETRYABLE);

            ReleaseAnswer answer = service.release(r);

            assertThat(answer.accepted()).isTrue();
            assertThat(service.release(r)).isEqualTo(answer);
            if (service.can(FulfilmentService.CONFIRMATIONS_POLL)) {
                assertThat(of(r.requestId(), pollAll())).hasSize(1);
            }
        }

        @Test
        @DisplayName("cancelling twice answers cancelled twice")
        void cancel_twice() {
            requires(FulfilmentService.RELEASE);
            requires(FulfilmentService.CANCEL);
            String id = newRequestId();
            service.release(release(id));
            FulfilmentCancellation cancel = new FulfilmentCancellation(id, "order cancelled");

            assertThat(service.cancel(cancel)).isEqualTo(CancelAnswer.cancelled(id));
            assertThat(service.cancel(cancel)).isEqualTo(CancelAnswer.cancelled(id));
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {
        @Test
        @DisplayName("threads releasing the same request at once get one answer and one job")
        void sameRelease_racing_oneJob() throws InterruptedException {
            requires(FulfilmentService.RELEASE);
            FulfilmentRelease r = release(newRequestId());

            List<Races.Outcome<ReleaseAnswer>> outcomes = Races.race(Races.THREADS, i -> () -> service.release(r));

            assertThat(Races.failures(outcomes)).isEmpty();
            assertThat(Races.successes(outcomes).stream().distinct()).hasSize(1);
            if (service.can(FulfilmentService.CONFIRMATIONS_POLL)) {
                assertThat(of(r.requestId(), pollAll())).hasSize(1);
            }
        }
    }

    @Nested
    @DisplayName("State rules")
    class StateRules {
        @Test
        @DisplayName("a request is cancellable until it is packed; afterwards the cancel is refused as a value")
        void cancel_refusedOncePacked() {
            requires(FulfilmentService.RELEASE);
            requires(FulfilmentService.CANCEL);
            Warehouse wh = warehouse(service);
            String packed = newRequestId();
            service.release(release(packed));
            wh.pick(packed, Map.of(L1, 2, L2, 1), Optional.empty());
            wh.pack(packed);

            CancelAnswer refused = service.cancel(new FulfilmentCancellation(packed, "too late"));
            assertThat(refused.cancelled()).isFalse();
            assertThat(refused.refusal()).hasValueSatisfying(r -> assertThat(r).isNotBlank());

            wh.ship(packed, "GHN", "GHN-" + packed);
            assertThat(service.cancel(new FulfilmentCancellation(packed, "too late"))
                            .cancelled())
                    .isFalse();
        }

        @Test
        @DisplayName("cancelling a request never released is refused NOT_RETRYABLE")
        void cancel_unknown_isRefused() {
            requires(FulfilmentService.CANCEL);

            ConnectorException e =
                    ConnectorFailures.failure(() -> service.cancel(new FulfilmentCancellation(newRequestId(), "x")));

            assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
            assertFreeOfSecrets(e);
        }

        @Test
        @DisplayName("a refused release answers with the location's reason, and the same again when repeated")
        void release_rejected_withReason() {
            requires(FulfilmentService.RELEASE);
            Optional<String> reason = provokeReleaseRejection(service);
            Assumptions.assumeTrue(reason.isPresent(), "cannot provoke a release rejection");
            FulfilmentRelease r = release(newRequestId());

            ReleaseAnswer answer = service.release(r);

            assertThat(answer.accepted()).isFalse();
            assertThat(answer.reason()).hasValueSatisfying(s -> assertThat(s).contains(reason.get()));
            assertThat(service.release(r)).isEqualTo(answer);
            ChangeFulfilment reject = answer.toRejectCommand(r, TENANT, ACTOR, service.id());
            assertThat(reject.requestId()).isEqualTo(r.requestId());
            assertThat(reject.orderId()).isEqualTo(r.orderId());
            assertThat(reject.reason()).isEqualTo(answer.reason());
            assertThat(reject.idempotencyKey()).isPresent();
        }

        @Test
        @DisplayName("confirmations report accepted, a short pick with its reason, packed and shipped, in order")
        void confirmations_followTheWork() {
            requires(FulfilmentService.RELEASE);
            requires(FulfilmentService.CONFIRMATIONS_POLL);
            Warehouse wh = warehouse(service);
            FulfilmentRelease r = release(newRequestId());
            service.release(r);
            wh.pick(r.requestId(), Map.of(L1, 1, L2, 1), Optional.of("one unit damaged"));
            wh.pack(r.requestId());
            wh.ship(r.requestId(), "GHN", "GHN-" + r.requestId());

            List<FulfilmentConfirmation> mine = of(r.requestId(), pollAll());

            assertThat(mine)
                    .extracting(c -> c.getClass().getSimpleName())
                    .containsExactly("Accepted", "Picked", "Packed", "Shipped");
            assertThat(mine).allSatisfy(c -> assertThat(c.orderId()).isEqualTo(r.orderId()));
            assertThat(mine.stream().map(FulfilmentConfirmation::eventId).distinct())
                    .hasSize(4);
            FulfilmentConfirmation.Picked picked = (FulfilmentConfirmation.Picked) mine.get(1);
            assertThat(picked.picked()).containsEntry(L1, 1).containsEntry(L2, 1);
            assertThat(picked.shortReason())
                    .hasValueSatisfying(s -> assertThat(s).contains("damaged"));
            FulfilmentConfirmation.Shipped shipped = (FulfilmentConfirmation.Shipped) mine.get(3);
            assertThat(shipped.trackingNumber()).isEqualTo("GHN-" + r.requestId());
            assertThat(shipped.carrier()).isEqualTo("GHN");
            assertThat(shipped.parcels()).isNotEmpty();
            assertThat(shipped.lines()).containsEntry(L1, 1).containsEntry(L2, 1);
        }

        @Test
        @DisplayName("polling pages with the cursor, and the same cursor returns the same confirmations")
        void poll_pagesAndRepeats() {
            requires(FulfilmentService.RELEASE);
            requires(FulfilmentService.CONFIRMATIONS_POLL);
            for (int i = 0; i < 3; i++) {
                service.release(release(newRequestId()));
            }
            ConfirmationPage all = service.confirmations(ConfirmationsQuery.first(1000));
            ConfirmationPage first = service.confirmations(ConfirmationsQuery.first(2));

            assertThat(first.confirmations()).hasSize(2);
            assertThat(first.more()).isEqualTo(all.confirmations().size() > 2);
            assertThat(service.confirmations(ConfirmationsQuery.first(2))).isEqualTo(first);
            ConfirmationPage next = service.confirmations(ConfirmationsQuery.after(first.nextCursor(), 1000));
            List<FulfilmentConfirmation> joined = new ArrayList<>(first.confirmations());
            joined.addAll(next.confirmations());
            assertThat(joined).isEqualTo(all.confirmations());
            ConfirmationPage end = service.confirmations(ConfirmationsQuery.after(next.nextCursor(), 10));
            assertThat(end.confirmations()).isEmpty();
            assertThat(end.more()).isFalse();
        }
    }

    @Nested
    @DisplayName("Webhooks, verify-then-parse")
    class Webhooks {
        @Test
        @DisplayName("a genuine webhook parses to the confirmations the location reported")
        void genuine_parses() {
            List<FulfilmentConfirmation> pushed = pushedAfterPick();

            assertThat(pushed).anySatisfy(c -> assertThat(c).isInstanceOf(FulfilmentConfirmation.Picked.class));
            if (service.can(FulfilmentService.CONFIRMATIONS_POLL)) {
                Set<String> polled = new LinkedHashSet<>();
                pollAll().forEach(c -> polled.add(c.eventId()));
                assertThat(pushed).allSatisfy(c -> assertThat(polled).contains(c.eventId()));
            }
        }

        @Test
        @DisplayName("a tampered body is rejected BAD_SIGNATURE")
        void tampered_isBadSignature() {
            WebhookRequest genuine = oneWebhook();
            byte[] body = genuine.body();
            body[body.length / 2] ^= 0x01;
            WebhookRequest tampered = new WebhookRequest(genuine.headers(), body, genuine.receivedAt());

            assertRejected(
                    () -> service.confirmationsWebhook().accept(tampered),
                    WebhookRejectedException.Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("a webhook without its signature headers is rejected BAD_SIGNATURE")
        void unsigned_isBadSignature() {
            WebhookRequest genuine = oneWebhook();
            WebhookRequest unsigned = new WebhookRequest(Map.of(), genuine.body(), genuine.receivedAt());

            assertRejected(
                    () -> service.confirmationsWebhook().accept(unsigned),
                    WebhookRejectedException.Reason.BAD_SIGNATURE);
        }

        @Test
        @DisplayName("the same webhook twice parses to the same confirmations (the engine dedupes by event id)")
        void sameWebhookTwice_sameEvents() {
            WebhookRequest genuine = oneWebhook();
            WebhookHandler<List<FulfilmentConfirmation>> handler = service.confirmationsWebhook();

            assertThat(handler.accept(genuine)).isEqualTo(handler.accept(genuine));
        }

        private List<FulfilmentConfirmation> pushedAfterPick() {
            List<FulfilmentConfirmation> out = new ArrayList<>();
            for (WebhookRequest w : webhooksAfterPick()) {
                out.addAll(service.confirmationsWebhook().accept(w));
            }
            return out;
        }

        private WebhookRequest oneWebhook() {
            List<WebhookRequest> sent = webhooksAfterPick();
            assertThat(sent).as("webhooks the location sent").isNotEmpty();
            return sent.get(sent.size() - 1);
        }

        private List<WebhookRequest> webhooksAfterPick() {
            requires(FulfilmentService.RELEASE);
            requires(FulfilmentService.CONFIRMATIONS_WEBHOOK);
            Warehouse wh = warehouse(service);
            wh.webhooks();
            String id = newRequestId();
            service.release(release(id));
            wh.pick(id, Map.of(L1, 2, L2, 1), Optional.empty());
            return wh.webhooks();
        }
    }

    @Nested
    @DisplayName("Error mapping")
    class ErrorMapping {
        @Test
        @DisplayName(
                "provoked failures come out as ConnectorExceptions of their kind, naming the connector, free of secrets")
        void provokedFailures_mapToTheirKind() {
            requires(FulfilmentService.RELEASE);
            int checked = 0;
            for (FailureKind kind : List.of(
                    FailureKind.RETRYABLE,
                    FailureKind.TIMEOUT,
                    FailureKind.RATE_LIMITED,
                    FailureKind.AUTHENTICATION_FAILED)) {
                if (!provokeNextFailure(service, kind)) {
                    continue;
                }
                ConnectorException e = ConnectorFailures.failure(() -> service.release(release(newRequestId())));
                assertThat(e.kind()).as("provoked " + kind).isEqualTo(kind);
                assertThat(e.connector()).isEqualTo(service.id());
                assertFreeOfSecrets(e);
                checked++;
            }
            Assumptions.assumeTrue(checked > 0, "no failure kind could be provoked");
        }

        @Test
        @DisplayName("confirmations map to the core commands, keyed by connector and event id")
        void confirmations_mapToCoreCommands() {
            requires(FulfilmentService.RELEASE);
            requires(FulfilmentService.CONFIRMATIONS_POLL);
            Warehouse wh = warehouse(service);
            FulfilmentRelease r = release(newRequestId());
            service.release(r);
            wh.pick(r.requestId(), Map.of(L1, 2), Optional.of("bin empty"));
            wh.pack(r.requestId());
            wh.ship(r.requestId(), "GHN", "GHN-" + r.requestId());
            List<FulfilmentConfirmation> mine = of(r.requestId(), pollAll());
            String connector = service.id();

            ChangeFulfilment accept =
                    ((FulfilmentConfirmation.Accepted) mine.get(0)).toCommand(TENANT, ACTOR, connector);
            ConfirmPick pick = ((FulfilmentConfirmation.Picked) mine.get(1)).toCommand(TENANT, ACTOR, connector);
            FulfilmentConfirmation.Shipped shipped = (FulfilmentConfirmation.Shipped) mine.get(3);
            CreateShipment create = shipped.toCreateShipment(TENANT, ACTOR, connector, r.location());
            LabelShipment label = shipped.toLabel(TENANT, ACTOR, connector, "shp-1");

            assertThat(accept.requestId()).isEqualTo(r.requestId());
            assertThat(accept.orderId()).isEqualTo(r.orderId());
            assertThat(pick.picked()).containsEntry(L1, 2);
            assertThat(pick.picked().getOrDefault(L2, 0)).isZero();
            assertThat(pick.reason()).contains("bin empty");
            assertThat(create.fulfilmentRequest()).contains(r.requestId());
            assertThat(create.lines()).containsEntry(L1, 2).doesNotContainKey(L2);
            assertThat(create.origin()).isEqualTo(r.location());
            assertThat(label.trackingNumber()).isEqualTo("GHN-" + r.requestId());
            Set<Object> keys = new LinkedHashSet<>();
            keys.add(accept.idempotencyKey().orElseThrow());
            keys.add(pick.idempotencyKey().orElseThrow());
            keys.add(create.idempotencyKey().orElseThrow());
            keys.add(label.idempotencyKey().orElseThrow());
            assertThat(keys).as("distinct idempotency keys").hasSize(4);
            assertThat(((FulfilmentConfirmation.Picked) mine.get(1))
                            .toCommand(TENANT, ACTOR, connector)
                            .idempotencyKey())
                    .isEqualTo(pick.idempotencyKey());
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Set<Capability> all() {
        return Set.of(
                FulfilmentService.RELEASE,
                FulfilmentService.CANCEL,
                FulfilmentService.CONFIRMATIONS_POLL,
                FulfilmentService.CONFIRMATIONS_WEBHOOK);
    }

    private void exercise(FulfilmentService s, Capability c) {
        if (c.equals(FulfilmentService.CONFIRMATIONS_POLL)) {
            assertThat(s.confirmations(ConfirmationsQuery.first(10))).isNotNull();
        } else if (c.equals(FulfilmentService.CONFIRMATIONS_WEBHOOK)) {
            assertThat(s.confirmationsWebhook()).isNotNull();
        } else if (c.equals(FulfilmentService.RELEASE)) {
            assertThat(s.release(release(newRequestId())).accepted()).isTrue();
        } else {
            Assumptions.assumeTrue(s.can(FulfilmentService.RELEASE), "RELEASE is needed to exercise " + c);
            String id = newRequestId();
            s.release(release(id));
            assertThat(s.cancel(new FulfilmentCancellation(id, "tck")).cancelled())
                    .isTrue();
        }
    }

    private void exerciseUndeclared(FulfilmentService s, Capability c) {
        if (c.equals(FulfilmentService.CONFIRMATIONS_POLL)) {
            s.confirmations(ConfirmationsQuery.first(10));
        } else if (c.equals(FulfilmentService.CONFIRMATIONS_WEBHOOK)) {
            s.confirmationsWebhook();
        } else if (c.equals(FulfilmentService.RELEASE)) {
            s.release(release(newRequestId()));
        } else {
            s.cancel(new FulfilmentCancellation(newRequestId(), "tck"));
        }
    }

    private List<FulfilmentConfirmation> pollAll() {
        List<FulfilmentConfirmation> out = new ArrayList<>();
        ConfirmationsQuery q = ConfirmationsQuery.first(2);
        for (int guard = 0; guard < 10_000; guard++) {
            ConfirmationPage page = service.confirmations(q);
            out.addAll(page.confirmations());
            if (!page.more()) {
                return out;
            }
            q = ConfirmationsQuery.after(page.nextCursor(), 2);
        }
        throw new AssertionError("polling never ended: 'more' stayed true for 10 000 pages");
    }

    private static List<FulfilmentConfirmation> of(String requestId, List<FulfilmentConfirmation> all) {
        Map<String, FulfilmentConfirmation> byEvent = new HashMap<>();
        List<FulfilmentConfirmation> out = new ArrayList<>();
        for (FulfilmentConfirmation c : all) {
            if (c.requestId().equals(requestId) && byEvent.putIfAbsent(c.eventId(), c) == null) {
                out.add(c);
            }
        }
        return out;
    }

    private void requires(Capability c) {
        Assumptions.assumeTrue(service.can(c), "the connector does not declare " + c);
    }

    private void assertFreeOfSecrets(ConnectorException e) {
        for (String secret : secrets()) {
            assertThat(e.getMessage()).as("failure message").doesNotContain(secret);
        }
    }

    private void assertRejected(ThrowingCallable call, WebhookRejectedException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            for (String secret : secrets()) {
                assertThat(e.getMessage()).doesNotContain(secret);
            }
        });
    }
}
