package dev.omskit.testkit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Invoicing;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.event.OmsEvent;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.CancelInvoice;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.TaxCodeValidator;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link Oms} on {@link InMemoryStorage} with invoicing configured for a seller, and shortcuts. */
final class InvoiceHarness {
    static final String SELLER_CODE = "0100109106";
    /** A valid buyer tax code (check digit 3). */
    static final String BUYER_CODE = "0312345673";
    /** Another valid one: the same number at branch 001. */
    static final String BUYER_BRANCH = "0312345673-001";

    static final Actor AGENT = Actor.agent("linh");

    final InMemoryStorage storage = InMemoryStorage.create();
    final ManualClock clock = ManualClock.at("2026-11-11T08:00:00Z");
    final List<OmsEvent> delivered = new CopyOnWriteArrayList<>();
    final Oms oms = Oms.builder()
            .storage(storage)
            .clock(clock)
            .idGenerator(SequentialIds.create())
            .eventListener(delivered::add)
            .build();
    final InvoicingConfig config = InvoicingConfig.builder()
            .seller(InvoiceSeller.of(
                    "Cong ty TNHH Saigon Sneakers", TaxCodeValidator.vietnam().parse(SELLER_CODE)))
            .symbol("1C26TAA")
            .build();
    final Invoicing invoicing = oms.invoicing().with(config);
    private final AtomicInteger numbers = new AtomicInteger();

    /**
     * An order of 3 x SKU-A at 100,000 less 10,000 (10% VAT) and 2 x SKU-B at 55,555 (8% VAT), shipping
     * 30,000, prices without VAT, paid: total 468,999 VND.
     */
    Order order() {
        return oms.capture(mixed().build()).order();
    }

    static CaptureOrder.Builder mixed() {
        return OrderFixtures.capture()
                .lines(List.of())
                .addLines(dev.omskit.core.command.LineInput.builder()
                        .sku("SKU-A")
                        .title("Giay chay bo")
                        .quantity(3)
                        .unitPrice(OrderFixtures.vnd(100_000))
                        .discount(OrderFixtures.vnd(10_000))
                        .vatRate(VatRate.percent(10))
                        .putAttributes("unit", "doi")
                        .build())
                .addLines(dev.omskit.core.command.LineInput.builder()
                        .sku("SKU-B")
                        .quantity(2)
                        .unitPrice(OrderFixtures.vnd(55_555))
                        .vatRate(VatRate.percent(8))
                        .build())
                .shippingFee(OrderFixtures.vnd(30_000));
    }

    static BuyerDetails company() {
        return BuyerDetails.builder()
                .companyName("Cong ty CP Minh Phat")
                .taxCode(BUYER_CODE)
                .name("Tran Thi Binh")
                .email("binh@minhphat.vn")
                .build();
    }

    static DraftInvoice.Builder draft(Order order) {
        return DraftInvoice.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .buyer(company());
    }

    Invoice draftOriginal(Order order) {
        return invoicing.draftFromOrder(draft(order).build());
    }

    RecordInvoiceIssued.Builder issue(Invoice invoice) {
        int n = numbers.incrementAndGet();
        return RecordInvoiceIssued.builder()
                .tenant(invoice.tenant())
                .orderId(invoice.orderId())
                .actor(Actor.system("einvoice"))
                .invoiceId(invoice.id())
                .number(String.format("%08d", n))
                .symbol("1C26TAA")
                .authorityCode("M1-26-QWERT-" + n)
                .issuedAt(clock.instant());
    }

    Invoice issued(Invoice invoice) {
        return invoicing.recordIssued(issue(invoice).build());
    }

    CancelInvoice cancel(Invoice invoice, String reason) {
        return CancelInvoice.builder()
                .tenant(invoice.tenant())
                .orderId(invoice.orderId())
                .actor(AGENT)
                .invoiceId(invoice.id())
                .reason(reason)
                .build();
    }

    Invoice reload(Invoice invoice) {
        return invoicing.find(invoice.tenant(), invoice.id()).orElseThrow();
    }

    Order reload(Order order) {
        return oms.get(order.tenant(), order.id());
    }

    Order transition(Order order, Trigger trigger) {
        return oms.transition(OrderFixtures.transition(order, trigger));
    }

    List<DocumentEvent> documentEvents() {
        return delivered.stream()
                .filter(DocumentEvent.class::isInstance)
                .map(DocumentEvent.class::cast)
                .toList();
    }

    static Money vnd(long amount) {
        return OrderFixtures.vnd(amount);
    }

    Instant now() {
        return clock.instant();
    }

    /** What {@link #assertUnchanged} compares. */
    record Snapshot(Order order, List<Invoice> invoices, int trails, int delivered, int outbox) {}

    Snapshot snapshot(Order order) {
        List<Invoice> invoices = invoicing.invoicesOf(order.tenant(), order.id());
        int trails = invoices.stream()
                .mapToInt(i -> invoicing.trail(i.tenant(), i.id()).size())
                .sum();
        return new Snapshot(reload(order), invoices, trails, delivered.size(), storage.pendingOutboxSize());
    }

    /** Nothing stored, nothing emitted since {@code before}. */
    void assertUnchanged(Snapshot before) {
        assertThat(snapshot(before.order())).isEqualTo(before);
    }
}
