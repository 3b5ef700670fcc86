package dev.omskit.testkit.shipment;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static dev.omskit.testkit.OrderFixtures.vnd;
import static dev.omskit.testkit.shipment.ShipHarness.HCM;
import static dev.omskit.testkit.shipment.ShipHarness.L1;
import static dev.omskit.testkit.shipment.ShipHarness.L2;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_1;
import static dev.omskit.testkit.shipment.ShipHarness.SKU_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.CodStatus;
import dev.omskit.core.shipment.CodSummary;
import dev.omskit.core.shipment.ResolveCodMismatch;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShippingPayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cash on delivery")
class CodTest {
    final ShipHarness h = ShipHarness.create();

    @BeforeEach
    void stock() {
        h.receive(HCM, SKU_1, 20);
        h.receive(HCM, SKU_2, 20);
    }

    Shipment deliveredCod() {
        return h.deliver(h.shippedWhole(h.allocatedCod(), "T-1"));
    }

    ResolveCodMismatch resolve(Shipment s, String reason) {
        return ResolveCodMismatch.builder()
                .tenant(TENANT)
                .orderId(s.orderId())
                .actor(dev.omskit.core.model.Actor.agent("accountant"))
                .shipmentId(s.id())
                .reason(reason)
                .build();
    }

    @Test
    void remittanceEqualToTheDue_matched_orderPaymentCollected_orderComplete() {
        Shipment s = deliveredCod();
        Order order = h.oms.get(TENANT, s.orderId());
        assertThat(h.oms.shipping().isComplete(TENANT, order.id()))
                .as("COD not remitted yet")
                .isFalse();
        assertThat(h.oms.shipping().codStatus(TENANT, order.id()).outstanding()).isEqualTo(s.codAmount());

        Shipment remitted = h.remit(s, s.codAmount(), "GHN-R-1");

        assertThat(remitted.codStatus()).isEqualTo(CodStatus.MATCHED);
        assertThat(remitted.codOutstanding().isZero()).isTrue();
        Order after = h.reload(order);
        assertThat(after.paymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
        assertThat(after.payments().codRemitted()).isEqualTo(s.codAmount());
        CodSummary cod = h.oms.shipping().codStatus(TENANT, order.id());
        assertThat(cod.due()).isEqualTo(s.codAmount());
        assertThat(cod.remitted()).isEqualTo(s.codAmount());
        assertThat(cod.outstanding().isZero()).isTrue();
        assertThat(cod.isSettled()).isTrue();
        assertThat(h.oms.shipping().isComplete(TENANT, order.id())).isTrue();
        assertThat(h.storage.documents().trail(TENANT, Shipment.KIND, s.id()))
                .last()
                .satisfies(e -> assertThat(e.summary()).contains("matched"));

        // the same remittance reported again: nothing more; another one: nothing is due
        assertThat(h.remit(s, s.codAmount(), "GHN-R-1").version()).isEqualTo(remitted.version());
        assertThatThrownBy(() -> h.remit(s, vnd(1), "GHN-R-2"))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("COD_SETTLED"));
    }

    @Test
    void twoShipments_shippingFeeOnTheFirstOnly_sumIsTheOrderTotal_paymentPartialThenCollected() {
        Order order = h.allocatedCod();
        FulfilmentRequest r = h.readyToShip(h.releaseAll(order).request());
        Shipment a = h.handOver(h.label(h.create(h.shipment(r).lines(Map.of(L1, 1))), "T-A"));
        Shipment b = h.handOver(h.label(h.create(h.shipment(r).lines(Map.of(L1, 2, L2, 2))), "T-B"));
        Order o = h.reload(order);
        Money l1 = o.line(L1).orElseThrow().amounts(o.taxMode()).total();
        assertThat(a.codAmount()).isEqualTo(vnd(110_000 + 30_000));
        assertThat(a.codAmount().plus(b.codAmount())).isEqualTo(o.totals().total());
        assertThat(l1).isEqualTo(vnd(330_000));

        a = h.deliver(a);
        b = h.deliver(b);
        h.remit(a, a.codAmount(), "R-A");
        assertThat(h.reload(order).paymentStatus()).isEqualTo(PaymentStates.COD_PARTIALLY_COLLECTED);
        assertThat(h.oms.shipping().isComplete(TENANT, order.id())).isFalse();
        h.remit(b, b.codAmount(), "R-B");
        Order done = h.reload(order);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
        assertThat(done.payments().codRemitted()).isEqualTo(done.totals().total());
        assertThat(h.oms.shipping().isComplete(TENANT, order.id())).isTrue();
    }

