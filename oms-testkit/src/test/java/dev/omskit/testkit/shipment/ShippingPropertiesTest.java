package dev.omskit.testkit.shipment;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.vnd;
import static dev.omskit.testkit.shipment.ShipHarness.HCM;
import static dev.omskit.testkit.shipment.ShipHarness.L1;
import static dev.omskit.testkit.shipment.ShipHarness.L2;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_1;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.error.OmsException;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.shipment.CodRemittance;
import dev.omskit.core.shipment.CodSummary;
import dev.omskit.core.shipment.ResolveCodMismatch;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.shipment.TrackingStatus;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of shipments, tracking, remittances and resolutions on one COD order keep: units
 * shipped never above those allocated and released, delivered never above shipped per line, the order's
 * units equal to what its shipments say, COD outstanding = due - remitted, and the payment ledger equal
 * to the remittances.
 */
class ShippingPropertiesTest {
    enum Kind {
        CREATE,
        HAND_OVER,
        DELIVER,
        FAIL,
        RETURN,
        REMIT_EXACT,
        REMIT_SHORT,
        RESOLVE,
        CANCEL,
        DUPLICATE_TRACKING
    }

    record Step(Kind kind, int target, int units, int line) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.frequency(
                                Tuple.of(4, Kind.CREATE),
                                Tuple.of(2, Kind.HAND_OVER),
                                Tuple.of(4, Kind.DELIVER),
                                Tuple.of(1, Kind.FAIL),
                                Tuple.of(1, Kind.RETURN),
                                Tuple.of(4, Kind.REMIT_EXACT),
                                Tuple.of(2, Kind.REMIT_SHORT),
                                Tuple.of(2, Kind.RESOLVE),
                                Tuple.of(1, Kind.CANCEL),
                                Tuple.of(1, Kind.DUPLICATE_TRACKING)),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(0, 1))
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    @Property(tries = 120)
    void anySequence_keepsUnitsAndCodConsistent(@ForAll("steps") List<Step> steps) {
        ShipHarness h = ShipHarness.create();
        h.receive(HCM, SKU_1, 20);
        h.receive(HCM, SKU_2, 20);
        Order order = h.allocatedCod();
        FulfilmentRequest r = h.readyToShip(h.releaseAll(order).request());
        int tracking = 0;
        for (Step step : steps) {
            List<Shipment> shipments = h.oms.shipping().shipments(TENANT, order.id());
            Shipment target = shipments.isEmpty() ? null : shipments.get(step.target() % shipments.size());
            try {
                switch (step.kind()) {
                    case CREATE -> {
                        Shipment s = h.create(h.shipment(r)
                                .fulfilmentRequest(java.util.Optional.empty())
                                .lines(Map.of(step.line() == 0 ? L1 : L2, step.units())));
                        h.label(s, "T-" + (++tracking));
                    }
                    case HAND_OVER -> {
                        if (target != null) {
                            h.handOver(target);
                        }
                    }
                    case DELIVER -> {
                        if (target != null && target.trackingNumber().isPresent()) {
                            h.track(target, TrackingStatus.DELIVERED);
                        }
                    }
                    case FAIL -> {
                        if (target != null && target.trackingNumber().isPresent()) {
                            h.track(target, TrackingStatus.DELIVERY_FAILED);
                        }
                    }
                    case RETURN -> {
                        if (target != null && target.trackingNumber().isPresent()) {
                            h.track(target, TrackingStatus.RETURNED_TO_SENDER);
                        }
                    }
                    case DUPLICATE_TRACKING -> {
                        if (target != null && target.trackingNumber().isPresent()) {
                            h.track(target, TrackingStatus.IN_TRANSIT);
                        }
                    }
                    case REMIT_EXACT -> {
                        if (target != null && target.codOutstanding().isPositive()) {
                            h.remit(target, target.codOutstanding(), "R-" + target.id() + "-" + target.version());
                        }
                    }
                    case REMIT_SHORT -> {
                        if (target != null) {
                            h.remit(target, vnd(1_000L * step.units()), "S-" + target.id() + "-" + target.version());
                        }
                    }
                    case RESOLVE -> {
                        if (target != null) {
                            h.oms.shipping()
                                    .resolveCodMismatch(ResolveCodMismatch.builder()
                                            .tenant(TENANT)
                                            .orderId(order.id())
                                            .actor(ShipHarness.WMS)
                                            .shipmentId(target.id())
                                            .reason("accepted")
                                            .build());
                        }
                    }
                    case CANCEL -> {
                        if (target != null) {
                            h.oms.shipping().cancel(h.changeShipment(target, "changed"));
                        }
                    }
                }
            } catch (OmsException refused) {
                // typed refusals are part of the game; the invariants below must hold anyway
            }
            check(h, order);
        }
        Order end = h.reload(order);
        net.jqwik.api.statistics.Statistics.label("delivered units")
                .collect(end.quantity(OrderStages.DELIVERED) > 0 ? "some" : "none");
        net.jqwik.api.statistics.Statistics.label("payment")
                .collect(end.paymentStatus().name());
    }

    private static void check(ShipHarness h, Order original) {
        Order order = h.reload(original);
        List<Shipment> shipments = h.oms.shipping().shipments(TENANT, order.id());
        for (OrderLine line : order.lines()) {
            LineId id = line.id();
            int shipped = line.quantity(OrderStages.SHIPPED)
                    + line.quantity(OrderStages.DELIVERED)
                    + line.quantity(OrderStages.RETURNED);
            int originallyAllocated = original.line(id).orElseThrow().quantity(OrderStages.ALLOCATED);
            assertThat(shipped).as("shipped <= allocated and released").isLessThanOrEqualTo(originallyAllocated);
            assertThat(line.quantity(OrderStages.DELIVERED))
                    .as("delivered <= shipped")
                    .isLessThanOrEqualTo(shipped);
            int handedOver = shipments.stream()
                    .filter(s -> ShipmentLifecycle.isHandedOver(s.state()))
                    .mapToInt(s -> s.units(id))
                    .sum();
            int delivered = shipments.stream()
                    .filter(s -> ShipmentLifecycle.DELIVERED.equals(s.state()))
                    .mapToInt(s -> s.units(id))
                    .sum();
            int returned = shipments.stream()
                    .filter(s -> ShipmentLifecycle.RETURNED_TO_SENDER.equals(s.state()))
                    .mapToInt(s -> s.units(id))
                    .sum();
            assertThat(shipped)
                    .as("order units shipped = handed-over shipments")
                    .isEqualTo(handedOver);
            assertThat(line.quantity(OrderStages.DELIVERED)).isEqualTo(delivered);
            assertThat(line.quantity(OrderStages.RETURNED)).isEqualTo(returned);
        }
        CodSummary cod = h.oms.shipping().codStatus(TENANT, order.id());
        assertThat(cod.outstanding()).isEqualTo(cod.due().minus(cod.remitted()));
        Money due = vnd(0);
        Money remittedAll = vnd(0);
        for (Shipment s : shipments) {
            due = due.plus(s.codDue());
            for (CodRemittance rem : s.remittances()) {
                remittedAll = remittedAll.plus(rem.amount());
            }
        }
        assertThat(cod.due()).isEqualTo(due);
        assertThat(order.payments().codRemitted()).as("ledger = remittances").isEqualTo(remittedAll);
    }
}
