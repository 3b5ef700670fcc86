package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;

import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.model.Actor;
import dev.omskit.core.order.Order;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShippingPayer;

/** Moves an allocated order through the warehouse to a shipment handed to its carrier. */
final class Shipments {
    private static final Actor WMS = Actor.system("wms");

    private Shipments() {}

    /** Releases, picks and packs everything, and creates a shipment with {@code carrier} (not labelled). */
    static Shipment created(SyncHarness h, Order order, String carrier) {
        FulfilmentRequest r = h.oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .build())
                .request();
        h.oms.fulfilment().accept(change(r));
        FulfilmentRequest picked = h.oms.fulfilment()
                .confirmPick(ConfirmPick.builder()
                        .tenant(TENANT)
                        .orderId(r.orderId())
                        .actor(WMS)
                        .requestId(r.id())
                        .picked(r.requested())
                        .build())
                .request();
        h.oms.fulfilment().confirmPack(change(picked));
        return h.oms.shipping()
                .create(CreateShipment.builder()
                        .tenant(TENANT)
                        .orderId(r.orderId())
                        .actor(WMS)
                        .origin(r.location())
                        .fulfilmentRequest(r.id())
                        .lines(picked.picked())
                        .addParcels(Parcel.of(1200, 30, 20, 10))
                        .carrier(carrier)
                        .payer(ShippingPayer.BUYER)
                        .build());
    }

    /** {@link #created}, labelled with {@code tracking} and handed over. */
    static Shipment shipWhole(SyncHarness h, Order order, String tracking) {
        Shipment s = created(h, order, "GHN");
        h.oms.shipping()
                .label(LabelShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .trackingNumber(tracking)
                        .build());
        return h.oms.shipping()
                .handOver(ChangeShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .build());
    }

    private static ChangeFulfilment change(FulfilmentRequest r) {
        return ChangeFulfilment.builder()
                .tenant(TENANT)
                .orderId(r.orderId())
                .actor(WMS)
                .requestId(r.id())
                .build();
    }
}
