package dev.omskit.testkit.shipment;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static dev.omskit.testkit.shipment.ShipHarness.HCM;
import static dev.omskit.testkit.shipment.ShipHarness.HN;
import static dev.omskit.testkit.shipment.ShipHarness.L1;
import static dev.omskit.testkit.shipment.ShipHarness.L2;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_1;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_2;
import static dev.omskit.testkit.shipment.ShipHarness.WMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Oms;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.fulfilment.FulfilmentOutcome;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.FulfilmentRequestLifecycle;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Fulfilment requests")
class FulfilmentTest {
    final ShipHarness h = ShipHarness.create();

    @Nested
    @DisplayName("release")
    class Release {
        @Test
        void defaultRelease_oneLocationHoldingEverything_oneRequestAndUnitsReleased() {
            h.receive(HCM, SKU_1, 10);
            h.receive(HCM, SKU_2, 10);
            Order order = h.allocatedCod();

            FulfilmentOutcome out = h.releaseAll(order);

            assertThat(out.requests()).hasSize(1);
            FulfilmentRequest r = out.request();
            assertThat(r.location()).isEqualTo(HCM);
            assertThat(r.requested()).isEqualTo(Map.of(L1, 3, L2, 2));
            assertThat(r.state()).isEqualTo(FulfilmentRequestLifecycle.REQUESTED);
            assertThat(r.version()).isEqualTo(1);
            Order after = h.reload(order);
            assertThat(after.quantity(OrderStages.RELEASED)).isEqualTo(5);
            assertThat(after.quantity(OrderStages.ALLOCATED)).isZero();
            assertThat(h.oms.fulfilment().requests(TENANT, order.id())).containsExactly(r);
            assertThat(h.storage.documents().trail(TENANT, FulfilmentRequest.KIND, r.id()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.trigger()).isEqualTo(FulfilmentRequestLifecycle.RELEASE));
        }

        @Test
        void defaultRelease_unitsReservedAtTwoLocations_oneRequestPerLocation() {
            h.receive(HCM, SKU_1, 3);
            h.receive(HN, SKU_2, 2);
            Order order = h.allocatedCod();

            List<FulfilmentRequest> requests = h.releaseAll(order).requests();

            assertThat(requests).extracting(FulfilmentRequest::location).containsExactlyInAnyOrder(HCM, HN);
            FulfilmentRequest hcm = requests.stream()
                    .filter(r -> r.location().equals(HCM))
                    .findFirst()
                    .orElseThrow();
            FulfilmentRequest hn = requests.stream()
                    .filter(r -> r.location().equals(HN))
                    .findFirst()
                    .orElseThrow();
            assertThat(hcm.requested()).isEqualTo(Map.of(L1, 3));
            assertThat(hn.requested()).isEqualTo(Map.of(L2, 2));
            assertThat(h.reload(order).quantity(OrderStages.RELEASED)).isEqualTo(5);
        }

        @Test
        void explicitRelease_someUnitsToANamedLocation_restStaysAllocated_thenDefaultReleasesTheRest() {
            h.receive(HCM, SKU_1, 10);
            h.receive(HCM, SKU_2, 10);
            Order order = h.allocatedCod();

            FulfilmentRequest r = h.oms.fulfilment()
                    .release(ReleaseFulfilment.builder()
                            .tenant(TENANT)
                            .orderId(order.id())
                            .actor(WMS)
                            .location(HCM)
                            .putLines(L1, 2)
                            .build())
                    .request();

            assertThat(r.requested()).isEqualTo(Map.of(L1, 2));
            Order after = h.reload(order);
            assertThat(after.line(L1).orElseThrow().quantity(OrderStages.RELEASED))
                    .isEqualTo(2);
            assertThat(after.line(L1).orElseThrow().quantity(OrderStages.ALLOCATED))
                    .isEqualTo(1);

            FulfilmentRequest rest = h.releaseAll(order).request();
            assertThat(rest.requested()).isEqualTo(Map.of(L1, 1, L2, 2));
            assertThat(h.reload(order).quantity(OrderStages.RELEASED)).isEqualTo(5);
        }

