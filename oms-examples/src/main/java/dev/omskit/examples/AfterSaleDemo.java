package dev.omskit.examples;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.change.PaymentDifference;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLine;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.invoice.VatSubtotal;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.notify.CustomerNotification;
import dev.omskit.core.notify.NotificationRules;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.returns.ConfirmRefund;
import dev.omskit.core.returns.DocumentAction;
import dev.omskit.core.returns.ExchangeItem;
import dev.omskit.core.returns.InspectReturn;
import dev.omskit.core.returns.InspectionLine;
import dev.omskit.core.returns.ReceiveReturn;
import dev.omskit.core.returns.Refund;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnItem;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnLine;
import dev.omskit.core.returns.ReturnPolicy;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.returns.ReturnsConfig;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.CodSummary;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.shipment.TrackingResult;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.shipment.TrackingUpdate;
import dev.omskit.core.spi.TaxCodeValidators;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The after-sale part of the trading day: a cash-on-delivery order shipped, tracked, delivered and
 * reconciled with the carrier's remittance; a failed delivery re-attempted; a business order with a VAT
 * e-invoice, then a partial return in a store (bought online, returned in store) with inspection, a refund
 * and the adjustment invoice; an exchange for another size; and what the customers were told.
 */
final class AfterSaleDemo {
    static final TenantId TENANT = TenantId.of("saigon-sneakers-aftersale");
    static final LocationId WH_HCM = LocationId.of("WH-HCM");
    static final LocationId ST_Q1 = LocationId.of("ST-Q1");
    static final Sku RUNNER_41 = Sku.of("SNK-RUN-41");
    static final Sku RUNNER_42 = Sku.of("SNK-RUN-42");
    static final Sku SOCKS = Sku.of("SOCK-3P");
    static final Sku SHIRT = Sku.of("TEE-LOGO-M");
    static final Sku BOOK = Sku.of("BOOK-RUN-VN");
    static final String CARRIER = "GHN";
    static final String SELLER_TAX_CODE = "0312345673";
    static final String BUYER_TAX_CODE = "0100109106";
    static final String BAD_TAX_CODE = "0100109107";
    static final String INVOICE_SYMBOL = "1C26TSS";
    static final CustomerId LAN = CustomerId.of("c-2001");
    static final CustomerId DUC = CustomerId.of("c-2002");
    static final CustomerId MINH_PHAT = CustomerId.of("c-2003");
    static final CustomerId HOA = CustomerId.of("c-2004");
    static final CustomerId STRANGER = CustomerId.of("c-9999");
    static final Actor WMS = Actor.system("wms-hcm");
    static final Actor GHN_WEBHOOK = Actor.system("ghn-webhook");
    static final Actor GHN_REMITTANCE = Actor.system("ghn-remittance");
    static final Actor EINVOICE = Actor.system("einvoice-provider");
    static final Actor PSP = Actor.system("psp");
    static final Actor AGENT = Actor.agent("linh");
    static final Actor STORE_STAFF = Actor.agent("store-q1");
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static final Map<Sku, String> TITLES = Map.of(
            RUNNER_41, "Trail runner 41",
            RUNNER_42, "Trail runner 42",
            SOCKS, "Socks, 3 pairs",
            SHIRT, "Logo tee M",
            BOOK, "Running in Vietnam (book)");

    private final PrintStream out;
    private final ManualClock clock;
    private final Inventory inventory;
    private final Oms oms;
    private final List<CustomerNotification> told = new CopyOnWriteArrayList<>();
    private final Set<String> toldIds = ConcurrentHashMap.newKeySet();

    /** What the after-sale part produced (for the demo's test). */
    record Result(
            Money codDue,
            Money codRemitted,
            Money codOutstanding,
            boolean codComplete,
            State codPaymentStatus,
            boolean duplicateIgnored,
            State retriedShipmentState,
            int failedAttempts,
            String failureReason,
            String invoiceNumber,
            State invoiceState,
            boolean invalidTaxCodeRefused,
            Money refundAmount,
            Money restockingFee,
            State refundedOrderPayment,
            State adjustmentState,
            Money adjustmentTotal,
            boolean strangerDenied,
            String replacementChannelOrderId,
            Money replacementTotal,
            Money exchangeDifference,
            Map<String, Integer> notifications) {}

