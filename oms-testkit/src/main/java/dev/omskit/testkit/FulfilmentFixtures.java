package dev.omskit.testkit;

import dev.omskit.core.Oms;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.ShippingPayer;

/** The warehouse's part, done in one call: an allocated order released, accepted, picked in full and packed. */
public final class FulfilmentFixtures {
    private FulfilmentFixtures() {}

    /**
     * Releases the allocated order (one request, at the location its reservation holds), accepts it, picks
     * every requested unit and packs it, all as {@code actor}; returns the packed request.
     */
    public static FulfilmentRequest packed(Oms oms, TenantId tenant, OrderId order, Actor actor) {
        FulfilmentRequest r = oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(tenant)
                        .orderId(order)
                        .actor(actor)
                        .build())
                .request();
        oms.fulfilment().accept(change(r, actor));
        oms.fulfilment()
                .confirmPick(ConfirmPick.builder()
                        .tenant(tenant)
                        .orderId(order)
                        .actor(actor)
                        .requestId(r.id())
                        .picked(r.requested())
                        .build());
        return oms.fulfilment().confirmPack(change(r, actor)).request();
    }

    /**
     * A shipment of every unit picked for {@code packed}, with {@code carrier}, one 1.2 kg parcel of 30 x 20 x
     * 10 cm, the buyer paying shipping; add or change what the test needs, then {@code build()}.
     */
    public static CreateShipment.Builder shipmentOf(FulfilmentRequest packed, String carrier, Actor actor) {
        return CreateShipment.builder()
                .tenant(packed.tenant())
                .orderId(packed.orderId())
                .actor(actor)
                .origin(packed.location())
                .fulfilmentRequest(packed.id())
                .lines(packed.picked())
                .addParcels(Parcel.of(1200, 30, 20, 10))
                .carrier(carrier)
                .payer(ShippingPayer.BUYER);
    }

    private static ChangeFulfilment change(FulfilmentRequest r, Actor actor) {
        return ChangeFulfilment.builder()
                .tenant(r.tenant())
                .orderId(r.orderId())
                .actor(actor)
                .requestId(r.id())
                .build();
    }
}