        @Test
        void explicitRelease_noInventory_namedLocationWorks_defaultNeedsALocation() {
            ShipHarness bare = ShipHarness.withoutInventory();
            Order order = bare.oms.allocate(
                    TENANT, bare.captureCod(line("SKU-1", 2, 100_000)).id(), WMS);
            List<?> docs = bare.documents(order);
            int outbox = bare.storage.pendingOutboxSize();

            assertThatThrownBy(() -> bare.releaseAll(order))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("LOCATION_REQUIRED"));
            bare.assertUnchanged(order, docs, outbox);

            FulfilmentRequest r = bare.oms
                    .fulfilment()
                    .release(ReleaseFulfilment.builder()
                            .tenant(TENANT)
                            .orderId(order.id())
                            .actor(WMS)
                            .location(LocationId.of("VENDOR-1"))
                            .build())
                    .request();
            assertThat(r.requested()).isEqualTo(Map.of(L1, 2));
        }

        @Test
        void badInput_typedErrors_nothingStored() {
            h.receive(HCM, SKU_1, 10);
            h.receive(HCM, SKU_2, 10);
            Order order = h.allocatedCod();
            List<?> docs = h.documents(order);
            int outbox = h.storage.pendingOutboxSize();
            int delivered = h.delivered.size();

            assertThatThrownBy(() -> h.oms.fulfilment()
                            .release(ReleaseFulfilment.builder()
                                    .tenant(TENANT)
                                    .orderId(order.id())
                                    .actor(WMS)
                                    .location(LocationId.of("NOWHERE"))
                                    .putLines(L1, 4)
                                    .putLines(dev.omskit.core.model.LineId.of("L9"), 1)
                                    .putLines(L2, 0)
                                    .build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactlyInAnyOrder(
                                    "UNKNOWN_LOCATION", "NOT_ALLOCATED", "UNKNOWN_LINE", "NOT_POSITIVE"));
            h.assertUnchanged(order, docs, outbox);

            h.releaseAll(order);
            Order released = h.reload(order);
            List<?> docs2 = h.documents(order);
            assertThatThrownBy(() -> h.releaseAll(order))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("NOTHING_TO_RELEASE"));
            h.assertUnchanged(released, docs2, outbox);
            assertThat(h.delivered.size()).isGreaterThan(delivered);
        }