    AfterSaleDemo(PrintStream out, ManualClock clock, DemoStorage.Stores stores) {
        this.out = out;
        this.clock = clock;
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create()
                .put(product(RUNNER_41, TITLES.get(RUNNER_41), 820))
                .put(product(RUNNER_42, TITLES.get(RUNNER_42), 840))
                .put(product(SOCKS, TITLES.get(SOCKS), 120))
                .put(product(SHIRT, TITLES.get(SHIRT), 220))
                .put(product(BOOK, TITLES.get(BOOK), 450));
        this.inventory = Inventory.builder()
                .store(stores.inventory())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(location(
                WH_HCM,
                "Thu Duc warehouse",
                LocationKind.WAREHOUSE_MAIN,
                1,
                LocationCapability.SHIPS,
                LocationCapability.ACCEPTS_RETURNS));
        inventory.saveLocation(
                location(ST_Q1, "District 1 store", LocationKind.STORE, 5, LocationCapability.ACCEPTS_RETURNS));
        TaxCode seller = TaxCodeValidators.defaults().parse("VN", SELLER_TAX_CODE);
        this.oms = Oms.builder()
                .storage(stores.orders())
                .inventory(inventory)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .invoicing(InvoicingConfig.builder()
                        .seller(InvoiceSeller.of("Cong ty TNHH Saigon Sneakers", seller))
                        .symbol(INVOICE_SYMBOL)
                        .build())
                .returns(ReturnsConfig.builder()
                        .defaultPolicy(ReturnPolicy.builder()
                                .windowDays(14)
                                .restockingFeePercent(BigDecimal.TEN)
                                .build())
                        .build())
                .notifier(this::record, NotificationRules.defaults())
                .build();
    }

