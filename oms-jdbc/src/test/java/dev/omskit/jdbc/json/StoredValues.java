package dev.omskit.jdbc.json;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.CreatePurchaseOrder;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.Replenishment;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.lifecycle.Action;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTransitionContext;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.ClaimLine;
import dev.omskit.core.returns.ClaimResolution;
import dev.omskit.core.returns.ClaimType;
import dev.omskit.core.returns.ConfirmRefund;
import dev.omskit.core.returns.DocumentAction;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.OpenClaim;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.RequestReturn;
import dev.omskit.core.returns.ResolveClaim;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnItem;
import dev.omskit.core.returns.ReturnPolicy;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.core.returns.StoreCredit;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.shipment.TrackingUpdate;
import dev.omskit.core.spi.IdempotencyRecord;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.core.spi.OutboxEntry;
import dev.omskit.core.spi.TaxCodeValidators;
import dev.omskit.testkit.FulfilmentFixtures;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real values from real flows on an in-memory omskit (set up as the testkit's returns and backorder tests
 * and the after-sale demo do): orders captured in several variants, edited, held, partly cancelled, paid,
 * allocated, released, shipped and delivered (one cash on delivery, remitted), invoiced and adjusted,
 * returned and refunded, credited, claimed; purchase orders, a transfer, a backorder; and a tenant whose
 * lifecycle records a fact. Then everything the stores hold, collected by category.
 */
final class StoredValues {
    static final TenantId TENANT = OrderFixtures.TENANT;
    static final TenantId REVIEWING = TenantId.of("shop-with-review");
    static final LocationId WAREHOUSE = LocationId.of("WH-HCM");
    static final LocationId STORE = LocationId.of("ST-Q1");
    static final LocationId NORTH = LocationId.of("WH-HN");
    static final Sku SHIRT = Sku.of("SHIRT-M");
    static final Sku MUG = Sku.of("MUG-1");
    static final Sku SOCKS = Sku.of("SOCKS-1");
    static final Sku JACKET = Sku.of("JACKET-M");
    static final Sku BACK = Sku.of("SKU-BACK");
    static final Sku KIT = Sku.of("KIT-GIFT");
    static final List<Sku> SKUS = List.of(SHIRT, MUG, SOCKS, JACKET, BACK, KIT);
    static final Actor AGENT = Actor.agent("agent-1");
    static final Actor WMS = Actor.system("wms");
    static final Actor CARRIER_WEBHOOK = Actor.system("ghn-webhook");
    static final CustomerId BUYER = CustomerId.of("cus-1");
    static final String CARRIER = "GHN";
    static final String BUYER_TAX_CODE = "0100109106";

    private static final State FRAUD_REVIEW = State.of("FRAUD_REVIEW");
    private static final Trigger APPROVE = Trigger.of("APPROVE");
    private static final OrderLifecycle WITH_REVIEW = OrderLifecycle.of(OrderLifecycle.defaultStages().toBuilder()
            .stateBefore(FRAUD_REVIEW, OrderStages.CREATED)
            .initial(FRAUD_REVIEW)
            .transition(FRAUD_REVIEW, APPROVE, OrderStages.CREATED)
            .transition(FRAUD_REVIEW, OrderTriggers.CANCEL, OrderStages.CANCELLED)
            .action(
                    FRAUD_REVIEW,
                    APPROVE,
                    Action.<OrderTransitionContext>of(
                            "recordFraudScore",
                            ctx -> ctx.record(
                                    "fraudScore",
                                    Map.of("score", "12", "by", ctx.actor().id()))))
            .build());