        @Test
        void unknownRequest_notFound() {
            h.receive(HCM, SKU_1, 10);
            h.receive(HCM, SKU_2, 10);
            Order order = h.allocatedCod();
            FulfilmentRequest r = h.releaseAll(order).request();
            FulfilmentRequest ghost = new FulfilmentRequest(
                    TENANT,
                    order.id(),
                    "ful-999",
                    1,
                    r.state(),
                    HCM,
                    r.requested(),
                    Map.of(),
                    Map.of(),
                    java.util.Optional.empty(),
                    r.createdAt(),
                    r.createdAt());
            assertThatThrownBy(() -> h.accept(ghost)).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {
        FulfilmentRequest released() {
            h.receive(HCM, SKU_1, 10);
            h.receive(HCM, SKU_2, 10);
            return h.releaseAll(h.allocatedCod()).request();
        }

        @Test
        void acceptPickPack_thenHandOverClosesIt() {
            FulfilmentRequest r = released();
            FulfilmentRequest accepted = h.accept(r);
            assertThat(accepted.state()).isEqualTo(FulfilmentRequestLifecycle.ACCEPTED);
            FulfilmentRequest picked = h.pick(accepted, r.requested(), null).request();
            assertThat(picked.state()).isEqualTo(FulfilmentRequestLifecycle.PICKED);
            assertThat(picked.picked()).isEqualTo(r.requested());
            assertThat(picked.shortfall()).isEmpty();
            FulfilmentRequest packed = h.pack(picked);
            assertThat(packed.state()).isEqualTo(FulfilmentRequestLifecycle.PACKED);

            h.handOver(h.label(h.create(h.shipment(packed)), "T-1"));

            FulfilmentRequest shipped = h.oms.fulfilment().find(TENANT, r.id()).orElseThrow();
            assertThat(shipped.state()).isEqualTo(FulfilmentRequestLifecycle.SHIPPED);
            assertThat(shipped.version()).isEqualTo(5);
            assertThat(h.storage.documents().trail(TENANT, FulfilmentRequest.KIND, r.id()))
                    .extracting(e -> e.trigger().name())
                    .containsExactly("RELEASE", "ACCEPT", "PICK", "PACK", "SHIP");
        }

        @Test
        void rejectFromRequestedAndAccepted_unitsBackToCreatedAndRerouted() {
            FulfilmentRequest r = released();
            FulfilmentOutcome out = h.oms.fulfilment().reject(h.change(r, "store closed"));
            assertThat(out.request().state()).isEqualTo(FulfilmentRequestLifecycle.REJECTED);
            assertThat(out.request().shortfall()).isEqualTo(Map.of(L1, 3, L2, 2));
            assertThat(out.request().note()).contains("store closed");
            assertThat(out.rerouted()).isTrue();
            // the default rerouter allocates again (HCM still has the stock)
            assertThat(out.order().quantity(OrderStages.ALLOCATED)).isEqualTo(5);

            FulfilmentRequest second = h.releaseAll(out.order()).request();
            FulfilmentRequest accepted = h.accept(second);
            FulfilmentOutcome again = h.oms.fulfilment().reject(h.change(accepted, "no packer"));
            assertThat(again.request().state()).isEqualTo(FulfilmentRequestLifecycle.REJECTED);
        }

        @Test
        void cancelFromRequestedAndAccepted_unitsBackToCreated_noReroute() {
            FulfilmentRequest r = released();
            FulfilmentOutcome out = h.oms.fulfilment().cancel(h.change(r, "buyer changed address"));
            assertThat(out.request().state()).isEqualTo(FulfilmentRequestLifecycle.CANCELLED);
            assertThat(out.order().quantity(OrderStages.CREATED)).isEqualTo(5);
            assertThat(out.rerouted()).isFalse();

            Order again = h.oms.allocate(TENANT, r.orderId(), WMS);
            FulfilmentRequest second = h.releaseAll(again).request();
            h.accept(second);
            assertThat(h.oms.fulfilment()
                            .cancel(h.change(second, "merchant"))
                            .request()
                            .state())
                    .isEqualTo(FulfilmentRequestLifecycle.CANCELLED);
        }

        @Test
        void illegalMoves_ILLEGAL_TRANSITION_andReasonsRequired_nothingStored() {
            FulfilmentRequest r = released();
            Order order = h.oms.get(TENANT, r.orderId());
            List<?> docs = h.documents(order);
            int outbox = h.storage.pendingOutboxSize();

            assertThatThrownBy(() -> h.pack(r)).isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(
                            e.rejection().code())
                    .isEqualTo("ILLEGAL_TRANSITION"));
            assertThatThrownBy(() -> h.pick(r, r.requested(), null))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("ILLEGAL_TRANSITION"));
            assertThatThrownBy(() -> h.oms.fulfilment().reject(h.change(r, null)))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("REASON_REQUIRED"));
            assertThatThrownBy(() -> h.oms.fulfilment().cancel(h.change(r, " ")))
                    .isInstanceOf(InvalidArgumentException.class);
            h.assertUnchanged(order, docs, outbox);