    Result run() {
        section("17. A cash-on-delivery order is shipped, tracked, delivered and reconciled");
        receive(WH_HCM, RUNNER_41, 20, RUNNER_42, 20, SOCKS, 50, SHIRT, 30, BOOK, 10);
        say("stock received at %s; %s and %s accept returns", WH_HCM, WH_HCM, ST_Q1);
        Order cod = capture(order("W-3001", LAN, "Nguyen Thi Lan", "45 Le Loi")
                .addLines(line("L1", RUNNER_41, 1, 1_290_000, 10), line("L2", SOCKS, 1, 90_000, 10))
                .shippingFee(vnd(30_000))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                .paymentStatus(PaymentStates.COD_PENDING));
        cod = oms.allocate(TENANT, cod.id(), WMS);
        say("%s allocated: %s", cod.id(), cod.status());
        FulfilmentRequest request = prepare(cod, true);
        Shipment parcel = oms.shipping()
                .create(shipment(request, Parcel.of(1_100, 35, 25, 15), ShippingPayer.BUYER)
                        .build());
        Parcel box = parcel.parcels().get(0);
        say(
                "shipment %s: %d g, %d x %d x %d cm -> dimensional %d g, chargeable %d g",
                parcel.id(),
                box.weightGrams(),
                box.dimensions().lengthMm() / 10,
                box.dimensions().widthMm() / 10,
                box.dimensions().heightMm() / 10,
                box.dimensionalWeightGrams(Parcel.DEFAULT_DIVISOR),
                parcel.chargeableWeightGrams(Parcel.DEFAULT_DIVISOR));
        say(
                "COD to collect %s = goods %s + shipping %s paid by the %s",
                parcel.codAmount(),
                cod.totals().total().minus(cod.shippingFee()),
                cod.shippingFee(),
                parcel.payer().name().toLowerCase());
        parcel = labelAndHandOver(parcel, "GHN5LK2P7Q");
        say("%s is %s", cod.id(), oms.get(TENANT, cod.id()).status());
        track(parcel, TrackingStatus.IN_TRANSIT, "Arrived at GHN Thu Duc hub", null);
        track(parcel, TrackingStatus.OUT_FOR_DELIVERY, "Out for delivery, District 1", null);
        track(parcel, TrackingStatus.DELIVERED, "Delivered, COD collected", null);
        TrackingResult duplicate = track(parcel, TrackingStatus.DELIVERED, "Delivered, COD collected", null);
        say("  (the carrier sent the DELIVERED webhook twice: the second is %s, nothing changed)", duplicate.outcome());
        CodSummary dueBefore = oms.shipping().codStatus(TENANT, cod.id());
        say(
                "before the remittance: due %s, remitted %s, outstanding %s; complete: %s",
                dueBefore.due(),
                dueBefore.remitted(),
                dueBefore.outstanding(),
                yesNo(oms.shipping().isComplete(TENANT, cod.id())));
        clock.advance(Duration.ofDays(2));
        Shipment remitted = oms.shipping()
                .recordRemittance(RecordCodRemittance.builder()
                        .tenant(TENANT)
                        .orderId(cod.id())
                        .actor(GHN_REMITTANCE)
                        .shipmentId(parcel.id())
                        .amount(dueBefore.due())
                        .reference("GHN-R-20261113-0042")
                        .remittedAt(clock.instant())
                        .build());
        CodSummary codStatus = oms.shipping().codStatus(TENANT, cod.id());
        boolean complete = oms.shipping().isComplete(TENANT, cod.id());
        cod = oms.get(TENANT, cod.id());
        say("GHN remitted %s (ref GHN-R-20261113-0042): %s", dueBefore.due(), remitted.codStatus());
        say(
                "codStatus: due %s, remitted %s, outstanding %s, open mismatches %d",
                codStatus.due(), codStatus.remitted(), codStatus.outstanding(), codStatus.mismatches());
        say("isComplete: %s; %s is %s, payment %s", complete, cod.id(), cod.status(), cod.paymentStatus());

        section("18. A failed delivery is attempted again the next day");
        Order retry = capture(order("W-3002", DUC, "Tran Van Duc", "8 Tran Hung Dao")
                .addLines(line("L1", RUNNER_42, 1, 1_290_000, 10))
                .paymentStatus(PaymentStates.PAID));
        retry = oms.allocate(TENANT, retry.id(), WMS);
        Shipment second = labelAndHandOver(
                oms.shipping()
                        .create(shipment(prepare(retry, false), Parcel.of(900, 33, 22, 12), ShippingPayer.SELLER)
                                .build()),
                "GHN8MX4R2T");
        track(second, TrackingStatus.OUT_FOR_DELIVERY, "Out for delivery, District 5", null);
        track(second, TrackingStatus.DELIVERY_FAILED, "Delivery failed", "customer not home");
        clock.advance(Duration.ofHours(18));
        track(second, TrackingStatus.OUT_FOR_DELIVERY, "Out for delivery again, District 5", null);
        track(second, TrackingStatus.DELIVERED, "Delivered to the customer", null);
        Shipment retried = oms.shipping().find(TENANT, second.id()).orElseThrow();
        say(
                "shipment %s is %s after %d failed attempt(s) (last failure: %s)",
                retried.id(),
                retried.state(),
                retried.failedAttempts(),
                retried.failureReason().orElse("none"));
        say("its trail on order %s:", retry.id());
        for (OrderEvent event : oms.events(TENANT, retry.id())) {
            if (event instanceof OrderEvent.DocumentChanged changed
                    && changed.kind().equals("shipment")) {
                say(
                        "  %s  %-13s %-34s %s",
                        changed.header().occurredAt(),
                        changed.trigger(),
                        changed.from().map(s -> s + " -> ").orElse("") + changed.to(),
                        changed.summary());
            }
        }

        section("19. A business order with a VAT e-invoice, then a partial return in a store");
        Order business = capture(order("W-3003", MINH_PHAT, "Pham Thu Ha", "21 Nguyen Thi Minh Khai")
                .buyer(Buyer.builder()
                        .name("Pham Thu Ha")
                        .companyName("Cong ty CP Minh Phat")
                        .email("ketoan@minhphat.vn")
                        .build())
                .addLines(line("L1", SHIRT, 2, 250_000, 10), line("L2", BOOK, 1, 180_000, 8))
                .shippingFee(vnd(30_000))
                .paymentStatus(PaymentStates.PAID));
        business = oms.allocate(TENANT, business.id(), WMS);
        Shipment third = labelAndHandOver(
                oms.shipping()
                        .create(shipment(prepare(business, false), Parcel.of(1_000, 30, 25, 8), ShippingPayer.BUYER)
                                .build()),
                "GHN2QW9E5Y");
        track(third, TrackingStatus.DELIVERED, "Delivered to reception", null);
        business = oms.get(TENANT, business.id());
        say("%s is %s, payment %s", business.id(), business.status(), business.paymentStatus());

        say("tax codes checked before use: seller %s, buyer %s", taxCode(SELLER_TAX_CODE), taxCode(BUYER_TAX_CODE));
        boolean invalidRefused = false;
        int invoicesBefore = oms.invoicing().invoicesOf(TENANT, business.id()).size();
        try {
            oms.invoicing().draftFromOrder(draft(business, BAD_TAX_CODE));
            say("invoice drafted with tax code %s (wrong!)", BAD_TAX_CODE);
        } catch (InvalidArgumentException e) {
            for (Violation v : e.violations()) {
                say("tax code %s refused: %s %s (%s)", BAD_TAX_CODE, v.field(), v.code(), v.message());
                invalidRefused |= v.code().equals("INVALID_TAX_CODE");
            }
        }
        int invoicesAfter = oms.invoicing().invoicesOf(TENANT, business.id()).size();
        say("invoices of %s before and after: %d and %d", business.id(), invoicesBefore, invoicesAfter);
        invalidRefused &= invoicesBefore == invoicesAfter;

        Invoice draft = oms.invoicing().draftFromOrder(draft(business, BUYER_TAX_CODE));
        say(
                "drafted %s %s %s for %s (tax code %s), payment %s",
                draft.id(),
                draft.type(),
                draft.state(),
                draft.buyer().companyName().orElse("?"),
                draft.buyer().taxCode().map(TaxCode::printed).orElse("none"),
                draft.paymentTerm());
        clock.advance(Duration.ofMinutes(5));
        Invoice issued = oms.invoicing()
                .recordIssued(RecordInvoiceIssued.builder()
                        .tenant(TENANT)
                        .orderId(business.id())
                        .actor(EINVOICE)
                        .invoiceId(draft.id())
                        .number("00000042")
                        .symbol(INVOICE_SYMBOL)
                        .authorityCode("M1-26-TSS7Q-00000042")
                        .issuedAt(clock.instant())
                        .build());
        say(
                "issued: %s no. %s symbol %s, authority code %s, dated %s",
                issued.state(),
                issued.number().orElseThrow(),
                issued.symbol().orElseThrow(),
                issued.authorityCode().orElseThrow(),
                issued.issueDate(VN).orElseThrow());
        printInvoice(issued);

        OrderId businessId = business.id();
        Order beforeStranger = oms.get(TENANT, businessId);
        int returnsBefore = oms.returns().returnsOf(TENANT, businessId).size();
        boolean strangerDenied = false;
        try {
            oms.selfService(TENANT, STRANGER)
                    .requestReturn(
                            businessId,
                            List.of(ReturnItem.of(LineId.of("L1"), 1, ReturnReason.CHANGED_MIND)),
                            ST_Q1,
                            ReturnResolution.REFUND,
                            List.of());
            say("%s requested a return on %s (wrong!)", STRANGER, businessId);
        } catch (AccessDeniedException e) {
            strangerDenied = oms.get(TENANT, businessId).equals(beforeStranger)
                    && oms.returns().returnsOf(TENANT, businessId).size() == returnsBefore;
            say("customer %s asks to return units of %s: refused (%s)", STRANGER, businessId, e.getMessage());
            say(
                    "  order version still %d, returns still %d",
                    oms.get(TENANT, businessId).version(),
                    oms.returns().returnsOf(TENANT, businessId).size());
        }

        clock.advance(Duration.ofDays(3));
        ReturnRequest rma = oms.selfService(TENANT, MINH_PHAT)
                .requestReturn(
                        businessId,
                        List.of(ReturnItem.of(LineId.of("L1"), 2, ReturnReason.WRONG_SIZE)),
                        ST_Q1,
                        ReturnResolution.REFUND,
                        List.of());
        say(
                "%s asks to return 2 x L1 (%s) at %s: %s %s, resolution %s",
                MINH_PHAT, SHIRT, rma.location(), rma.rmaNumber(), rma.state(), rma.resolution());
        if (rma.state().equals(ReturnLifecycle.REQUESTED)) {
            rma = oms.returns().approveReturn(action(businessId, rma.id(), AGENT));
            say("the merchant approves it (the policy does not auto-approve): %s", rma.state());
        }
        StockLevel shirtsBefore = inventory.level(TENANT, SHIRT, ST_Q1);
        clock.advance(Duration.ofDays(1));
        rma = oms.returns()
                .receiveReturn(ReceiveReturn.builder()
                        .tenant(TENANT)
                        .orderId(businessId)
                        .actor(STORE_STAFF)
                        .returnId(rma.id())
                        .build());
        say("received at %s: %s, %s", ST_Q1, rma.receivedUnits(), rma.state());
        rma = oms.returns()
                .inspectReturn(InspectReturn.builder()
                        .tenant(TENANT)
                        .orderId(businessId)
                        .actor(STORE_STAFF)
                        .returnId(rma.id())
                        .addLines(InspectionLine.of(LineId.of("L1"), 1, 1, "ink stain on the front"))
                        .build());
        StockLevel shirtsAfter = inventory.level(TENANT, SHIRT, ST_Q1);
        say("inspected: %s, %s", inspection(rma), rma.state());
        say("%s at %s before: %s", SHIRT, ST_Q1, stock(shirtsBefore));
        say("%s at %s after:  %s", SHIRT, ST_Q1, stock(shirtsAfter));

        ResolveReturn resolve = ResolveReturn.builder()
                .tenant(TENANT)
                .orderId(businessId)
                .actor(AGENT)
                .returnId(rma.id())
                .build();
        ChangePreview<ReturnRequest> preview = oms.returns().previewResolveReturn(resolve);
        say("preview of the resolution: payment difference %s", difference(preview.paymentDifference()));
        rma = oms.returns().resolveReturn(resolve);
        Refund refund =
                oms.returns().findRefund(TENANT, rma.refundId().orElseThrow()).orElseThrow();
        say(
                "resolved: %s; refund %s of %s for %s (restocking fee %s kept, shipping refunded: %s)",
                rma.state(),
                refund.id(),
                refund.amount(),
                refund.refundedUnits(),
                refund.restockingFee(),
                yesNo(refund.shippingRefunded()));
        clock.advance(Duration.ofMinutes(30));
        refund = oms.returns()
                .confirmRefund(ConfirmRefund.builder()
                        .tenant(TENANT)
                        .orderId(businessId)
                        .actor(PSP)
                        .refundId(refund.id())
                        .providerReference("psp-rf-7781")
                        .build());
        business = oms.get(TENANT, businessId);
        say(
                "refund %s confirmed (psp-rf-7781): %s; %s payment %s, refunded %s of %s",
                refund.id(),
                refund.state(),
                businessId,
                business.paymentStatus(),
                business.payments().refunded(),
                business.totals().total());
        Invoice adjustment = null;
        for (Invoice inv : oms.invoicing().invoicesOf(TENANT, businessId)) {
            say(
                    "invoice %s: %s %s%s, total %s",
                    inv.id(),
                    inv.purpose(),
                    inv.state(),
                    inv.relatesTo().map(r -> " of " + r).orElse(""),
                    inv.totals().total());
            if (inv.purpose() == InvoicePurpose.ADJUSTMENT) {
                adjustment = inv;
            }
        }
        if (adjustment != null) {
            say(
                    "the adjustment drafted with the refund: %s",
                    adjustment.reason().orElse(""));
            printInvoice(adjustment);
        }

        section("20. An exchange for another size");
        Order exchange = capture(order("W-3004", HOA, "Le Thi Hoa", "210 Cach Mang Thang 8")
                .addLines(line("L1", RUNNER_41, 1, 1_290_000, 10))
                .paymentStatus(PaymentStates.PAID));
        exchange = oms.allocate(TENANT, exchange.id(), WMS);
        Shipment fourth = labelAndHandOver(
                oms.shipping()
                        .create(shipment(prepare(exchange, false), Parcel.of(900, 33, 22, 12), ShippingPayer.SELLER)
                                .build()),
                "GHN6TY3U8I");
        track(fourth, TrackingStatus.DELIVERED, "Delivered", null);
        OrderId exchangeId = exchange.id();
        clock.advance(Duration.ofDays(1));
        ReturnRequest swap = oms.selfService(TENANT, HOA)
                .requestReturn(
                        exchangeId,
                        List.of(ReturnItem.of(LineId.of("L1"), 1, ReturnReason.WRONG_SIZE)),
                        WH_HCM,
                        ReturnResolution.EXCHANGE,
                        List.of(new ExchangeItem(RUNNER_42, 1, vnd(1_290_000), VatRate.percent(10))));
        say(
                "%s asks to exchange 1 x %s for %s: %s %s",
                HOA,
                RUNNER_41,
                swap.exchangeItems().stream()
                        .map(i -> i.units() + " x " + i.sku())
                        .toList(),
                swap.rmaNumber(),
                swap.state());
        oms.returns().approveReturn(action(exchangeId, swap.id(), AGENT));
        clock.advance(Duration.ofDays(2));
        oms.returns()
                .receiveReturn(ReceiveReturn.builder()
                        .tenant(TENANT)
                        .orderId(exchangeId)
                        .actor(WMS)
                        .returnId(swap.id())
                        .build());
        swap = oms.returns()
                .inspectReturn(InspectReturn.builder()
                        .tenant(TENANT)
                        .orderId(exchangeId)
                        .actor(WMS)
                        .returnId(swap.id())
                        .addLines(InspectionLine.good(LineId.of("L1"), 1))
                        .build());
        say("approved, received and inspected at %s: %s, %s", WH_HCM, inspection(swap), swap.state());
        ResolveReturn resolveSwap = ResolveReturn.builder()
                .tenant(TENANT)
                .orderId(exchangeId)
                .actor(AGENT)
                .returnId(swap.id())
                .build();
        PaymentDifference swapDifference =
                oms.returns().previewResolveReturn(resolveSwap).paymentDifference();
        say("preview: payment difference %s", difference(swapDifference));
        swap = oms.returns().resolveReturn(resolveSwap);
        Order replacement = oms.get(TENANT, swap.replacementOrderId().orElseThrow());
        say(
                "resolved %s: replacement order %s '%s', %s, payment %s",
                swap.state(),
                replacement.id(),
                replacement.channelOrderId(),
                replacement.status(),
                replacement.paymentStatus());
        for (OrderLine l : replacement.lines()) {
            say(
                    "  %s %s x%d at %s, discount %s (the returned unit's value net of VAT), line total %s",
                    l.id(),
                    l.sku(),
                    l.ordered(),
                    l.unitPrice(),
                    l.discount(),
                    l.amounts(replacement.taxMode()).total());
        }
        say(
                "replacement total %s, shipping %s; refunds on %s: %s -> %s",
                replacement.totals().total(),
                replacement.shippingFee(),
                exchangeId,
                oms.returns().refundsOf(TENANT, exchangeId).size(),
                leftToSettle(replacement.totals().total(), swapDifference));

        section("21. What the customers were told");
        oms.deliverEvents();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CustomerNotification n : told) {
            say("  %-24s %-5s (%s) %s", n.type().name(), n.orderId(), n.channelOrderId(), n.summary());
            counts.merge(n.type().name(), 1, Integer::sum);
        }
        out.println();
        say("%d notifications by type:", told.size());
        counts.forEach((type, count) -> say("  %-24s %d", type, count));

