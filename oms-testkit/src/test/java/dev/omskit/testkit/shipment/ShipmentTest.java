package dev.omskit.testkit.shipment;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static dev.omskit.testkit.shipment.ShipHarness.HCM;
import static dev.omskit.testkit.shipment.ShipHarness.HN;
import static dev.omskit.testkit.shipment.ShipHarness.L1;
import static dev.omskit.testkit.shipment.ShipHarness.L2;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_1;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.shipment.CodStatus;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.shipment.TrackingResult;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.spi.DuplicateReferenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayName("Shipments")
class ShipmentTest {
    final ShipHarness h = ShipHarness.create();
    Order order;
    FulfilmentRequest request;

    @BeforeEach
    void setUp() {
        h.receive(HCM, SKU_1, 10);
        h.receive(HCM, SKU_2, 10);
        order = h.allocatedCod();
        request = h.readyToShip(h.releaseAll(order).request());
    }

    Shipment labelled(String tracking) {
        return h.label(h.create(h.shipment(request)), tracking);
    }

    Shipment stored(Shipment s) {
        return h.oms.shipping().find(TENANT, s.id()).orElseThrow();
    }

    List<String> trail(Shipment s) {
        return h.storage.documents().trail(TENANT, Shipment.KIND, s.id()).stream()
                .map(e -> e.trigger().name())
                .toList();
    }

    @Nested
    @DisplayName("creation")
    class Creation {
        @Test
        void create_linesPackagesCarrierServicePayer_codDerived() {
            Shipment s = h.create(h.shipment(request).service(ServiceLevel.EXPRESS));

            assertThat(s.state()).isEqualTo(ShipmentLifecycle.CREATED);
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.lines()).isEqualTo(Map.of(L1, 3, L2, 2));
            assertThat(s.carrier()).isEqualTo("GHN");
            assertThat(s.service()).isEqualTo(ServiceLevel.EXPRESS);
            assertThat(s.origin()).isEqualTo(HCM);
            assertThat(s.parcels()).singleElement().satisfies(p -> {
                assertThat(p.dimensionalWeightGrams(6000)).isEqualTo(1000);
                assertThat(p.chargeableWeightGrams(6000)).isEqualTo(1200);
            });
            // the whole order: lines with 10% VAT plus the 30,000 shipping fee the buyer pays
            assertThat(s.codAmount()).isEqualTo(h.reload(order).totals().total());
            assertThat(s.codStatus()).isEqualTo(CodStatus.PENDING);
            assertThat(s.references()).isEmpty();
        }