            FulfilmentRequest packed = h.readyToShip(r);
            assertThatThrownBy(() -> h.oms.fulfilment().reject(h.change(packed, "too late")))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("ILLEGAL_TRANSITION"));
            assertThatThrownBy(() -> h.oms.fulfilment().cancel(h.change(packed, "too late")))
                    .isInstanceOf(OrderRejectedException.class);
        }

        @Test
        void badPicks_typedErrors_nothingStored() {
            FulfilmentRequest r = h.accept(released());
            Order order = h.oms.get(TENANT, r.orderId());
            List<?> docs = h.documents(order);
            int outbox = h.storage.pendingOutboxSize();

            assertThatThrownBy(() -> h.pick(r, Map.of(L1, 4, dev.omskit.core.model.LineId.of("L7"), 1, L2, -1), "x"))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactlyInAnyOrder("EXCEEDS_REQUESTED", "UNKNOWN_LINE", "NOT_POSITIVE"));
            assertThatThrownBy(() -> h.pick(r, Map.of(L1, 2, L2, 2), null))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("REASON_REQUIRED"));
            assertThatThrownBy(() -> h.pick(r, Map.of(), "nothing there"))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("NOTHING_PICKED"));
            h.assertUnchanged(order, docs, outbox);
        }
    }

    @Nested
    @DisplayName("short pick")
    class ShortPick {
        @Test
        void shortPick_missingUnitsBackToCreated_stockAdjusted_reroutedElsewhereByDefault() {
            h.receive(HCM, SKU_1, 3);
            h.receive(HCM, SKU_2, 2);
            h.receive(HN, SKU_1, 5);
            Order order = h.allocatedCod();
            FulfilmentRequest r = h.accept(h.releaseAll(order).request());
            assertThat(r.location()).isEqualTo(HCM);

            FulfilmentOutcome out = h.pick(r, Map.of(L1, 1, L2, 2), "bin empty");

            FulfilmentRequest picked = out.request();
            assertThat(picked.state()).isEqualTo(FulfilmentRequestLifecycle.PICKED);
            assertThat(picked.requested())
                    .as("what was requested is never rewritten")
                    .isEqualTo(Map.of(L1, 3, L2, 2));
            assertThat(picked.picked()).isEqualTo(Map.of(L1, 1, L2, 2));
            assertThat(picked.shortfall()).isEqualTo(Map.of(L1, 2));
            assertThat(picked.note()).contains("bin empty");
            assertThat(h.storage.documents().trail(TENANT, FulfilmentRequest.KIND, r.id()))
                    .last()
                    .satisfies(e -> assertThat(e.summary()).contains("short").contains("bin empty"));
            // the short pick committed DEALLOCATE of the 2 missing units with the pick
            assertThat(h.oms.events(TENANT, order.id()))
                    .anySatisfy(e -> assertThat(e.toString()).contains("DEALLOCATE"));
            // the phantom units are gone from HCM: 3 on hand, 1 picked (still reserved), 2 written off
            assertThat(h.onHand(SKU_1, HCM)).isEqualTo(1);
            // re-routed: the default sourcing found the 2 units at HN
            assertThat(out.rerouted()).isTrue();
            Order after = h.reload(order);
            assertThat(after.line(L1).orElseThrow().quantity(OrderStages.ALLOCATED))
                    .isEqualTo(2);
            assertThat(after.line(L1).orElseThrow().quantity(OrderStages.RELEASED))
                    .isEqualTo(1);
            assertThat(h.inventory.level(TENANT, SKU_1, HN).reserved()).isEqualTo(2);

            FulfilmentRequest second = h.releaseAll(after).request();
            assertThat(second.location()).isEqualTo(HN);
            assertThat(second.requested()).isEqualTo(Map.of(L1, 2));
        }

        @Test
        void shortPick_noStockAnywhere_rerouteFailureReported_unitsWaitInCreated() {
            h.receive(HCM, SKU_1, 3);
            h.receive(HCM, SKU_2, 2);
            Order order = h.allocatedCod();
            FulfilmentRequest r = h.accept(h.releaseAll(order).request());

            FulfilmentOutcome out = h.pick(r, Map.of(L1, 3, L2, 1), "damaged");

            assertThat(out.rerouted()).isFalse();
            assertThat(out.rerouteProblem()).isPresent();
            assertThat(out.order().line(L2).orElseThrow().quantity(OrderStages.CREATED))
                    .isEqualTo(1);
            assertThat(h.onHand(SKU_2, HCM)).isEqualTo(1);
        }

        @Test
        void shortPick_customRerouter_calledOnceWithTheLocationAndReason() {
            List<String> calls = new CopyOnWriteArrayList<>();
            ShipHarness custom =
                    ShipHarness.create(b -> b.shortPickRerouter((oms, tenant, order, at, reason, actor) -> {
                        calls.add(order + "@" + at + ":" + reason);
                        return oms.get(tenant, order);
                    }));
            custom.receive(HCM, SKU_1, 3);
            custom.receive(HCM, SKU_2, 2);
            Order order = custom.allocatedCod();
            FulfilmentRequest r = custom.accept(custom.releaseAll(order).request());

            var pick = dev.omskit.core.fulfilment.ConfirmPick.builder()
                    .tenant(TENANT)
                    .orderId(order.id())
                    .actor(WMS)
                    .requestId(r.id())
                    .putPicked(L1, 2)
                    .putPicked(L2, 2)
                    .reason("one broken")
                    .idempotencyKey(dev.omskit.core.model.IdempotencyKey.of("pick-1"))
                    .build();
            custom.oms.fulfilment().confirmPick(pick);
            FulfilmentOutcome replayed = custom.oms.fulfilment().confirmPick(pick);

            assertThat(calls).containsExactly(order.id() + "@" + HCM + ":one broken");
            assertThat(replayed.request().shortfall()).isEqualTo(Map.of(L1, 1));
            assertThat(custom.reload(order).line(L1).orElseThrow().quantity(OrderStages.CREATED))
                    .isEqualTo(1);
        }

        @Test
        void shortPick_lineAlsoHasAllocatedUnits_onlyTheReleasedOnesGoBack() {
            h.receive(HCM, SKU_1, 10);
            h.receive(HCM, SKU_2, 10);
            Order order = h.allocatedCod();
            FulfilmentRequest r = h.oms.fulfilment()
                    .release(ReleaseFulfilment.builder()
                            .tenant(TENANT)
                            .orderId(order.id())
                            .actor(WMS)
                            .location(HCM)
                            .putLines(L1, 2)
                            .build())
                    .request();
            h.accept(r);
            ShipHarness noRoute = h;
            FulfilmentOutcome out = noRoute.pick(r, Map.of(L1, 1), "missing");
            // 1 still allocated (never released) + 1 re-allocated by the rerouter; 1 released
            Order after = out.order();
            assertThat(after.line(L1).orElseThrow().quantity(OrderStages.RELEASED))
                    .isEqualTo(1);
            assertThat(after.line(L1).orElseThrow().quantity(OrderStages.ALLOCATED))
                    .isEqualTo(2);
        }
    }

    @Test
    void oneTenantCannotSeeAnothersRequests() {
        h.receive(HCM, SKU_1, 10);
        h.receive(HCM, SKU_2, 10);
        FulfilmentRequest r = h.releaseAll(h.allocatedCod()).request();
        assertThat(h.oms.fulfilment().find(TenantId.of("other"), r.id())).isEmpty();
        assertThat(OrderTriggers.RELEASE).isNotNull();
        assertThat(Oms.class).isNotNull();
        assertThat(OrderFixtures.TENANT).isEqualTo(TENANT);
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void concurrentShortPickConfirmations_oneTakesEffect_unitsDeallocatedOnce() throws Exception {
        h.receive(HCM, SKU_1, 3);
        h.receive(HCM, SKU_2, 2);
        h.receive(HN, SKU_1, 5);
        Order order = h.allocatedCod();
        FulfilmentRequest r = h.accept(h.releaseAll(order).request());
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    try {
                        outcomes.add(h.pick(r, Map.of(L1, 1, L2, 2), "bin empty"));
                    } catch (OrderRejectedException e) {
                        outcomes.add(e);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(o -> o instanceof FulfilmentOutcome).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof OrderRejectedException)
                .hasSize(1);
        Order after = h.reload(order);
        assertThat(after.line(L1).orElseThrow().quantity(OrderStages.RELEASED)).isEqualTo(1);
        assertThat(after.line(L1).orElseThrow().quantity(OrderStages.ALLOCATED)).isEqualTo(2);
        assertThat(h.onHand(SKU_1, HCM)).as("written off once").isEqualTo(1);
    }
}
