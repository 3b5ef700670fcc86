package dev.omskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceDrafts;
import dev.omskit.core.invoice.InvoiceLine;
import dev.omskit.core.invoice.InvoiceLineKind;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.LineAmounts;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.spi.TaxCodeValidator;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Through the facade: whatever the returns (each moving units to RETURNED and drafting its adjustment
 * in one work), the invoices of an order state exactly the order's amounts for the units kept (charged
 * and not returned), line by line. (Run once locally with 2,000 tries.)
 */
class InvoiceReturnPropertiesTest {
    record LineSpec(int quantity, long unitPrice, long discount, String vat, int cancelled) {}

    record Scenario(List<LineSpec> lines, boolean pricesIncludeTax, long shipping, List<List<Integer>> returns) {}

    @Property(tries = 60)
    @Label("original + adjustments = the order's amounts for the kept units")
    void invoicesOfAnOrder_stateItsKeptUnits(@ForAll("scenarios") Scenario s) {
        SequentialIds ids = SequentialIds.create();
        Oms oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(ManualClock.at("2026-11-11T08:00:00Z"))
                .idGenerator(ids)
                .build();
        Invoicing invoicing = oms.invoicing()
                .with(InvoicingConfig.builder()
                        .seller(InvoiceSeller.of(
                                "Saigon Sneakers", TaxCodeValidator.vietnam().parse("0100109106")))
                        .build());
        CaptureOrder.Builder capture = OrderFixtures.capture()
                .lines(List.of())
                .taxMode(s.pricesIncludeTax() ? TaxMode.PRICES_INCLUDE_TAX : TaxMode.PRICES_EXCLUDE_TAX)
                .shippingFee(OrderFixtures.vnd(s.shipping()));
        for (int i = 0; i < s.lines().size(); i++) {
            LineSpec l = s.lines().get(i);
            capture.addLines(LineInput.builder()
                    .sku("SKU-" + i)
                    .quantity(l.quantity())
                    .unitPrice(OrderFixtures.vnd(l.unitPrice()))
                    .discount(OrderFixtures.vnd(Math.min(l.discount(), l.unitPrice() * l.quantity())))
                    .vatRate(VatRate.of(l.vat()))
                    .build());
        }
        Order order = oms.capture(capture.build()).order();
        Map<LineId, Integer> cancel = new LinkedHashMap<>();
        for (int i = 0; i < s.lines().size(); i++) {
            if (s.lines().get(i).cancelled() > 0) {
                cancel.put(order.lines().get(i).id(), s.lines().get(i).cancelled());
            }
        }
        if (!cancel.isEmpty()) {
            oms.cancel(CancelOrder.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(Actor.agent("linh"))
                    .lines(cancel)
                    .reason("short")
                    .build());
        }
        for (var trigger :
                List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP, OrderTriggers.DELIVER)) {
            order = oms.transition(OrderFixtures.transition(order, trigger));
        }
        Invoice draft = invoicing.draftFromOrder(DraftInvoice.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("linh"))
                .build());
        invoicing.recordIssued(RecordInvoiceIssued.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("einvoice"))
                .invoiceId(draft.id())
                .number("1")
                .symbol("1C26TAA")
                .authorityCode("M1")
                .issuedAt(Instant.parse("2026-11-11T09:00:00Z"))
                .build());

        boolean shippingBack = false;
        for (List<Integer> shares : s.returns()) {
            Order current = oms.get(order.tenant(), order.id());
            Map<LineId, Integer> units = new LinkedHashMap<>();
            for (int i = 0; i < current.lines().size(); i++) {
                OrderLine line = current.lines().get(i);
                int give = line.quantity(OrderStages.DELIVERED) * shares.get(i) / 1000;
                if (give > 0) {
                    units.put(line.id(), give);
                }
            }
            boolean refund = !shippingBack && shares.get(3) > 700 && s.shipping() > 0;
            if (units.isEmpty()) {
                continue;
            }
            TransitionOrder command = TransitionOrder.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(Actor.agent("linh"))
                    .trigger(OrderTriggers.RETURN)
                    .lines(units)
                    .build();
            Optional<Invoice> adjustment = oms.work(
                    command,
                    "TestReturn",
                    work -> {
                        work.transition(OrderTriggers.RETURN, units, "return");
                        return Invoicing.draftAdjustmentForReturn(work, units, refund, "return", ids);
                    },
                    (o, docs) -> Optional.<Invoice>empty());
            assertThat(adjustment).isPresent();
            shippingBack |= refund;
        }

        Order last = oms.get(order.tenant(), order.id());
        List<Invoice> invoices = invoicing.invoicesOf(order.tenant(), order.id());
        Money zero = Money.zero(last.currency());
        for (OrderLine line : last.lines()) {
            LineAmounts expected = InvoiceDrafts.amounts(
                    line, last.taxMode(), line.unitPrice(), line.charged() - line.quantity(OrderStages.RETURNED));
            Money net = zero, vat = zero, total = zero;
            for (Invoice invoice : invoices) {
                for (InvoiceLine l : invoice.lines()) {
                    if (l.lineId().equals(Optional.of(line.id()))) {
                        net = net.plus(l.net());
                        vat = vat.plus(l.vat());
                        total = total.plus(l.total());
                    }
                }
            }
            assertThat(net).as("net of " + line.id()).isEqualTo(expected.net());
            assertThat(vat).as("VAT of " + line.id()).isEqualTo(expected.tax());
            assertThat(total).as("total of " + line.id()).isEqualTo(expected.total());
        }
        Money shipping = zero;
        for (Invoice invoice : invoices) {
            for (InvoiceLine l : invoice.lines()) {
                if (l.kind() == InvoiceLineKind.SHIPPING) {
                    shipping = shipping.plus(l.total());
                }
            }
        }
        assertThat(shipping).isEqualTo(shippingBack ? zero : last.shippingFee());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<LineSpec> line = Arbitraries.integers().between(1, 5).flatMap(q -> Combinators.combine(
                        Arbitraries.longs().between(1, 500_000),
                        Arbitraries.longs().between(0, 300_000),
                        Arbitraries.of("0", "0.05", "0.08", "0.1"),
                        Arbitraries.integers().between(0, q - 1))
                .as((price, discount, vat, cancelled) -> new LineSpec(q, price, discount, vat, cancelled)));
        return Combinators.combine(
                        line.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(true, false),
                        Arbitraries.of(0L, 25_000L),
                        Arbitraries.integers()
                                .between(0, 1000)
                                .list()
                                .ofSize(4)
                                .list()
                                .ofMaxSize(4))
                .as(Scenario::new);
    }
}