        @Test
        void moreUnitsThanReleasedThere_orInAnotherShipment_UNITS_NOT_RELEASED_nothingStored() {
            Order before = h.reload(order);
            List<?> docs = h.documents(order);
            int outbox = h.storage.pendingOutboxSize();

            assertThatThrownBy(() -> h.create(h.shipment(request)
                            .fulfilmentRequest(java.util.Optional.empty())
                            .lines(Map.of(L1, 4))))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("UNITS_NOT_RELEASED"));
            assertThatThrownBy(() -> h.create(h.shipment(request)
                            .fulfilmentRequest(java.util.Optional.empty())
                            .origin(HN)
                            .lines(Map.of(L1, 1))))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("UNITS_NOT_RELEASED"));
            h.assertUnchanged(before, docs, outbox);

            h.create(h.shipment(request).lines(Map.of(L1, 2)));
            assertThatThrownBy(() -> h.create(h.shipment(request)
                            .fulfilmentRequest(java.util.Optional.empty())
                            .lines(Map.of(L1, 2))))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("UNITS_NOT_RELEASED"));
            assertThatThrownBy(() -> h.create(h.shipment(request).lines(Map.of(L1, 2))))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .contains("UNITS_NOT_RELEASED"));
        }

        @Test
        void badInput_everyCode_nothingStored() {
            Order before = h.reload(order);
            List<?> docs = h.documents(order);
            int outbox = h.storage.pendingOutboxSize();

            assertThatThrownBy(() -> h.create(h.shipment(request)
                            .carrier("ghn express")
                            .origin(LocationId.of("NOWHERE"))
                            .lines(Map.of(LineId.of("L9"), 1, L1, 0))))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .contains(
                                    "MALFORMED",
                                    "UNKNOWN_LOCATION",
                                    "UNKNOWN_LINE",
                                    "NOT_POSITIVE",
                                    "LOCATION_MISMATCH"));
            assertThatThrownBy(() -> h.create(h.shipment(request).lines(Map.of())))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("EMPTY"));
            assertThatThrownBy(() -> h.create(h.shipment(request).fulfilmentRequest("ful-404")))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("UNKNOWN_REQUEST"));
            h.assertUnchanged(before, docs, outbox);
        }

        @Test
        void requestNotPickedYet_NOT_PICKED() {
            ShipHarness other = ShipHarness.create();
            other.receive(HCM, SKU_1, 5);
            Order o = other.oms.allocate(
                    TENANT, other.captureCod(line("SKU-1", 1, 100_000)).id(), ShipHarness.WMS);
            FulfilmentRequest r = other.releaseAll(o).request();
            assertThatThrownBy(() -> other.create(other.shipment(r).lines(Map.of(L1, 1))))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("NOT_PICKED"));
        }
    }

    @Test
    void duplicateTrackingNumber_onAnotherShipment_DuplicateReference() {
        Shipment first = h.create(h.shipment(request).lines(Map.of(L1, 1)));
        Shipment second = h.create(h.shipment(request).lines(Map.of(L1, 1)));
        h.label(first, "T-1");
        Order before = h.reload(order);
        List<?> docs = h.documents(order);
        assertThatThrownBy(() -> h.label(second, "T-1")).isInstanceOf(DuplicateReferenceException.class);
        h.assertUnchanged(before, docs, h.storage.pendingOutboxSize());
        assertThat(h.oms.shipping().findByTracking(TENANT, "GHN", "T-1")).contains(stored(first));
    }

    @Nested
    @DisplayName("lifecycle and order effects")
    class Lifecycle {
        @Test
        void happyPath_labelHandOverTransitOutForDeliveryDelivered_unitsShippedThenDelivered() {
            Shipment s = labelled("T-1");
            assertThat(s.state()).isEqualTo(ShipmentLifecycle.LABELLED);
            assertThat(s.references()).containsExactly("GHN:T-1");
            assertThat(s.label()).contains("label-T-1.pdf");

            Shipment handed = h.handOver(s);
            assertThat(handed.state()).isEqualTo(ShipmentLifecycle.HANDED_OVER);
            assertThat(h.reload(order).quantity(OrderStages.SHIPPED)).isEqualTo(5);
            assertThat(h.inventory.level(TENANT, SKU_1, HCM).reserved())
                    .as("reservation consumed")
                    .isZero();
            assertThat(h.onHand(SKU_1, HCM)).isEqualTo(7);

            assertThat(h.track(s, TrackingStatus.IN_TRANSIT).applied()).isTrue();
            assertThat(h.track(s, TrackingStatus.OUT_FOR_DELIVERY).applied()).isTrue();
            TrackingResult delivered = h.track(s, TrackingStatus.DELIVERED);
            assertThat(delivered.outcome()).isEqualTo(TrackingResult.Outcome.APPLIED);
            assertThat(delivered.shipment().state()).isEqualTo(ShipmentLifecycle.DELIVERED);
            assertThat(h.reload(order).quantity(OrderStages.DELIVERED)).isEqualTo(5);
            assertThat(trail(s)).containsExactly("CREATE", "LABEL", "HAND_OVER", "DEPART", "DISPATCH", "DELIVER");
        }

        @Test
        void trackingSkipsStates_theStatesInBetweenAreWalked() {
            Shipment s = labelled("T-1");
            TrackingResult r = h.track(s, TrackingStatus.DELIVERED);
            assertThat(r.applied()).isTrue();
            assertThat(trail(s)).containsExactly("CREATE", "LABEL", "HAND_OVER", "DEPART", "DISPATCH", "DELIVER");
            assertThat(h.reload(order).quantity(OrderStages.DELIVERED)).isEqualTo(5);
        }

        @Test
        void failedDelivery_isAnEventWithItsReason_thenReattemptAndDelivery() {
            Shipment s = h.handOver(labelled("T-1"));
            h.track(s, TrackingStatus.OUT_FOR_DELIVERY);
            h.clock.advance(Duration.ofMinutes(1));
            TrackingResult failed = h.track(s, TrackingStatus.DELIVERY_FAILED, h.clock.instant(), "buyer not home");
            assertThat(failed.shipment().state()).isEqualTo(ShipmentLifecycle.DELIVERY_FAILED);
            assertThat(failed.shipment().failureReason()).contains("buyer not home");
            assertThat(failed.shipment().failedAttempts()).isEqualTo(1);
            List<DocumentEvent> events = h.storage.documents().trail(TENANT, Shipment.KIND, s.id());
            assertThat(events.get(events.size() - 1).summary())
                    .contains("delivery failed")
                    .contains("buyer not home");
            assertThat(h.delivered).anySatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(DocumentEvent.class, d -> assertThat(d.trigger())
                            .isEqualTo(ShipmentLifecycle.FAIL_DELIVERY)));

            assertThat(h.track(s, TrackingStatus.OUT_FOR_DELIVERY).applied()).isTrue();
            assertThat(h.track(s, TrackingStatus.DELIVERED).applied()).isTrue();
            assertThat(trail(s)).containsSubsequence("FAIL_DELIVERY", "REATTEMPT", "DELIVER");
        }

        @Test
        void returnedToSender_unitsReturned_restockedAtOriginOnce() {
            Shipment s = h.handOver(labelled("T-1"));
            h.track(s, TrackingStatus.OUT_FOR_DELIVERY);
            h.track(s, TrackingStatus.DELIVERY_FAILED);
            assertThat(h.track(s, TrackingStatus.RETURNING).shipment().state()).isEqualTo(ShipmentLifecycle.RETURNING);
            int before = h.onHand(SKU_1, HCM);

            TrackingResult back = h.track(s, TrackingStatus.RETURNED_TO_SENDER);

            assertThat(back.shipment().state()).isEqualTo(ShipmentLifecycle.RETURNED_TO_SENDER);
            assertThat(h.reload(order).quantity(OrderStages.RETURNED)).isEqualTo(5);
            assertThat(h.onHand(SKU_1, HCM)).isEqualTo(before + 3);
            assertThat(h.onHand(SKU_2, HCM)).isEqualTo(10);
            // again: duplicate webhook, and a repair call: stock received once
            assertThat(h.track(s, TrackingStatus.RETURNED_TO_SENDER).outcome())
                    .isEqualTo(TrackingResult.Outcome.DUPLICATE);
            h.oms.shipping().restockReturned(TENANT, s.id(), ShipHarness.WMS);
            assertThat(h.onHand(SKU_1, HCM)).isEqualTo(before + 3);
            assertThat(back.shipment().codDue().isZero()).isTrue();
            assertThat(h.oms.shipping().isComplete(TENANT, order.id())).isTrue();
        }

        @Test
        void cancel_fromCreatedAndLabelled_notAfterHandOver_unitsFreeForAnotherShipment() {
            Shipment a = h.create(h.shipment(request).lines(Map.of(L1, 1)));
            Shipment cancelled = h.oms.shipping().cancel(h.changeShipment(a, "wrong box"));
            assertThat(cancelled.state()).isEqualTo(ShipmentLifecycle.CANCELLED);
            Shipment b = labelled("T-2");
            assertThat(h.oms.shipping()
                            .cancel(h.changeShipment(b, "carrier swap"))
                            .state())
                    .isEqualTo(ShipmentLifecycle.CANCELLED);
            assertThatThrownBy(() -> h.oms.shipping().cancel(h.changeShipment(b, null)))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("REASON_REQUIRED"));
            Shipment c = h.handOver(labelled("T-3"));
            Order before = h.reload(order);
            List<?> docs = h.documents(order);
            assertThatThrownBy(() -> h.oms.shipping().cancel(h.changeShipment(c, "too late")))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("ILLEGAL_TRANSITION"));
            assertThatThrownBy(() -> h.handOver(c)).isInstanceOf(OrderRejectedException.class);
            h.assertUnchanged(before, docs, h.storage.pendingOutboxSize());
        }

        @Test
        void handOverWithoutLabel_refused() {
            Shipment s = h.create(h.shipment(request));
            assertThatThrownBy(() -> h.handOver(s))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("ILLEGAL_TRANSITION"));
            assertThat(h.reload(order).quantity(OrderStages.SHIPPED)).isZero();
        }
    }

    @Nested
    @DisplayName("tracking updates")
    class Tracking {
        @Test
        void duplicate_ignoredAndReported_noSecondEffect() {
            Shipment s = h.handOver(labelled("T-1"));
            Instant at = h.clock.instant().plusSeconds(60);
            assertThat(h.track(s, TrackingStatus.DELIVERED, at, null).applied()).isTrue();
            Order delivered = h.reload(order);
            int versions = trail(s).size();

            TrackingResult again = h.track(s, TrackingStatus.DELIVERED, at, null);

            assertThat(again.outcome()).isEqualTo(TrackingResult.Outcome.DUPLICATE);
            assertThat(h.reload(order)).isEqualTo(delivered);
            assertThat(trail(s)).hasSize(versions);
        }

        @Test
        void outOfOrder_olderEventOrBehindTheState_ignoredAndReported() {
            Shipment s = h.handOver(labelled("T-1"));
            Instant t0 = h.clock.instant();
            assertThat(h.track(s, TrackingStatus.OUT_FOR_DELIVERY, t0.plusSeconds(600), null)
                            .applied())
                    .isTrue();
            // an older IN_TRANSIT scan arrives late
            assertThat(h.track(s, TrackingStatus.IN_TRANSIT, t0.plusSeconds(300), null)
                            .outcome())
                    .isEqualTo(TrackingResult.Outcome.OUT_OF_ORDER);
            assertThat(h.track(s, TrackingStatus.DELIVERED, t0.plusSeconds(900), null)
                            .applied())
                    .isTrue();
            Order delivered = h.reload(order);
            // IN_TRANSIT after DELIVERED, even with a newer time
            TrackingResult late = h.track(s, TrackingStatus.IN_TRANSIT, t0.plusSeconds(1200), null);
            assertThat(late.outcome()).isEqualTo(TrackingResult.Outcome.OUT_OF_ORDER);
            assertThat(late.shipment().state()).isEqualTo(ShipmentLifecycle.DELIVERED);
            assertThat(h.reload(order)).isEqualTo(delivered);
        }

        @Test
        void unknownTrackingNumber_notFound() {
            Shipment s = labelled("T-1");
            Shipment ghost = Shipment.builder().from(s).trackingNumber("NOPE").build();
            assertThatThrownBy(() -> h.track(ghost, TrackingStatus.IN_TRANSIT)).isInstanceOf(NotFoundException.class);
        }

        @Test
        void pickedUpScan_handsOver() {
            Shipment s = labelled("T-1");
            assertThat(h.track(s, TrackingStatus.PICKED_UP).shipment().state())
                    .isEqualTo(ShipmentLifecycle.HANDED_OVER);
            assertThat(h.reload(order).quantity(OrderStages.SHIPPED)).isEqualTo(5);
        }
    }

    @RepeatedTest(5)
    void concurrentCreationForTheSameUnits_exactlyOneShipmentIsStored() throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    barrier.await(5, TimeUnit.SECONDS);
                    try {
                        return h.create(h.shipment(request));
                    } catch (OrderRejectedException | dev.omskit.core.error.InvalidArgumentException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Shipment).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.oms.shipping().shipments(TENANT, order.id())).hasSize(1);
    }

    @RepeatedTest(5)
    void concurrentDoubleHandOver_unitsShippedOnce() throws Exception {
        Shipment s = labelled("T-1");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    barrier.await(5, TimeUnit.SECONDS);
                    try {
                        return h.handOver(s);
                    } catch (OrderRejectedException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Shipment).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> o instanceof OrderRejectedException)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Order after = h.reload(order);
        assertThat(after.quantity(OrderStages.SHIPPED)).isEqualTo(5);
        assertThat(after.quantity(OrderStages.RELEASED)).isZero();
        assertThat(trail(s)).containsExactly("CREATE", "LABEL", "HAND_OVER");
        assertThat(h.onHand(SKU_1, HCM)).isEqualTo(7);
        assertThat(new CountDownLatch(0).getCount()).isZero();
    }

    @RepeatedTest(3)
    void concurrentDuplicateDeliveredWebhooks_deliveredOnce() throws Exception {
        Shipment s = h.handOver(labelled("T-1"));
        Instant at = h.clock.instant().plusSeconds(60);
        CyclicBarrier barrier = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<TrackingResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(5, TimeUnit.SECONDS);
                    return h.track(s, TrackingStatus.DELIVERED, at, null);
                }));
            }
            List<TrackingResult.Outcome> outcomes = new ArrayList<>();
            for (Future<TrackingResult> f : futures) {
                outcomes.add(f.get(10, TimeUnit.SECONDS).outcome());
            }
            assertThat(outcomes)
                    .filteredOn(o -> o == TrackingResult.Outcome.APPLIED)
                    .hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> o == TrackingResult.Outcome.DUPLICATE)
                    .hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.reload(order).quantity(OrderStages.DELIVERED)).isEqualTo(5);
        assertThat(trail(s)).containsExactly("CREATE", "LABEL", "HAND_OVER", "DEPART", "DISPATCH", "DELIVER");
    }
}
