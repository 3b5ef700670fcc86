package dev.omskit.testkit.connectors;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.einvoice.EInvoiceOutcomes;
import dev.omskit.connectors.einvoice.IssuedInvoice;
import dev.omskit.connectors.fulfilment.ConfirmationsQuery;
import dev.omskit.connectors.fulfilment.FulfilmentConfirmation;
import dev.omskit.connectors.fulfilment.FulfilmentRelease;
import dev.omskit.connectors.webhook.WebhookRequest;
import dev.omskit.core.Inventory;
import dev.omskit.core.Invoicing;
import dev.omskit.core.Oms;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.FulfilmentRequestLifecycle;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.DraftReplacement;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShipmentLifecycle;
import dev.omskit.core.spi.TaxCodeValidator;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The mappings of the e-invoice and fulfilment SPIs drive the real core facades: a fake provider's answers
 * become recorded invoices, a fake warehouse's confirmations move a fulfilment request to {@code SHIPPED},
 * and applying every confirmation a second time (a duplicate webhook) changes nothing.
 */
@DisplayName("Connector answers applied to the core through their mappings")
class ConnectorsWithCoreTest {
    private static final LocationId WH = LocationId.of("WH-HCM");
    private static final Actor SYNC = Actor.system("sync-engine");

    private final ManualClock clock = ManualClock.at("2026-11-11T08:00:00Z");
    private final InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
    private final Inventory inventory = Inventory.builder()
            .store(InMemoryInventoryStore.create())
            .catalog(catalog)
            .clock(clock)
            .idGenerator(SequentialIds.create())
            .build();
    private final Oms oms;

