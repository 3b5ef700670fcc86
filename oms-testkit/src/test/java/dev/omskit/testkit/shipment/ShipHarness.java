package dev.omskit.testkit.shipment;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentOutcome;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.shipment.TrackingResult;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.shipment.TrackingUpdate;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link Oms} with an inventory of two warehouses (WH-HCM first by priority, WH-HN second) holding
 * SKU-1 and SKU-2, on {@link InMemoryStorage} with a manual clock and sequential ids, plus shortcuts for
 * the fulfilment and shipping tests.
 */
final class ShipHarness {
    static final LocationId HCM = LocationId.of("WH-HCM");
    static final LocationId HN = LocationId.of("WH-HN");
    static final Sku SKU_1 = Sku.of("SKU-1");
    static final Sku SKU_2 = Sku.of("SKU-2");
    static final LineId L1 = LineId.of("L1");
    static final LineId L2 = LineId.of("L2");
    static final Actor WMS = Actor.system("wms");
    static final Actor CARRIER = Actor.system("ghn-webhook");

    final ManualClock clock = ManualClock.at("2026-11-11T08:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
    final Inventory inventory;
    final Oms oms;
    final List<OmsEvent> delivered = new CopyOnWriteArrayList<>();

    private ShipHarness(boolean withInventory, Consumer<Oms.Builder> customizer) {
        for (Sku sku : List.of(SKU_1, SKU_2)) {
            catalog.put(Product.builder()
                    .tenant(TENANT)
                    .sku(sku)
                    .name("Product " + sku)
                    .build());
        }
        inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(location(HCM, 1));
        inventory.saveLocation(location(HN, 2));
        Oms.Builder b = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .eventListener(delivered::add);
        if (withInventory) {
            b.inventory(inventory);
        }
        customizer.accept(b);
        oms = b.build();
    }

    static ShipHarness create() {
        return new ShipHarness(true, b -> {});
    }

    static ShipHarness create(Consumer<Oms.Builder> customizer) {
        return new ShipHarness(true, customizer);
    }

    /** A facade without an inventory (units move without stock). */
    static ShipHarness withoutInventory() {
        return new ShipHarness(false, b -> {});
    }

    static Location location(LocationId id, int priority) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name("Warehouse " + id)
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(OrderFixtures.address())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(priority)
                .build();
    }