    @Test
    void sellerPaysShipping_codIsTheGoodsOnly_prepaidOrder_noCod() {
        Order order = h.allocatedCod();
        FulfilmentRequest r = h.readyToShip(h.releaseAll(order).request());
        Shipment s = h.create(h.shipment(r).payer(ShippingPayer.SELLER));
        assertThat(s.codAmount()).isEqualTo(h.reload(order).totals().total().minus(vnd(30_000)));

        Order paid =
                h.oms.allocate(TENANT, h.capturePaid(line("SKU-1", 1, 100_000)).id(), ShipHarness.WMS);
        FulfilmentRequest pr = h.readyToShip(h.releaseAll(paid).request());
        Shipment ps = h.create(h.shipment(pr));
        assertThat(ps.codAmount().isZero()).isTrue();
        assertThat(ps.codStatus()).isEqualTo(CodStatus.NONE);
    }

    @Test
    void remittanceShort_mismatchWithSignedDifference_furtherRemittanceMatches() {
        Shipment s = deliveredCod();
        Money due = s.codAmount();

        Shipment m = h.remit(s, due.minus(vnd(10_000)), "R-1");

        assertThat(m.codStatus()).isEqualTo(CodStatus.MISMATCHED);
        assertThat(m.codOutstanding()).isEqualTo(vnd(10_000));
        assertThat(h.storage.documents().trail(TENANT, Shipment.KIND, s.id()))
                .last()
                .satisfies(e -> assertThat(e.summary()).contains("mismatch").contains("-10000"));
        CodSummary cod = h.oms.shipping().codStatus(TENANT, s.orderId());
        assertThat(cod.mismatches()).isEqualTo(1);
        assertThat(cod.outstanding()).isEqualTo(cod.due().minus(cod.remitted()));
        assertThat(h.oms.get(TENANT, s.orderId()).paymentStatus()).isEqualTo(PaymentStates.COD_PARTIALLY_COLLECTED);
        assertThat(h.oms.shipping().isComplete(TENANT, s.orderId())).isFalse();

        Shipment matched = h.remit(s, vnd(10_000), "R-2");
        assertThat(matched.codStatus()).isEqualTo(CodStatus.MATCHED);
        assertThat(matched.remittances()).hasSize(2);
        Order done = h.oms.get(TENANT, s.orderId());
        assertThat(done.paymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
        assertThat(done.payments().codRemitted()).isEqualTo(due);
    }

    @Test
    void mismatchAccepted_withAReason_previewStoresNothing_thenResolved() {
        Shipment s = deliveredCod();
        Shipment m = h.remit(s, s.codAmount().plus(vnd(5_000)), "R-1");
        assertThat(m.codStatus()).isEqualTo(CodStatus.MISMATCHED);
        assertThat(m.codOutstanding()).isEqualTo(vnd(-5_000));
        Order before = h.oms.get(TENANT, s.orderId());
        List<?> docs = h.documents(before);

        ChangePreview<Shipment> preview = h.oms.shipping().previewResolveCodMismatch(resolve(m, "carrier fee refund"));
        assertThat(preview.result().codStatus()).isEqualTo(CodStatus.RESOLVED);
        h.assertUnchanged(before, docs, h.storage.pendingOutboxSize());

        assertThatThrownBy(() -> h.oms.shipping().resolveCodMismatch(resolve(m, " ")))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("REASON_REQUIRED"));
        Shipment resolved = h.oms.shipping().resolveCodMismatch(resolve(m, "carrier fee refund"));
        assertThat(resolved.codStatus()).isEqualTo(CodStatus.RESOLVED);
        assertThat(resolved.codOutstanding().isZero()).isTrue();
        assertThat(resolved.codResolution()).contains("carrier fee refund");
        assertThat(h.oms.get(TENANT, s.orderId()).paymentStatus()).isEqualTo(PaymentStates.COD_COLLECTED);
        assertThat(h.oms.shipping().isComplete(TENANT, s.orderId())).isTrue();
        assertThatThrownBy(() -> h.oms.shipping().resolveCodMismatch(resolve(m, "again")))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("NOT_MISMATCHED"));
    }

    @Test
    void notCod_NOT_CASH_ON_DELIVERY_nothingStored() {
        Order paid =
                h.oms.allocate(TENANT, h.capturePaid(line("SKU-1", 1, 100_000)).id(), ShipHarness.WMS);
        Shipment s = h.deliver(h.shippedWhole(paid, "T-P"));
        Order before = h.reload(paid);
        List<?> docs = h.documents(paid);
        int outbox = h.storage.pendingOutboxSize();
        int delivered = h.delivered.size();

        assertThatThrownBy(() -> h.remit(s, vnd(100_000), "R-1"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("NOT_CASH_ON_DELIVERY"));
        h.assertUnchanged(before, docs, outbox);
        assertThat(h.delivered).hasSize(delivered);
        assertThat(h.oms.shipping().isComplete(TENANT, paid.id()))
                .as("prepaid and delivered")
                .isTrue();
    }

    @Test
    void notDelivered_refused_badAmountsAndReferences_nothingStored() {
        Order order = h.allocatedCod();
        Shipment s = h.shippedWhole(order, "T-1");
        Order before = h.reload(order);
        List<?> docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();

        assertThatThrownBy(() -> h.remit(s, s.codAmount(), "R-1"))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("NOT_DELIVERED"));
        assertThatThrownBy(() -> h.remit(s, Money.of("10", "USD"), "R-1"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("CURRENCY_MISMATCH"));
        assertThatThrownBy(() -> h.remit(s, vnd(0), " R "))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactlyInAnyOrder("NOT_POSITIVE", "MALFORMED"));
        h.assertUnchanged(before, docs, outbox);

        Shipment d = h.deliver(s);
        h.remit(d, vnd(1_000), "R-1");
        assertThatThrownBy(() -> h.remit(d, vnd(2_000), "R-1"))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code())
                        .containsExactly("DUPLICATE_REFERENCE"));
    }

    @Test
    void threeShipments_paymentStaysPartialUntilTheLast_ledgerCountsEveryRemittance() {
        Order order = h.allocatedCod();
        FulfilmentRequest r = h.readyToShip(h.releaseAll(order).request());
        List<Shipment> parcels = List.of(
                h.handOver(h.label(h.create(h.shipment(r).lines(Map.of(L1, 1))), "T-1")),
                h.handOver(h.label(h.create(h.shipment(r).lines(Map.of(L1, 2))), "T-2")),
                h.handOver(h.label(h.create(h.shipment(r).lines(Map.of(L2, 2))), "T-3")));
        List<String> states = new java.util.ArrayList<>();
        for (Shipment p : parcels) {
            Shipment d = h.deliver(p);
            h.remit(d, d.codAmount(), "R-" + d.id());
            states.add(h.reload(order).paymentStatus().name());
        }
        assertThat(states).containsExactly("COD_PARTIALLY_COLLECTED", "COD_PARTIALLY_COLLECTED", "COD_COLLECTED");
        Order done = h.reload(order);
        assertThat(done.payments().codRemitted()).isEqualTo(done.totals().total());
        assertThat(h.oms.events(TENANT, order.id()))
                .filteredOn(e -> e instanceof dev.omskit.core.event.OrderEvent.PaymentRecorded)
                .extracting(e -> ((dev.omskit.core.event.OrderEvent.PaymentRecorded) e)
                        .trigger()
                        .name())
                .containsExactly("COLLECT_COD_PARTIAL", "COLLECT_COD_PARTIAL", "COLLECT_COD");
    }

    @Test
    void createWithAnIdempotencyKey_twice_oneShipment() {
        Order order = h.allocatedCod();
        FulfilmentRequest r = h.readyToShip(h.releaseAll(order).request());
        var command = h.shipment(r)
                .idempotencyKey(dev.omskit.core.model.IdempotencyKey.of("ship-1"))
                .addParcels(dev.omskit.core.shipment.Parcel.of(800, 40, 30, 20))
                .build();
        Shipment first = h.oms.shipping().create(command);
        Shipment again = h.oms.shipping().create(command);
        assertThat(again).isEqualTo(first);
        assertThat(h.oms.shipping().shipments(TENANT, order.id())).hasSize(1);
        assertThat(first.weightGrams()).isEqualTo(2000);
        assertThat(first.chargeableWeightGrams(6000))
                .as("1,200 g and 4,000 g dimensional")
                .isEqualTo(5200);
    }
}