        return new Result(
                codStatus.due(),
                codStatus.remitted(),
                codStatus.outstanding(),
                complete,
                cod.paymentStatus(),
                duplicate.outcome() == TrackingResult.Outcome.DUPLICATE,
                retried.state(),
                retried.failedAttempts(),
                retried.failureReason().orElse(""),
                issued.number().orElseThrow(),
                oms.invoicing().find(TENANT, issued.id()).orElseThrow().state(),
                invalidRefused,
                refund.amount(),
                refund.restockingFee(),
                business.paymentStatus(),
                adjustment == null ? null : adjustment.state(),
                adjustment == null ? null : adjustment.totals().total(),
                strangerDenied,
                replacement.channelOrderId(),
                replacement.totals().total(),
                swapDifference.amount(),
                Map.copyOf(counts));
    }

    // ------------------------------------------------------------------------------------------ steps

    private Order capture(CaptureOrder.Builder command) {
        Order o = oms.capture(command.build()).order();
        say(
                "%s '%s' captured: %d line(s), total %s, %s, payment %s",
                o.id(),
                o.channelOrderId(),
                o.lines().size(),
                o.totals().total(),
                o.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY ? "cash on delivery" : "prepaid",
                o.paymentStatus());
        clock.advance(Duration.ofMinutes(10));
        return o;
    }

    /** Releases every allocated unit and has the warehouse accept, pick and pack the request. */
    private FulfilmentRequest prepare(Order order, boolean verbose) {
        FulfilmentRequest r = oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .build())
                .request();
        if (verbose) {
            say("released: request %s at %s for %s, %s", r.id(), r.location(), r.requested(), r.state());
        }
        clock.advance(Duration.ofMinutes(15));
        FulfilmentRequest accepted = oms.fulfilment().accept(change(r)).request();
        clock.advance(Duration.ofMinutes(20));
        FulfilmentRequest picked = oms.fulfilment()
                .confirmPick(ConfirmPick.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .requestId(r.id())
                        .picked(r.requested())
                        .build())
                .request();
        clock.advance(Duration.ofMinutes(10));
        FulfilmentRequest packed = oms.fulfilment().confirmPack(change(r)).request();
        if (verbose) {
            say(
                    "request %s: %s, then %s (picked %s), then %s",
                    r.id(), accepted.state(), picked.state(), picked.picked(), packed.state());
        }
        return packed;
    }

    private static ChangeFulfilment change(FulfilmentRequest r) {
        return ChangeFulfilment.builder()
                .tenant(TENANT)
                .orderId(r.orderId())
                .actor(WMS)
                .requestId(r.id())
                .build();
    }

    private static CreateShipment.Builder shipment(FulfilmentRequest r, Parcel parcel, ShippingPayer payer) {
        return CreateShipment.builder()
                .tenant(TENANT)
                .orderId(r.orderId())
                .actor(WMS)
                .origin(r.location())
                .fulfilmentRequest(r.id())
                .lines(r.picked())
                .addParcels(parcel)
                .carrier(CARRIER)
                .service(ServiceLevel.EXPRESS)
                .payer(payer);
    }

    private Shipment labelAndHandOver(Shipment s, String tracking) {
        Shipment labelled = oms.shipping()
                .label(LabelShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .trackingNumber(tracking)
                        .label("labels/" + tracking + ".pdf")
                        .build());
        clock.advance(Duration.ofHours(1));
        Shipment handedOver = oms.shipping()
                .handOver(ChangeShipment.builder()
                        .tenant(TENANT)
                        .orderId(s.orderId())
                        .actor(WMS)
                        .shipmentId(s.id())
                        .build());
        say(
                "shipment %s of %s: %s %s -> %s, COD %s",
                s.id(),
                s.orderId(),
                labelled.state(),
                Shipment.reference(labelled.carrier(), labelled.trackingNumber().orElseThrow()),
                handedOver.state(),
                handedOver.codAmount());
        return handedOver;
    }

    private TrackingResult track(Shipment s, TrackingStatus status, String description, String failure) {
        clock.advance(Duration.ofHours(3));
        TrackingUpdate.Builder b = TrackingUpdate.builder()
                .tenant(TENANT)
                .carrier(s.carrier())
                .trackingNumber(s.trackingNumber().orElseThrow())
                .status(status)
                .occurredAt(clock.instant())
                .description(description)
                .actor(GHN_WEBHOOK);
        if (failure != null) {
            b.failureReason(failure);
        }
        TrackingResult result = oms.shipping().applyTracking(b.build());
        say(
                "  GHN %-10s %-16s -> %-9s shipment %s, order %s",
                s.trackingNumber().orElseThrow(),
                status,
                result.outcome(),
                result.shipment().state(),
                oms.get(TENANT, s.orderId()).status());
        return result;
    }

    private DraftInvoice draft(Order order, String taxCode) {
        return DraftInvoice.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(AGENT)
                .buyer(BuyerDetails.builder()
                        .companyName("Cong ty CP Minh Phat")
                        .taxCode(taxCode)
                        .email("ketoan@minhphat.vn")
                        .build())
                .build();
    }

    private static DocumentAction action(OrderId order, String documentId, Actor actor) {
        return DocumentAction.builder()
                .tenant(TENANT)
                .orderId(order)
                .actor(actor)
                .documentId(documentId)
                .build();
    }

    private void printInvoice(Invoice invoice) {
        for (InvoiceLine l : invoice.lines()) {
            say(
                    "    %d. %-26s %3d x %-12s VAT %-3s net %-14s VAT %-12s total %s",
                    l.position(), l.name(), l.quantity(), l.unitPrice(), l.vatRate(), l.net(), l.vat(), l.total());
        }
        for (VatSubtotal v : invoice.vatBreakdown()) {
            say("    VAT %-3s on net %-14s = %-12s (total %s)", v.rate(), v.net(), v.vat(), v.total());
        }
        say(
                "    totals: net %s, VAT %s, total %s",
                invoice.totals().net(), invoice.totals().vat(), invoice.totals().total());
    }

    private String leftToSettle(Money replacementTotal, PaymentDifference difference) {
        if (difference.isCharge()) {
            return "the buyer pays " + difference.amount() + " on the replacement";
        }
        if (difference.isRefund()) {
            return difference.amount().negate() + " refunded to the buyer";
        }
        return "nothing left to pay or refund (replacement total " + replacementTotal + ")";
    }

    private void record(CustomerNotification notification) {
        if (toldIds.add(notification.id())) {
            told.add(notification);
        }
    }

    // ------------------------------------------------------------------------------------------ data

    private static String taxCode(String raw) {
        return TaxCodeValidators.defaults().parse("VN", raw).printed() + " valid";
    }

    private static String stock(StockLevel level) {
        return "on hand " + level.onHand() + ", quarantined " + level.quarantined() + ", available "
                + level.available();
    }

    private static String difference(PaymentDifference d) {
        List<String> parts = new ArrayList<>();
        for (PaymentDifference.Part p : d.parts()) {
            parts.add(p.amount() + " (" + p.reason() + ")");
        }
        return d.amount() + (parts.isEmpty() ? "" : " = " + String.join(" + ", parts));
    }

    private static String inspection(ReturnRequest rma) {
        List<String> lines = new ArrayList<>();
        for (ReturnLine l : rma.lines()) {
            lines.add(l.line() + " " + l.reason() + ": " + l.received() + " received, " + l.restocked() + " restocked, "
                    + l.quarantined() + " quarantined"
                    + l.damageReason().map(r -> " (" + r + ")").orElse(""));
        }
        return String.join("; ", lines);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private void receive(LocationId location, Object... skuUnits) {
        ReceiveGoods.Builder b =
                ReceiveGoods.builder().tenant(TENANT).location(location).actor(WMS);
        for (int i = 0; i < skuUnits.length; i += 2) {
            b.addLines(ReceiptLine.good((Sku) skuUnits[i], (Integer) skuUnits[i + 1]));
        }
        inventory.receive(b.build());
    }

    private static CaptureOrder.Builder order(String channelOrderId, CustomerId customer, String name, String street) {
        return CaptureOrder.builder()
                .tenant(TENANT)
                .channel(TradingDayDemo.WEB)
                .channelOrderId(channelOrderId)
                .actor(Actor.channel(TradingDayDemo.WEB.id()))
                .customer(customer)
                .buyer(Buyer.builder().name(name).phone("0912345678").build())
                .shippingAddress(Address.builder()
                        .from(OrderFixtures.address())
                        .recipient(name)
                        .line1(street)
                        .build())
                .currency("VND");
    }

    private static LineInput line(String id, Sku sku, int units, long price, int vatPercent) {
        return LineInput.builder()
                .lineId(id)
                .sku(sku.value())
                .title(TITLES.get(sku))
                .quantity(units)
                .unitPrice(vnd(price))
                .vatRate(VatRate.percent(vatPercent))
                .build();
    }

    private static Money vnd(long amount) {
        return Money.of(String.valueOf(amount), "VND");
    }

    private static Product product(Sku sku, String name, int grams) {
        return Product.builder()
                .tenant(TENANT)
                .sku(sku)
                .name(name)
                .weightGrams(grams)
                .dimensions(new Dimensions(300, 200, 100))
                .build();
    }

    private static Location location(
            LocationId id, String name, LocationKind kind, int priority, LocationCapability... capabilities) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name(name)
                .kind(kind)
                .address(OrderFixtures.address())
                .priority(priority)
                .capabilities(Set.of(capabilities))
                .build();
    }

    private void section(String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    private void say(String format, Object... args) {
        out.println(String.format(format, args));
    }
}