    void receive(LocationId location, Sku sku, int units) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(location)
                .addLines(ReceiptLine.good(sku, units))
                .actor(WMS)
                .build());
    }

    int onHand(Sku sku, LocationId location) {
        return inventory.level(TENANT, sku, location).onHand();
    }

    int available(Sku sku, LocationId location) {
        return inventory.level(TENANT, sku, location).available();
    }

    /** A COD order (shipping fee 30,000 VND) of the given lines. */
    Order captureCod(LineInput... lines) {
        return oms.capture(OrderFixtures.capture()
                        .lines(List.of(lines))
                        .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                        .paymentStatus(PaymentStates.COD_PENDING)
                        .shippingFee(OrderFixtures.vnd(30_000))
                        .build())
                .order();
    }

    /** A prepaid, paid order of the given lines. */
    Order capturePaid(LineInput... lines) {
        return oms.capture(OrderFixtures.capture().lines(List.of(lines)).build())
                .order();
    }

    /** A COD order of 3 x SKU-1 at 100,000 and 2 x SKU-2 at 50,000, allocated. */
    Order allocatedCod() {
        return oms.allocate(
                TENANT,
                captureCod(line("SKU-1", 3, 100_000), line("SKU-2", 2, 50_000)).id(),
                WMS);
    }

    Order reload(Order o) {
        return oms.get(o.tenant(), o.id());
    }

    FulfilmentOutcome releaseAll(Order o) {
        return oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(o.id())
                        .actor(WMS)
                        .build());
    }

    ChangeFulfilment change(FulfilmentRequest r, String reason) {
        ChangeFulfilment.Builder b = ChangeFulfilment.builder()
                .tenant(TENANT)
                .orderId(r.orderId())
                .actor(WMS)
                .requestId(r.id());
        if (reason != null) {
            b.reason(reason);
        }
        return b.build();
    }

    FulfilmentRequest accept(FulfilmentRequest r) {
        return oms.fulfilment().accept(change(r, null)).request();
    }

    FulfilmentOutcome pick(FulfilmentRequest r, Map<LineId, Integer> picked, String reason) {
        ConfirmPick.Builder b = ConfirmPick.builder()
                .tenant(TENANT)
                .orderId(r.orderId())
                .actor(WMS)
                .requestId(r.id())
                .picked(picked);
        if (reason != null) {
            b.reason(reason);
        }
        return oms.fulfilment().confirmPick(b.build());
    }

    FulfilmentRequest pack(FulfilmentRequest r) {
        return oms.fulfilment().confirmPack(change(r, null)).request();
    }

    /** Accepts, picks everything and packs the request. */
    FulfilmentRequest readyToShip(FulfilmentRequest r) {
        accept(r);
        FulfilmentRequest picked = pick(r, r.requested(), null).request();
        return pack(picked);
    }

    CreateShipment.Builder shipment(FulfilmentRequest r) {
        return CreateShipment.builder()
                .tenant(TENANT)
                .orderId(r.orderId())
                .actor(WMS)
                .origin(r.location())
                .fulfilmentRequest(r.id())
                .lines(r.picked())
                .addParcels(Parcel.of(1200, 30, 20, 10))
                .carrier("GHN")
                .payer(ShippingPayer.BUYER);
    }

    Shipment create(CreateShipment.Builder b) {
        return oms.shipping().create(b.build());
    }

    Shipment label(Shipment s, String tracking) {
        return oms.shipping()
                .label(LabelShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .trackingNumber(tracking)
                        .label("label-" + tracking + ".pdf")
                        .build());
    }

    ChangeShipment changeShipment(Shipment s, String reason) {
        ChangeShipment.Builder b = ChangeShipment.builder()
                .tenant(TENANT)
                .orderId(s.orderId())
                .actor(WMS)
                .shipmentId(s.id());
        if (reason != null) {
            b.reason(reason);
        }
        return b.build();
    }

    Shipment handOver(Shipment s) {
        return oms.shipping().handOver(changeShipment(s, null));
    }

    /** A carrier event one minute after the clock, advancing the clock. */
    TrackingResult track(Shipment s, TrackingStatus status) {
        clock.advance(Duration.ofMinutes(1));
        return track(s, status, clock.instant(), null);
    }

    TrackingResult track(Shipment s, TrackingStatus status, java.time.Instant at, String failure) {
        TrackingUpdate.Builder b = TrackingUpdate.builder()
                .tenant(TENANT)
                .carrier(s.carrier())
                .trackingNumber(s.trackingNumber().orElseThrow())
                .status(status)
                .occurredAt(at)
                .description("carrier says " + status)
                .actor(CARRIER);
        if (failure != null) {
            b.failureReason(failure);
        }
        return oms.shipping().applyTracking(b.build());
    }

    Shipment remit(Shipment s, Money amount, String reference) {
        return oms.shipping()
                .recordRemittance(RecordCodRemittance.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(Actor.system("ghn-remittance"))
                        .shipmentId(s.id())
                        .amount(amount)
                        .reference(reference)
                        .remittedAt(clock.instant())
                        .build());
    }

    /** A shipment of all picked units of the order's one request, labelled and handed over. */
    Shipment shippedWhole(Order o, String tracking) {
        FulfilmentRequest r = readyToShip(releaseAll(o).request());
        Shipment s = label(create(shipment(r)), tracking);
        return handOver(s);
    }

    Shipment deliver(Shipment s) {
        track(s, TrackingStatus.DELIVERED);
        return oms.shipping().find(TENANT, s.id()).orElseThrow();
    }

    /** Asserts nothing about the order changed: same order, same documents and trails, outbox unchanged. */
    void assertUnchanged(Order before, List<?> documentsBefore, int outboxBefore) {
        assertThat(reload(before)).isEqualTo(before);
        assertThat(storage.documents().ofOrder(TENANT, before.id())).isEqualTo(documentsBefore);
        assertThat(storage.pendingOutboxSize()).as("pending outbox").isEqualTo(outboxBefore);
    }

    List<?> documents(Order o) {
        return storage.documents().ofOrder(TENANT, o.id());
    }
}