    final ManualClock clock = ManualClock.at("2026-11-11T08:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final InMemoryInventoryStore stockStore = InMemoryInventoryStore.create();
    final InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
    final Inventory inventory;
    final Oms oms;

    private final Set<IdempotencyKey> keys = new LinkedHashSet<>();
    private final List<Transfer> transfersMade = new ArrayList<>();
    private final List<PurchaseOrder> purchaseOrdersMade = new ArrayList<>();
    private int keySequence;

    // What the stores hold once the flows ran.
    final List<Order> orders = new ArrayList<>();
    final List<OrderEvent> orderEvents = new ArrayList<>();
    final List<OrderDocument> documents = new ArrayList<>();
    final List<DocumentEvent> documentEvents = new ArrayList<>();
    final List<OutboxEntry> outbox = new ArrayList<>();
    final List<IdempotencyRecord> idempotencyRecords = new ArrayList<>();
    final List<Reservation> reservations = new ArrayList<>();
    final List<Transfer> transfers = new ArrayList<>();
    final List<PurchaseOrder> purchaseOrders = new ArrayList<>();
    final List<Backorder> backorders = new ArrayList<>();
    final List<LedgerEntry> ledger = new ArrayList<>();
    final List<Location> locations = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    final List<StockLevel> levels = new ArrayList<>();

    private StoredValues() {
        catalog.put(product(SHIRT, "Shirt M")
                .category("apparel")
                .brand("Saigon Sneakers")
                .putVariantAttributes("size", "M")
                .putVariantAttributes("colour", "navy")
                .costPrice(vnd(40_000))
                .salePrice(vnd(100_000))
                .weightGrams(220)
                .dimensions(new Dimensions(300, 200, 20))
                .replenishment(new Replenishment("SUP-A", 10, 50, 7))
                .build());
        catalog.put(
                product(MUG, "Mug").category("home").vatRate(VatRate.percent(8)).build());
        catalog.put(product(SOCKS, "Socks").build());
        catalog.put(product(JACKET, "Jacket M").build());
        catalog.put(product(BACK, "Backorderable")
                .addFlags(ProductFlag.BACKORDERABLE)
                .build());
        catalog.put(product(KIT, "Gift kit")
                .putComponents(SHIRT, 1)
                .putComponents(MUG, 2)
                .build());
        inventory = Inventory.builder()
                .store(stockStore)
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(Location.builder()
                .from(location(WAREHOUSE, LocationKind.WAREHOUSE_MAIN, 1))
                .addCapabilities(LocationCapability.SHIPS, LocationCapability.ACCEPTS_RETURNS)
                .personInCharge("Tran Van Kho")
                .phone("0901234567")
                .dailyCapacityUnits(500)
                .cutOffTime(LocalTime.of(15, 30))
                .zone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .build());
        inventory.saveLocation(Location.builder()
                .from(location(STORE, LocationKind.STORE, 5))
                .addCapabilities(LocationCapability.ACCEPTS_RETURNS)
                .build());
        inventory.saveLocation(Location.builder()
                .from(location(NORTH, LocationKind.WAREHOUSE_MAIN, 9))
                .addCapabilities(LocationCapability.SHIPS)
                .active(true)
                .build());
        ReceiveGoods.Builder receipt =
                ReceiveGoods.builder().tenant(TENANT).location(WAREHOUSE).actor(WMS);
        for (Sku sku : List.of(SHIRT, MUG, SOCKS, JACKET)) {
            receipt.addLines(ReceiptLine.good(sku, 100));
        }
        inventory.receive(receipt.build());
        oms = Oms.builder()
                .storage(storage)
                .inventory(inventory)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .lifecycle(REVIEWING, WITH_REVIEW)
                .invoicing(InvoicingConfig.builder()
                        .seller(InvoiceSeller.of(
                                "Cong ty TNHH Saigon Sneakers",
                                TaxCodeValidators.defaults().parse("VN", "0312345673")))
                        .symbol("1C26TSS")
                        .build())
                .returns(ReturnsConfig.builder()
                        .defaultPolicy(ReturnPolicy.builder()
                                .windowDays(14)
                                .restockingFeePercent(BigDecimal.TEN)
                                .build())
                        .build())
                .build();
    }

    /** Runs every flow and collects what the stores hold. */
    static StoredValues run() {
        StoredValues v = new StoredValues();
        v.businessOrderEditedHeldShippedInvoicedAndReturned();
        v.cashOnDeliveryShippedDeliveredAndRemitted();
        v.paidLaterDeliveredAndCredited();
        v.deliveredAndClaimed();
        v.cancelledInFull();
        v.backordered();
        v.purchasedAndTransferred();
        v.reviewedByACustomLifecycle();
        v.collect();
        return v;
    }

    // ------------------------------------------------------------------------------------------ flows

    private void businessOrderEditedHeldShippedInvoicedAndReturned() {
        Order order = capture(OrderFixtures.capture()
                .customer(BUYER)
                .buyer(Buyer.builder()
                        .name("Pham Thu Ha")
                        .companyName("Cong ty CP Minh Phat")
                        .taxCode(BUYER_TAX_CODE)
                        .email("ketoan@minhphat.vn")
                        .phone("0912345678")
                        .build())
                .billingAddress(Address.builder()
                        .from(OrderFixtures.address())
                        .recipient("Phong ke toan")
                        .line1("21 Nguyen Thi Minh Khai")
                        .build())
                .lines(List.of(
                        line("L1", SHIRT, 3, 100_000, 10_000, 10),
                        line("L2", MUG, 2, 50_000, 0, 8),
                        line("L3", SOCKS, 1, 30_000, 0, 10)))
                .shippingFee(vnd(30_000))
                .putAttributes("campaign", "11.11")
                .putAttributes("gift-wrap", "yes"));
        order = oms.edit(EditOrder.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(AGENT)
                .idempotencyKey(key())
                .buyer(Buyer.builder().from(order.buyer()).phone("0987654321").build())
                .shippingAddress(Address.builder()
                        .from(order.shippingAddress())
                        .line1("23 Nguyen Thi Minh Khai")
                        .build())
                .putChangeQuantities(LineId.of("L1"), 4L)
                .addRemoveLines(LineId.of("L3"))
                .addAddLines(line("L4", JACKET, 1, 400_000, 0, 10))
                .build());
        order = oms.placeHold(PlaceHold.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(AGENT)
                .idempotencyKey(key())
                .type(HoldType.ADDRESS)
                .reason("check the new address")
                .build());
        clock.advance(Duration.ofMinutes(20));
        order = oms.releaseHold(ReleaseHold.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(AGENT)
                .type(HoldType.ADDRESS)
                .note("address confirmed by phone")
                .build());
        order = oms.cancel(CancelOrder.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(AGENT)
                .idempotencyKey(key())
                .putLines(LineId.of("L1"), 1)
                .reason("the buyer wants one shirt less")
                .build());
        order = oms.allocate(TENANT, order.id(), WMS);
        FulfilmentRequest packed = FulfilmentFixtures.packed(oms, TENANT, order.id(), WMS);
        Shipment shipment = oms.shipping()
                .create(FulfilmentFixtures.shipmentOf(packed, CARRIER, WMS)
                        .service(ServiceLevel.EXPRESS)
                        .build());
        shipment = labelAndHandOver(shipment, "GHN2QW9E5Y");
        track(shipment, TrackingStatus.DELIVERED, "Delivered to reception", null);

        Invoice draft = oms.invoicing()
                .draftFromOrder(DraftInvoice.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .buyer(BuyerDetails.builder()
                                .companyName("Cong ty CP Minh Phat")
                                .taxCode(BUYER_TAX_CODE)
                                .email("ketoan@minhphat.vn")
                                .build())
                        .build());
        clock.advance(Duration.ofMinutes(5));
        oms.invoicing()
                .recordIssued(RecordInvoiceIssued.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.system("einvoice-provider"))
                        .invoiceId(draft.id())
                        .number("00000042")
                        .symbol("1C26TSS")
                        .authorityCode("M1-26-TSS7Q-00000042")
                        .issuedAt(clock.instant())
                        .build());

        clock.advance(Duration.ofDays(2));
        ReturnRequest rma = oms.returns()
                .requestReturn(RequestReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .idempotencyKey(key())
                        .location(STORE)
                        .addLines(new ReturnItem(
                                LineId.of("L1"), 2, ReturnReason.WRONG_SIZE, java.util.Optional.of("too small")))
                        .resolution(ReturnResolution.REFUND)
                        .note("returned in the store")
                        .build());
        rma = approveIfRequested(order, rma);
        rma = oms.returns()
                .receiveReturn(ReceiveReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.agent("store-q1"))
                        .returnId(rma.id())
                        .build());
        rma = oms.returns()
                .inspectReturn(InspectReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.agent("store-q1"))
                        .returnId(rma.id())
                        .addLines(InspectionLine.of(LineId.of("L1"), 1, 1, "ink stain on the front"))
                        .build());
        rma = oms.returns()
                .resolveReturn(ResolveReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .idempotencyKey(key())
                        .returnId(rma.id())
                        .build());
        clock.advance(Duration.ofMinutes(30));
        oms.returns()
                .confirmRefund(ConfirmRefund.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.system("psp"))
                        .refundId(rma.refundId().orElseThrow())
                        .providerReference("psp-rf-7781")
                        .build());
    }

    private void cashOnDeliveryShippedDeliveredAndRemitted() {
        Order order = capture(OrderFixtures.capture()
                .lines(List.of(line("L1", SHIRT, 1, 129_000, 0, 10), line("L2", SOCKS, 2, 9_000, 1_000, 10)))
                .shippingFee(vnd(30_000))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(PaymentStates.COD_PENDING));
        order = oms.allocate(TENANT, order.id(), WMS);
        FulfilmentRequest packed = FulfilmentFixtures.packed(oms, TENANT, order.id(), WMS);
        Shipment shipment = oms.shipping()
                .create(FulfilmentFixtures.shipmentOf(packed, CARRIER, WMS).build());
        shipment = labelAndHandOver(shipment, "GHN5LK2P7Q");
        track(shipment, TrackingStatus.IN_TRANSIT, "Arrived at the Thu Duc hub", null);
        track(shipment, TrackingStatus.OUT_FOR_DELIVERY, "Out for delivery", null);
        track(shipment, TrackingStatus.DELIVERY_FAILED, "Delivery failed", "customer not home");
        clock.advance(Duration.ofHours(18));
        track(shipment, TrackingStatus.OUT_FOR_DELIVERY, "Out for delivery again", null);
        track(shipment, TrackingStatus.DELIVERED, "Delivered, COD collected", null);
        clock.advance(Duration.ofDays(2));
        Money due = oms.shipping().codStatus(TENANT, order.id()).due();
        oms.shipping()
                .recordRemittance(RecordCodRemittance.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.system("ghn-remittance"))
                        .idempotencyKey(key())
                        .shipmentId(shipment.id())
                        .amount(due)
                        .reference("GHN-R-20261113-0042")
                        .remittedAt(clock.instant())
                        .build());
    }

    private void paidLaterDeliveredAndCredited() {
        Order order = capture(OrderFixtures.capture()
                .customer(BUYER)
                .lines(List.of(line("L1", SHIRT, 2, 100_000, 0, 10)))
                .paymentStatus(PaymentStates.PENDING));
        order = oms.recordPayment(RecordPayment.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(Actor.system("psp"))
                .idempotencyKey(key())
                .trigger(PaymentStates.AUTHORIZE)
                .amount(order.totals().total())
                .reference("psp-auth-1")
                .build());
        order = oms.recordPayment(RecordPayment.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(Actor.system("psp"))
                .trigger(PaymentStates.CAPTURE)
                .amount(order.totals().total())
                .reference("psp-cap-1")
                .build());
        order = deliverByTransitions(order);
        ReturnRequest rma = oms.returns()
                .requestReturn(RequestReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.customer(BUYER))
                        .location(WAREHOUSE)
                        .addLines(ReturnItem.of(LineId.of("L1"), 1, ReturnReason.CHANGED_MIND))
                        .resolution(ReturnResolution.STORE_CREDIT)
                        .build());
        rma = approveIfRequested(order, rma);
        oms.returns()
                .receiveReturn(ReceiveReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .returnId(rma.id())
                        .build());
        oms.returns()
                .inspectReturn(InspectReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .returnId(rma.id())
                        .addLines(InspectionLine.good(LineId.of("L1"), 1))
                        .build());
        rma = oms.returns()
                .resolveReturn(ResolveReturn.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .returnId(rma.id())
                        .creditExpiresAt(clock.instant().plus(Duration.ofDays(365)))
                        .build());
        StoreCredit credit = storage.documents()
                .find(TENANT, StoreCredit.KIND, rma.storeCreditId().orElseThrow())
                .orElseThrow();
        oms.returns().redeemStoreCredit(TENANT, credit.code(), vnd(50_000), "W-NEXT-1", Actor.customer(BUYER));
    }

    private void deliveredAndClaimed() {
        Order order = capture(OrderFixtures.capture()
                .customer(BUYER)
                .lines(List.of(line("L1", SHIRT, 1, 100_000, 0, 10), line("L2", MUG, 2, 50_000, 0, 8))));
        order = deliverByTransitions(order);
        Claim claim = oms.returns()
                .openClaim(OpenClaim.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.customer(BUYER))
                        .addLines(new ClaimLine(LineId.of("L2"), 1, ClaimType.MISSING_ITEM))
                        .description("the parcel had one mug only")
                        .addEvidence("photo:unboxing-1.jpg")
                        .build());
        oms.returns().approveClaim(action(order, claim.id()));
        Claim resolved = oms.returns()
                .resolveClaim(ResolveClaim.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(AGENT)
                        .claimId(claim.id())
                        .resolution(ClaimResolution.REFUND)
                        .build());
        Refund refund = oms.returns()
                .findRefund(TENANT, resolved.refundId().orElseThrow())
                .orElseThrow();
        oms.returns()
                .confirmRefund(ConfirmRefund.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(Actor.system("psp"))
                        .refundId(refund.id())
                        .providerReference("psp-rf-9001")
                        .build());
    }

    private void cancelledInFull() {
        Order order = capture(OrderFixtures.capture().lines(List.of(line("L1", MUG, 1, 50_000, 0, 8))));
        oms.cancel(OrderFixtures.cancelAll(TENANT, order.id(), "the buyer changed their mind"));
    }

    private void backordered() {
        Order order = capture(OrderFixtures.capture().lines(List.of(line("L1", BACK, 3, 70_000, 0, 10))));
        oms.allocate(TENANT, order.id(), AGENT);
    }

    private void purchasedAndTransferred() {
        PurchaseOrder po = inventory.createPurchaseOrder(CreatePurchaseOrder.builder()
                .tenant(TENANT)
                .supplier("SUP-A")
                .location(WAREHOUSE)
                .putLines(BACK, 5)
                .putLines(SHIRT, 20)
                .expectedAt(clock.instant().plus(Duration.ofDays(7)))
                .actor(Actor.agent("buyer"))
                .build());
        po = inventory.confirmPurchaseOrder(TENANT, po.id());
        clock.advance(Duration.ofDays(1));
        po = inventory.receivePurchaseOrder(ReceivePurchaseOrder.builder()
                .tenant(TENANT)
                .purchaseOrder(po.id())
                .addLines(ReceiptLine.good(BACK, 2))
                .addLines(new ReceiptLine(SHIRT, 9, 1, java.util.Optional.of("torn")))
                .actor(WMS)
                .build());
        purchaseOrdersMade.add(po);
        PurchaseOrder other = inventory.createPurchaseOrder(CreatePurchaseOrder.builder()
                .tenant(TENANT)
                .supplier("SUP-B")
                .location(NORTH)
                .putLines(MUG, 10)
                .actor(Actor.agent("buyer"))
                .build());
        purchaseOrdersMade.add(inventory.cancelPurchaseOrder(TENANT, other.id()));

        Transfer transfer = inventory.transfer(TransferStock.builder()
                .tenant(TENANT)
                .from(WAREHOUSE)
                .to(NORTH)
                .putLines(MUG, 6)
                .putLines(JACKET, 2)
                .expectedAt(clock.instant().plus(Duration.ofDays(2)))
                .actor(WMS)
                .build());
        transfersMade.add(transfer);
        clock.advance(Duration.ofDays(2));
        transfersMade.add(inventory.receiveTransfer(ReceiveTransfer.builder()
                .tenant(TENANT)
                .transfer(transfer.id())
                .putReceived(MUG, 5)
                .putDamaged(MUG, 1)
                .putReceived(JACKET, 2)
                .actor(WMS)
                .build()));
        transfersMade.add(inventory.transfer(TransferStock.builder()
                .tenant(TENANT)
                .from(WAREHOUSE)
                .to(STORE)
                .putLines(SOCKS, 3)
                .actor(WMS)
                .build()));
    }

    private void reviewedByACustomLifecycle() {
        Order order = oms.capture(OrderFixtures.capture()
                        .tenant(REVIEWING)
                        .idempotencyKey(key())
                        .build())
                .order();
        oms.transition(TransitionOrder.builder()
                .tenant(REVIEWING)
                .orderId(order.id())
                .actor(AGENT)
                .trigger(APPROVE)
                .build());
    }

    // ------------------------------------------------------------------------------------------ steps

    private Order capture(CaptureOrder.Builder command) {
        Order o = oms.capture(command.idempotencyKey(key()).build()).order();
        clock.advance(Duration.ofMinutes(10));
        return o;
    }

    private IdempotencyKey key() {
        IdempotencyKey key = IdempotencyKey.of("key-" + (++keySequence));
        keys.add(key);
        return key;
    }

    private Order deliverByTransitions(Order order) {
        for (Trigger trigger :
                List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP, OrderTriggers.DELIVER)) {
            order = oms.transition(OrderFixtures.transition(order, trigger));
            clock.advance(Duration.ofHours(1));
        }
        return order;
    }

    private ReturnRequest approveIfRequested(Order order, ReturnRequest rma) {
        if (rma.state().name().equals("REQUESTED")) {
            return oms.returns().approveReturn(action(order, rma.id()));
        }
        return rma;
    }

    private static DocumentAction action(Order order, String documentId) {
        return DocumentAction.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .documentId(documentId)
                .build();
    }

    private Shipment labelAndHandOver(Shipment s, String tracking) {
        oms.shipping()
                .label(LabelShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .trackingNumber(tracking)
                        .label("labels/" + tracking + ".pdf")
                        .build());
        clock.advance(Duration.ofHours(1));
        return oms.shipping()
                .handOver(ChangeShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .build());
    }

    private void track(Shipment s, TrackingStatus status, String description, String failure) {
        clock.advance(Duration.ofHours(3));
        TrackingUpdate.Builder b = TrackingUpdate.builder()
                .tenant(TENANT)
                .carrier(s.carrier())
                .trackingNumber(s.trackingNumber().orElseThrow())
                .status(status)
                .occurredAt(clock.instant())
                .description(description)
                .actor(CARRIER_WEBHOOK);
        if (failure != null) {
            b.failureReason(failure);
        }
        oms.shipping().applyTracking(b.build());
    }

    // ---------------------------------------------------------------------------------------- collect

    private void collect() {
        for (TenantId tenant : List.of(TENANT, REVIEWING)) {
            for (Order order : oms.query(tenant, OrderQuery.all())) {
                orders.add(order);
                orderEvents.addAll(storage.events().trail(tenant, order.id()));
                for (OrderDocument document : storage.documents().ofOrder(tenant, order.id())) {
                    documents.add(document);
                    documentEvents.addAll(storage.documents().trail(tenant, document.kind(), document.id()));
                }
                String holder = "order:" + order.id().value();
                reservations.addAll(stockStore.reservationsFor(tenant, holder));
                backorders.addAll(stockStore.backordersFor(tenant, holder));
            }
            for (IdempotencyKey key : keys) {
                storage.idempotency().find(tenant, key).ifPresent(idempotencyRecords::add);
            }
        }
        outbox.addAll(storage.events().pending(Integer.MAX_VALUE));
        Map<String, Reservation> open = new LinkedHashMap<>();
        stockStore.openReservations(TENANT).forEach(r -> open.put(r.id().value(), r));
        reservations.forEach(r -> open.remove(r.id().value()));
        reservations.addAll(open.values());
        for (Transfer t : transfersMade) {
            transfers.add(stockStore.transfer(TENANT, t.id()).orElseThrow());
        }
        for (PurchaseOrder po : purchaseOrdersMade) {
            purchaseOrders.add(stockStore.purchaseOrder(TENANT, po.id()).orElseThrow());
        }
        levels.addAll(stockStore.allLevels(TENANT));
        for (StockLevel level : levels) {
            ledger.addAll(stockStore.ledger(TENANT, level.sku(), level.location(), 0, 100_000));
        }
        locations.addAll(stockStore.locations(TENANT));
        for (Sku sku : SKUS) {
            catalog.find(TENANT, sku).ifPresent(products::add);
        }
    }

    // ------------------------------------------------------------------------------------------- data

    private static Product.Builder product(Sku sku, String name) {
        return Product.builder().tenant(TENANT).sku(sku).name(name);
    }

    private static Location location(LocationId id, LocationKind kind, int priority) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name("Location " + id)
                .kind(kind)
                .address(OrderFixtures.address())
                .priority(priority)
                .build();
    }

    static LineInput line(String id, Sku sku, int units, long price, long discount, int vat) {
        return LineInput.builder()
                .lineId(id)
                .sku(sku.value())
                .title("Product " + sku)
                .quantity(units)
                .unitPrice(vnd(price))
                .discount(vnd(discount))
                .vatRate(VatRate.percent(vat))
                .putAttributes("unit", "piece")
                .build();
    }

    static Money vnd(long amount) {
        return OrderFixtures.vnd(amount);
    }
}
