package dev.omskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.invoice.AdjustmentKind;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceAdjustments;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.spi.TaxCodeValidator;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The package-private hook the returns facade calls inside its own work: the adjustment is committed
 * with the order's return, or neither is. (In package {@code dev.omskit.core} to reach {@code Oms.work}.)
 */
class InvoiceReturnHookTest {
    private static final LineId L1 = LineId.of("L1");

    private final InMemoryStorage storage = InMemoryStorage.create();
    private final SequentialIds ids = SequentialIds.create();
    private final Oms oms = Oms.builder()
            .storage(storage)
            .clock(ManualClock.at("2026-11-11T08:00:00Z"))
            .idGenerator(ids)
            .build();
    private final Invoicing invoicing = oms.invoicing()
            .with(InvoicingConfig.builder()
                    .seller(InvoiceSeller.of(
                            "Saigon Sneakers", TaxCodeValidator.vietnam().parse("0100109106")))
                    .build());

    /** 2 x SKU-1 at 100,000 (10%), shipping 20,000, delivered. */
    private Order delivered() {
        Order order = oms.capture(OrderFixtures.capture()
                        .shippingFee(OrderFixtures.vnd(20_000))
                        .build())
                .order();
        for (var trigger :
                List.of(OrderTriggers.ALLOCATE, OrderTriggers.RELEASE, OrderTriggers.SHIP, OrderTriggers.DELIVER)) {
            order = oms.transition(OrderFixtures.transition(order, trigger));
        }
        return order;
    }

    private Invoice issuedOriginal(Order order) {
        Invoice draft = invoicing.draftFromOrder(DraftInvoice.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("linh"))
                .buyer(BuyerDetails.builder()
                        .companyName("Minh Phat")
                        .taxCode("0312345673")
                        .build())
                .build());
        return invoicing.recordIssued(RecordInvoiceIssued.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("einvoice"))
                .invoiceId(draft.id())
                .number("00000007")
                .symbol("1C26TAA")
                .authorityCode("M1-26-X")
                .issuedAt(Instant.parse("2026-11-11T09:00:00Z"))
                .build());
    }

    /** What the returns facade does: move the units to RETURNED and draft the adjustment, in one work. */
    private Optional<Invoice> returnUnits(Order order, int units, boolean shipping) {
        TransitionOrder command = TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("linh"))
                .trigger(OrderTriggers.RETURN)
                .putLines(L1, units)
                .build();
        return oms.work(
                command,
                "TestReturn",
                work -> {
                    work.transition(OrderTriggers.RETURN, Map.of(L1, units), "rma-1");
                    return Invoicing.draftAdjustmentForReturn(work, Map.of(L1, units), shipping, "return rma-1", ids);
                },
                (o, docs) -> Optional.empty());
    }

    @Test
    void hook_draftsTheAdjustment_inTheSameCommitAsTheReturn() {
        Order order = delivered();
        Invoice original = issuedOriginal(order);

        Invoice adjustment = returnUnits(order, 1, true).orElseThrow();

        assertThat(adjustment.adjustmentKind()).contains(AdjustmentKind.RETURN);
        assertThat(adjustment.relatesTo()).contains(original.id());
        assertThat(adjustment.state()).isEqualTo(InvoiceLifecycle.DRAFT);
        assertThat(adjustment.totals().total())
                .as("one unit of 110,000 and the 20,000 shipping back")
                .isEqualTo(Money.of("-130000", "VND"));
        Order after = oms.get(order.tenant(), order.id());
        assertThat(oms.events(order.tenant(), order.id()).subList((int) order.version(), (int) after.version()))
                .as("one commit: the return, and the invoice changes recorded on the order's trail")
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(e -> e instanceof dev.omskit.core.event.OrderEvent.DocumentChanged
                        || e instanceof dev.omskit.core.event.OrderEvent.LinesTransitioned);
        assertThat(after.quantity(OrderStages.RETURNED)).isEqualTo(1);
        assertThat(invoicing.invoicesOf(order.tenant(), order.id())).hasSize(2);
    }

    @Test
    void hook_givingBackMoreThanInvoiced_failsTheWholeWork() {
        Order order = delivered();
        Invoice original = issuedOriginal(order);
        returnUnits(order, 2, false).orElseThrow();
        Order before = oms.get(order.tenant(), order.id());
        int outbox = storage.pendingOutboxSize();

        // a second return of units the invoice no longer states (the order has none left to return either)
        assertThatThrownBy(() -> oms.work(
                        TransitionOrder.builder()
                                .tenant(order.tenant())
                                .orderId(order.id())
                                .actor(Actor.agent("linh"))
                                .trigger(OrderTriggers.RETURN)
                                .build(),
                        "TestReturn",
                        work -> Invoicing.draftAdjustmentForReturn(work, Map.of(L1, 1), false, "again", ids),
                        (o, docs) -> Optional.empty()))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code)
                        .containsExactly(InvoiceAdjustments.EXCEEDS_INVOICED));
        assertThat(oms.get(order.tenant(), order.id())).isEqualTo(before);
        assertThat(invoicing.invoicesOf(order.tenant(), order.id())).hasSize(2);
        assertThat(storage.pendingOutboxSize()).isEqualTo(outbox);
        assertThat(invoicing.find(order.tenant(), original.id()).orElseThrow().version())
                .isEqualTo(2);
    }

    @Test
    void hook_withoutAnIssuedInvoice_draftsNothing() {
        Order order = delivered();
        assertThat(returnUnits(order, 1, false)).isEmpty();
        assertThat(oms.get(order.tenant(), order.id()).quantity(OrderStages.RETURNED))
                .isEqualTo(1);
        assertThat(invoicing.invoicesOf(order.tenant(), order.id())).isEmpty();
    }
}