    ConnectorsWithCoreTest() {
        for (String sku : List.of("SKU-1", "SKU-2")) {
            catalog.put(Product.builder()
                    .tenant(TENANT)
                    .sku(Sku.of(sku))
                    .name("Product " + sku)
                    .build());
        }
        inventory.saveLocation(Location.builder()
                .tenant(TENANT)
                .id(WH)
                .name("Warehouse HCM")
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(OrderFixtures.address())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(1)
                .build());
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(WH)
                .addLines(ReceiptLine.good(Sku.of("SKU-1"), 10), ReceiptLine.good(Sku.of("SKU-2"), 10))
                .actor(SYNC)
                .build());
        oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .build();
    }

    @Test
    @DisplayName("a warehouse's confirmations, polled then pushed again, ship the request once")
    void fulfilmentConfirmations_shipTheRequestOnce() {
        FakeFulfilmentService wms = new FakeFulfilmentService("wms-hcm", clock, "hook-secret");
        Order order = oms.capture(OrderFixtures.capture()
                        .lines(List.of(line("SKU-1", 3, 100_000), line("SKU-2", 2, 50_000)))
                        .build())
                .order();
        oms.allocate(TENANT, order.id(), SYNC);
        FulfilmentRequest request = oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(SYNC)
                        .build())
                .request();
        Order released = oms.get(TENANT, order.id());
        List<FulfilmentRelease.Line> lines = new ArrayList<>();
        request.requested()
                .forEach((line, units) -> lines.add(new FulfilmentRelease.Line(
                        line, released.line(line).orElseThrow().sku(), units)));

        assertThat(wms.release(new FulfilmentRelease(
                                request.id(),
                                order.id(),
                                request.location(),
                                lines,
                                released.shippingAddress(),
                                Optional.empty()))
                        .accepted())
                .isTrue();
        LineId first = lineOf(lines, "SKU-1"); // 3 units released
        LineId second = lineOf(lines, "SKU-2"); // 2 units released
        wms.confirmPick(request.id(), Map.of(first, 3, second, 1), "one unit damaged");
        wms.confirmPack(request.id());
        wms.confirmShipped(request.id(), "GHN", "GHN123456");

        List<FulfilmentConfirmation> polled =
                wms.confirmations(ConfirmationsQuery.first(100)).confirmations();
        polled.forEach(c -> apply(c, wms.id(), request.location()));
        List<WebhookRequest> pushed = wms.drainWebhooks();
        pushed.forEach(w -> wms.confirmationsWebhook().accept(w).forEach(c -> apply(c, wms.id(), request.location())));

        FulfilmentRequest after = oms.fulfilment().find(TENANT, request.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(FulfilmentRequestLifecycle.SHIPPED);
        assertThat(after.shortfall()).containsEntry(second, 1);
        assertThat(oms.shipping().shipments(TENANT, order.id())).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ShipmentLifecycle.HANDED_OVER);
            assertThat(s.trackingNumber()).contains("GHN123456");
        });
        Order shipped = oms.get(TENANT, order.id());
        assertThat(shipped.line(first).orElseThrow().quantity(OrderStages.SHIPPED))
                .isEqualTo(3);
        assertThat(shipped.line(second).orElseThrow().quantity(OrderStages.SHIPPED))
                .isEqualTo(1);
        assertThat(pushed).hasSize(polled.size());
    }

    @Test
    @DisplayName("a provider's numbers are recorded on the drafts; a replacement leaves the original REPLACED")
    void einvoiceAnswers_recordIssuedInvoices() {
        FakeEInvoiceProvider provider = new FakeEInvoiceProvider("sinvoice-fake", clock);
        Invoicing invoicing = oms.invoicing()
                .with(InvoicingConfig.builder()
                        .seller(InvoiceSeller.of(
                                "Cong ty TNHH Saigon Sneakers",
                                TaxCodeValidator.vietnam().parse("0100109106")))
                        .symbol("1C26TAA")
                        .build());
        Order order = oms.capture(OrderFixtures.capture()
                        .lines(List.of(line("SKU-1", 1, 100_000)))
                        .build())
                .order();
        Invoice draft = invoicing.draftFromOrder(DraftInvoice.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(SYNC)
                .buyer(BuyerDetails.builder()
                        .companyName("Cong ty CP Minh Phat")
                        .taxCode("0312345673")
                        .name("Tran Thi Binh")
                        .build())
                .build());

        provider.loseNextResponses(1);
        IssuedInvoice issued;
        try {
            issued = provider.issue(draft);
        } catch (ConnectorException lost) {
            issued = provider.issue(draft); // the engine repeats: same number, one invoice
        }
        Invoice recorded = invoicing.recordIssued(EInvoiceOutcomes.issued(draft, issued, SYNC));
        invoicing.recordIssued(EInvoiceOutcomes.issued(draft, issued, SYNC));

        assertThat(recorded.state()).isEqualTo(InvoiceLifecycle.ISSUED);
        assertThat(recorded.number()).contains("00000001");
        assertThat(invoicing.findByNumber(TENANT, "1C26TAA", "00000001")).isPresent();

        Invoice replacementDraft = invoicing.draftReplacement(DraftReplacement.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(SYNC)
                .invoiceId(draft.id())
                .reason("buyer name corrected")
                .build());
        IssuedInvoice replacement = provider.replace(replacementDraft, issued);
        invoicing.recordIssued(EInvoiceOutcomes.issued(replacementDraft, replacement, SYNC));

        assertThat(replacement.number()).isEqualTo("00000002");
        assertThat(invoicing.find(TENANT, draft.id()).orElseThrow().state()).isEqualTo(InvoiceLifecycle.REPLACED);
        assertThat(provider.status(draft.id()).state())
                .isEqualTo(dev.omskit.connectors.einvoice.InvoiceStatus.ProviderInvoiceState.CANCELLED);
        assertThat(provider.issued()).hasSize(2);
    }

    private static LineId lineOf(List<FulfilmentRelease.Line> lines, String sku) {
        return lines.stream()
                .filter(l -> l.sku().equals(Sku.of(sku)))
                .findFirst()
                .orElseThrow()
                .line();
    }

    private void apply(FulfilmentConfirmation c, String connector, LocationId origin) {
        if (c instanceof FulfilmentConfirmation.Accepted a) {
            oms.fulfilment().accept(a.toCommand(TENANT, SYNC, connector));
        } else if (c instanceof FulfilmentConfirmation.Picked p) {
            oms.fulfilment().confirmPick(p.toCommand(TENANT, SYNC, connector));
        } else if (c instanceof FulfilmentConfirmation.Packed p) {
            oms.fulfilment().confirmPack(p.toCommand(TENANT, SYNC, connector));
        } else if (c instanceof FulfilmentConfirmation.Rejected r) {
            oms.fulfilment().reject(r.toCommand(TENANT, SYNC, connector));
        } else if (c instanceof FulfilmentConfirmation.Shipped s) {
            Shipment created = oms.shipping().create(s.toCreateShipment(TENANT, SYNC, connector, origin));
            oms.shipping().label(s.toLabel(TENANT, SYNC, connector, created.id()));
            oms.shipping().handOver(s.toHandOver(TENANT, SYNC, connector, created.id()));
        }
    }
}
