package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.STORE;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Invoicing;
import dev.omskit.core.SelfService;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.invoice.InvoicingConfig;
import dev.omskit.core.invoice.RecordInvoiceIssued;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.order.Order;
import dev.omskit.core.returns.Claim;
import dev.omskit.core.returns.ClaimLine;
import dev.omskit.core.returns.ClaimType;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnResolution;
import dev.omskit.core.spi.TaxCodeValidator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The after-sale facades wired together by Oms: self-service returns and claims, adjustments")
class AfterSaleWiringTest {
    private final ReturnsHarness h = new ReturnsHarness();

    private Invoice issuedInvoice(Order order) {
        Invoicing invoicing = h.oms.invoicing()
                .with(InvoicingConfig.builder()
                        .seller(InvoiceSeller.of(
                                "Cong ty TNHH Demo", TaxCodeValidator.vietnam().parse("0100109106")))
                        .symbol("1C26TAA")
                        .build());
        Invoice draft = invoicing.draftFromOrder(DraftInvoice.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(ReturnsHarness.AGENT)
                .buyer(BuyerDetails.builder()
                        .companyName("Cong ty CP Minh Phat")
                        .taxCode("0312345673")
                        .build())
                .build());
        return invoicing.recordIssued(RecordInvoiceIssued.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("einvoice"))
                .invoiceId(draft.id())
                .number("00000042")
                .symbol("1C26TAA")
                .authorityCode("M1-26-XYZ-42")
                .issuedAt(h.clock.instant())
                .build());
    }

    @Test
    @DisplayName("a refund of a return on an invoiced order drafts the adjustment invoice in the same commit")
    void refund_ofAnInvoicedOrder_draftsTheAdjustment() {
        Order order = h.delivered();
        Invoice original = issuedInvoice(order);
        ReturnRequest inspected = h.inspected(order, item(L1, 1, ReturnReason.CHANGED_MIND));

        ReturnRequest refunded = h.oms.returns()
                .resolveReturn(ResolveReturn.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .actor(ReturnsHarness.AGENT)
                        .returnId(inspected.id())
                        .build());

        assertThat(refunded.state()).isEqualTo(ReturnLifecycle.REFUNDED);
        List<Invoice> invoices = h.oms.invoicing().invoicesOf(order.tenant(), order.id());
        Invoice adjustment = invoices.stream()
                .filter(i -> i.purpose() == InvoicePurpose.ADJUSTMENT)
                .findFirst()
                .orElseThrow();
        assertThat(adjustment.state()).isEqualTo(InvoiceLifecycle.DRAFT);
        assertThat(adjustment.relatesTo()).contains(original.id());
        assertThat(adjustment.totals().total().isNegative()).isTrue();
    }

    @Test
    @DisplayName("a customer requests a return and reports a problem on their own order, never on another's")
    void selfService_returnsAndClaims_onOwnOrdersOnly() {
        Order order = h.delivered();
        SelfService buyer = h.oms.selfService(order.tenant(), ReturnsHarness.BUYER);
        SelfService stranger = h.oms.selfService(order.tenant(), CustomerId.of("cus-2"));

        ReturnRequest rma = buyer.requestReturn(
                order.id(), List.of(item(L1, 1, ReturnReason.WRONG_SIZE)), STORE, ReturnResolution.REFUND, List.of());
        Claim claim = buyer.reportProblem(
                order.id(),
                List.of(new ClaimLine(ReturnsHarness.L2, 1, ClaimType.DAMAGED_ITEM)),
                "mug cracked",
                List.of());

        assertThat(rma.location()).isEqualTo(STORE);
        assertThat(claim.state().name()).isEqualTo("OPEN");
        assertThat(buyer.track(order.id()).documents("return")).hasSize(1);
        assertThat(buyer.track(order.id()).documents("claim")).hasSize(1);
        Order before = h.reload(order);
        assertThatThrownBy(() -> stranger.requestReturn(
                        order.id(),
                        List.of(item(L1, 1, ReturnReason.WRONG_SIZE)),
                        WAREHOUSE,
                        ReturnResolution.REFUND,
                        List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stranger.reportProblem(
                        order.id(), List.of(new ClaimLine(L1, 1, ClaimType.MISSING_ITEM)), "where", List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(h.reload(order)).isEqualTo(before);
    }
}
