package dev.omskit.testkit.sync;

import static dev.omskit.testkit.OrderFixtures.TENANT;

import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.model.Actor;
import dev.omskit.core.order.Order;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.testkit.FulfilmentFixtures;

/** Moves an allocated order through the warehouse to a shipment handed to its carrier. */
final class Shipments {
    private static final Actor WMS = Actor.system("wms");

    private Shipments() {}

    /** Releases, picks and packs everything, and creates a shipment with {@code carrier} (not labelled). */
    static Shipment created(SyncHarness h, Order order, String carrier) {
        FulfilmentRequest packed = FulfilmentFixtures.packed(h.oms, TENANT, order.id(), WMS);
        return h.oms.shipping()
                .create(FulfilmentFixtures.shipmentOf(packed, carrier, WMS).build());
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
}
