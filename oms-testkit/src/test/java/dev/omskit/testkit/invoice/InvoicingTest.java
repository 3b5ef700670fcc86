package dev.omskit.testkit.invoice;

import static dev.omskit.testkit.invoice.InvoiceHarness.vnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.Invoicing;
import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.event.DocumentEvent;
import dev.omskit.core.invoice.AdjustmentKind;
import dev.omskit.core.invoice.BuyerDetails;
import dev.omskit.core.invoice.DraftPriceCorrection;
import dev.omskit.core.invoice.DraftReplacement;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceAdjustments;
import dev.omskit.core.invoice.InvoiceDrafts;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoiceLine;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.invoice.InvoiceType;
import dev.omskit.core.invoice.RecordInvoiceIssueFailed;
import dev.omskit.core.invoice.VatSubtotal;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.spi.DuplicateReferenceException;
import dev.omskit.testkit.OrderFixtures;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Invoicing")
class InvoicingTest {
    private final InvoiceHarness h = new InvoiceHarness();
    private final Order order = h.order();

    private static final LineId L1 = LineId.of("L1");
    private static final LineId L2 = LineId.of("L2");

    private static void assertRejected(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrderRejectedException.class, e -> assertThat(
                        e.rejection().code())
                .isEqualTo(code));
    }

    private static void assertInvalid(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                .extracting(Violation::field, Violation::code)
                .contains(tuple(field, code)));
    }

    private DraftPriceCorrection.Builder correction(Map<LineId, Money> prices) {
        return DraftPriceCorrection.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(InvoiceHarness.AGENT)
                .newUnitPrices(prices)
                .reason("price agreed with the buyer");
    }

    private DraftReplacement.Builder replacement(Invoice invoice) {
        return DraftReplacement.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(InvoiceHarness.AGENT)
                .invoiceId(invoice.id())
                .reason("wrong buyer tax code");
    }

    @Nested
    @DisplayName("drafting from an order")
    class Drafting {
        @Test
        void draftFromOrder_writesADraftAgreeingWithTheOrder() {
            Invoice invoice = h.draftOriginal(order);

            assertThat(invoice.id()).isEqualTo("inv-1");
            assertThat(invoice.version()).isEqualTo(1);
            assertThat(invoice.state()).isEqualTo(InvoiceLifecycle.DRAFT);
            assertThat(invoice.purpose()).isEqualTo(InvoicePurpose.ORIGINAL);
            assertThat(invoice.type()).isEqualTo(InvoiceType.VAT_INVOICE);
            assertThat(invoice.seller().taxCode().printed()).isEqualTo(InvoiceHarness.SELLER_CODE);
            assertThat(invoice.buyer().taxCode().orElseThrow().printed()).isEqualTo(InvoiceHarness.BUYER_CODE);
            assertThat(invoice.symbol()).contains("1C26TAA");
            assertThat(invoice.lines())
                    .extracting(InvoiceLine::name, InvoiceLine::unit, InvoiceLine::quantity, InvoiceLine::total)
                    .containsExactly(
                            tuple("Giay chay bo", "doi", 3, vnd(319_000)),
                            tuple("SKU-B", "unit", 2, vnd(119_999)),
                            tuple("Shipping fee", "unit", 1, vnd(30_000)));
            assertThat(invoice.totals().total())
                    .isEqualTo(vnd(468_999))
                    .isEqualTo(order.totals().total());
            assertThat(invoice.totals().vat()).isEqualTo(vnd(40_616));
            assertThat(invoice.vatBreakdown())
                    .extracting(VatSubtotal::rate, VatSubtotal::vat)
                    .containsExactly(tuple(VatRate.percent(8), vnd(8_889)), tuple(VatRate.percent(10), vnd(31_727)));
            assertThat(invoice.paymentTerm()).isEqualTo("CK");

            Order after = h.reload(order);
            assertThat(after.lines()).as("the order's lines are untouched").isEqualTo(order.lines());
            assertThat(after.version())
                    .as("the draft is recorded on the order's trail")
                    .isEqualTo(order.version() + 1);
            assertThat(h.invoicing.invoicesOf(order.tenant(), order.id())).containsExactly(invoice);
            assertThat(h.invoicing.trail(order.tenant(), invoice.id()))
                    .extracting(DocumentEvent::trigger)
                    .containsExactly(InvoiceLifecycle.CREATE);
            assertThat(h.documentEvents()).extracting(DocumentEvent::documentId).containsExactly("inv-1");
        }

        @Test
        void draftFromOrder_whileALiveOriginalExists_isAlreadyInvoiced_andStoresNothing() {
            h.draftOriginal(order);
            InvoiceHarness.Snapshot before = h.snapshot(order);

            assertRejected(() -> h.draftOriginal(order), Invoicing.ALREADY_INVOICED);
            h.assertUnchanged(before);
        }

        @Test
        void draftFromOrder_afterTheDraftWasDiscarded_draftsAgain() {
            Invoice first = h.draftOriginal(order);
            h.invoicing.cancel(h.cancel(first, "wrong type"));

            Invoice second = h.invoicing.draftFromOrder(
                    InvoiceHarness.draft(order).type(InvoiceType.SALES_INVOICE).build());
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(second.type()).isEqualTo(InvoiceType.SALES_INVOICE);
        }

        @Test
        void draftFromOrder_withAnInvalidTaxCode_isInvalidTaxCode_andStoresNothing() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            assertInvalid(
                    () -> h.invoicing.draftFromOrder(InvoiceHarness.draft(order)
                            .buyer(BuyerDetails.builder()
                                    .from(InvoiceHarness.company())
                                    .taxCode("0312345679")
                                    .build())
                            .build()),
                    "buyer.taxCode",
                    "INVALID_TAX_CODE");
            h.assertUnchanged(before);
        }

        @Test
        void draftFromOrder_forACompanyWithoutTaxCode_isRequired() {
            assertInvalid(
                    () -> h.invoicing.draftFromOrder(InvoiceHarness.draft(order)
                            .buyer(BuyerDetails.builder()
                                    .companyName("Minh Phat")
                                    .build())
                            .build()),
                    "buyer.taxCode",
                    "REQUIRED");
        }

        @Test
        void draftFromOrder_forAnIndividual_usesTheOrdersBuyer() {
            Invoice invoice = h.invoicing.draftFromOrder(InvoiceHarness.draft(order)
                    .buyer(java.util.Optional.empty())
                    .build());
            assertThat(invoice.buyer().isCompany()).isFalse();
            assertThat(invoice.buyer().name()).contains("Nguyen Van An");
            assertThat(invoice.buyer().address()).isEqualTo(order.shippingAddress());
        }

        @Test
        void draftFromOrder_withoutASellerConfigured_isRefused() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            assertInvalid(
                    () -> h.oms.invoicing()
                            .draftFromOrder(InvoiceHarness.draft(order).build()),
                    "config.seller",
                    "SELLER_NOT_CONFIGURED");
            h.assertUnchanged(before);
        }

        @Test
        void draftFromOrder_ofAFullyCancelledOrder_isNothingToInvoice() {
            Order cancelled = h.oms.cancel(OrderFixtures.cancelAll(order.tenant(), order.id(), "buyer changed mind"));
            InvoiceHarness.Snapshot before = h.snapshot(cancelled);
            assertRejected(() -> h.draftOriginal(cancelled), InvoiceDrafts.NOTHING_TO_INVOICE);
            h.assertUnchanged(before);
        }

        @Test
        void draftFromOrder_invoicesWhatIsCharged_notCancelledUnits() {
            h.oms.cancel(dev.omskit.core.command.CancelOrder.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(InvoiceHarness.AGENT)
                    .putLines(L2, 2)
                    .reason("out of stock")
                    .build());
            Invoice invoice = h.draftOriginal(order);
            assertThat(invoice.lines()).extracting(InvoiceLine::lineId).doesNotContain(java.util.Optional.of(L2));
            assertThat(invoice.totals().total())
                    .isEqualTo(h.reload(order).totals().total());
        }

        @Test
        void draftFromOrder_ofAnUnknownOrder_isNotFound() {
            assertThatThrownBy(() -> h.invoicing.draftFromOrder(InvoiceHarness.draft(order)
                            .orderId(dev.omskit.core.model.OrderId.of("nope"))
                            .build()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void previewDraftFromOrder_showsTheDraft_andStoresNothing() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            ChangePreview<Invoice> preview = h.invoicing.previewDraftFromOrder(
                    InvoiceHarness.draft(order).build());

            assertThat(preview.result().totals().total()).isEqualTo(vnd(468_999));
            assertThat(preview.documentEvents()).hasSize(1);
            assertThat(preview.orderEvents())
                    .singleElement()
                    .isInstanceOf(dev.omskit.core.event.OrderEvent.DocumentChanged.class);
            h.assertUnchanged(before);
        }

        @Test
        void draftFromOrder_withTheSameIdempotencyKey_returnsTheFirstInvoice() {
            IdempotencyKey key = IdempotencyKey.of("draft-1");
            Invoice first = h.invoicing.draftFromOrder(
                    InvoiceHarness.draft(order).idempotencyKey(key).build());
            Invoice again = h.invoicing.draftFromOrder(
                    InvoiceHarness.draft(order).idempotencyKey(key).build());
            assertThat(again).isEqualTo(first);
            assertThat(h.invoicing.invoicesOf(order.tenant(), order.id())).hasSize(1);
        }
    }

    @Nested
    @DisplayName("a draft")
    class Draft {
        private final Invoice draft = h.draftOriginal(order);

        @Test
        void recordIssued_makesItIssued_findableByNumber() {
            Invoice issued = h.issued(draft);

            assertThat(issued.state()).isEqualTo(InvoiceLifecycle.ISSUED);
            assertThat(issued.version()).isEqualTo(2);
            assertThat(issued.number()).contains("00000001");
            assertThat(issued.authorityCode()).contains("M1-26-QWERT-1");
            assertThat(issued.issuedAt()).contains(h.now());
            assertThat(h.invoicing.findByNumber(order.tenant(), "1C26TAA", "00000001"))
                    .contains(issued);
            assertThat(h.invoicing.findByNumber(order.tenant(), "1C26TAB", "00000001"))
                    .isEmpty();
            assertThat(h.invoicing.trail(order.tenant(), draft.id()))
                    .extracting(
                            DocumentEvent::trigger,
                            e -> e.from().map(Object::toString).orElse("-"),
                            e -> e.to().toString())
                    .containsExactly(
                            tuple(InvoiceLifecycle.CREATE, "-", "DRAFT"),
                            tuple(InvoiceLifecycle.ISSUE, "DRAFT", "ISSUED"));
        }

        @Test
        void recordIssueFailed_keepsItDraft_withTheFailure_untilIssued() {
            Invoice failed = h.invoicing.recordIssueFailed(RecordInvoiceIssueFailed.builder()
                    .tenant(order.tenant())
                    .orderId(order.id())
                    .actor(InvoiceHarness.AGENT)
                    .invoiceId(draft.id())
                    .reason("provider timeout")
                    .build());
            assertThat(failed.state()).isEqualTo(InvoiceLifecycle.DRAFT);
            assertThat(failed.issueFailure()).contains("provider timeout");
            assertThat(failed.failedIssueAttempts()).isEqualTo(1);

            Invoice issued = h.issued(failed);
            assertThat(issued.issueFailure()).isEmpty();
            assertThat(issued.failedIssueAttempts()).isEqualTo(1);
        }

        @Test
        void cancel_discardsIt() {
            Invoice cancelled = h.invoicing.cancel(h.cancel(draft, "typo in the address"));
            assertThat(cancelled.state()).isEqualTo(InvoiceLifecycle.CANCELLED);
            assertThat(cancelled.cancellationReason()).contains("typo in the address");
        }

        @Test
        void recordIssued_withANumberTakenUnderTheSameSymbol_isADuplicateReference_andStoresNothing() {
            h.issued(draft);
            Order other = h.order();
            Invoice otherDraft = h.draftOriginal(other);
            InvoiceHarness.Snapshot before = h.snapshot(other);

            assertThatThrownBy(() -> h.invoicing.recordIssued(
                            h.issue(otherDraft).number("00000001").build()))
                    .isInstanceOfSatisfying(DuplicateReferenceException.class, e -> {
                        assertThat(e.holder()).isEqualTo(draft.id());
                        assertThat(e.reference()).isEqualTo(Invoice.numberReference("1C26TAA", "00000001"));
                    });
            h.assertUnchanged(before);
            assertThat(h.invoicing
                            .recordIssued(h.issue(otherDraft)
                                    .symbol("1C26TAB")
                                    .number("00000001")
                                    .build())
                            .state())
                    .as("the same number under another symbol is another invoice")
                    .isEqualTo(InvoiceLifecycle.ISSUED);
        }

        @Test
        void draftReplacement_ofADraft_isAnIllegalTransition() {
            assertRejected(
                    () -> h.invoicing.draftReplacement(replacement(draft).build()), Rejection.ILLEGAL_TRANSITION);
        }

        @Test
        void draftPriceCorrection_withoutAnIssuedInvoice_isNotInvoiced() {
            assertRejected(
                    () -> h.invoicing.draftPriceCorrection(
                            correction(Map.of(L1, vnd(90_000))).build()),
                    Invoicing.NOT_INVOICED);
            assertRejected(
                    () -> h.invoicing.draftPriceCorrection(correction(Map.of(L1, vnd(90_000)))
                            .invoiceId(draft.id())
                            .build()),
                    Rejection.ILLEGAL_TRANSITION);
        }

        @Test
        void commands_onAnUnknownInvoice_areNotFound() {
            assertThatThrownBy(() -> h.invoicing.cancel(
                            h.cancel(Invoice.builder().from(draft).id("inv-99").build(), "x")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("inv-99");
        }
    }

    @Nested
    @DisplayName("an issued invoice")
    class Issued {
        private final Invoice original = h.issued(h.draftOriginal(order));

        @Test
        void recordIssued_again_isAnIllegalTransition_andStoresNothing() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            assertThatThrownBy(() -> h.issued(original)).isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                assertThat(e.rejection().code()).isEqualTo(Rejection.ILLEGAL_TRANSITION);
                assertThat(e.getMessage()).contains("inv-1", "ISSUE", "ISSUED");
            });
            h.assertUnchanged(before);
        }

        @Test
        void cancel_cancelsIt_andDiscardsItsOpenAdjustmentDrafts() {
            Invoice pending = h.invoicing.draftPriceCorrection(
                    correction(Map.of(L1, vnd(90_000))).build());

            Invoice cancelled = h.invoicing.cancel(h.cancel(original, "sale annulled"));

            assertThat(cancelled.state()).isEqualTo(InvoiceLifecycle.CANCELLED);
            assertThat(h.reload(pending).state()).isEqualTo(InvoiceLifecycle.CANCELLED);
            assertThat(h.reload(pending).cancellationReason()).contains("invoice 'inv-1' was cancelled");
            assertRejected(() -> h.issued(pending), Rejection.ILLEGAL_TRANSITION);
            assertRejected(() -> h.invoicing.cancel(h.cancel(cancelled, "again")), Rejection.ILLEGAL_TRANSITION);
        }

        @Test
        void priceCorrections_whenIssued_adjustTheOriginal_againAndAgain() {
            Invoice first = h.invoicing.draftPriceCorrection(
                    correction(Map.of(L2, vnd(50_000))).build());
            assertThat(first.adjustmentKind()).contains(AdjustmentKind.PRICE_CORRECTION);
            assertThat(first.totals().total()).isEqualTo(vnd(-11_999));
            assertThat(h.reload(original).state())
                    .as("a draft adjusts nothing yet")
                    .isEqualTo(InvoiceLifecycle.ISSUED);

            h.issued(first);
            Invoice adjusted = h.reload(original);
            assertThat(adjusted.state()).isEqualTo(InvoiceLifecycle.ADJUSTED);
            assertThat(adjusted.adjustedBy()).containsExactly(first.id());

            Invoice second = h.invoicing.draftPriceCorrection(
                    correction(Map.of(L1, vnd(95_000))).build());
            h.issued(second);
            assertThat(h.reload(original).state()).isEqualTo(InvoiceLifecycle.ADJUSTED);
            assertThat(h.reload(original).adjustedBy()).containsExactly(first.id(), second.id());
            assertThat(h.invoicing.trail(order.tenant(), original.id()))
                    .extracting(DocumentEvent::trigger)
                    .containsExactly(
                            InvoiceLifecycle.CREATE,
                            InvoiceLifecycle.ISSUE,
                            InvoiceLifecycle.ADJUST,
                            InvoiceLifecycle.ADJUST);

            assertRejected(() -> h.invoicing.cancel(h.cancel(original, "no")), Rejection.ILLEGAL_TRANSITION);
            assertRejected(
                    () -> h.invoicing.draftReplacement(replacement(original).build()), Rejection.ILLEGAL_TRANSITION);
        }

        @Test
        void draftPriceCorrection_ofAnAdjustment_isNotAdjustable() {
            Invoice adj = h.issued(h.invoicing.draftPriceCorrection(
                    correction(Map.of(L2, vnd(50_000))).build()));
            assertRejected(
                    () -> h.invoicing.draftPriceCorrection(correction(Map.of(L2, vnd(40_000)))
                            .invoiceId(adj.id())
                            .build()),
                    InvoiceAdjustments.NOT_ADJUSTABLE);
        }

        @Test
        void draftPriceCorrection_withBadInput_storesNothing() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            assertInvalid(
                    () -> h.invoicing.draftPriceCorrection(
                            correction(Map.of(LineId.of("L9"), vnd(1))).build()),
                    "newUnitPrices[L9]",
                    InvoiceAdjustments.UNKNOWN_LINE);
            h.assertUnchanged(before);
        }

        @Test
        void previewPriceCorrection_showsTheDifference_andStoresNothing() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            ChangePreview<Invoice> preview = h.invoicing.previewPriceCorrection(
                    correction(Map.of(L2, vnd(50_000))).build());
            assertThat(preview.result().totals().total()).isEqualTo(vnd(-11_999));
            h.assertUnchanged(before);
        }

        @Test
        void replacement_whenIssued_replacesTheOriginal() {
            BuyerDetails branch = BuyerDetails.builder()
                    .from(InvoiceHarness.company())
                    .taxCode(InvoiceHarness.BUYER_BRANCH)
                    .build();
            ChangePreview<Invoice> preview = h.invoicing.previewReplacement(
                    replacement(original).buyer(branch).build());
            assertThat(preview.documents()).hasSize(1);

            Invoice draft = h.invoicing.draftReplacement(
                    replacement(original).buyer(branch).build());
            assertThat(draft.purpose()).isEqualTo(InvoicePurpose.REPLACEMENT);
            assertThat(draft.relatesTo()).contains(original.id());
            assertThat(draft.buyer().taxCode().orElseThrow().printed()).isEqualTo(InvoiceHarness.BUYER_BRANCH);
            assertThat(draft.lines()).isEqualTo(original.lines());
            assertRejected(
                    () -> h.invoicing.draftReplacement(replacement(original).build()), Invoicing.REPLACEMENT_PENDING);
            assertRejected(() -> h.draftOriginal(order), Invoicing.ALREADY_INVOICED);

            Invoice issued = h.issued(draft);
            Invoice replaced = h.reload(original);
            assertThat(replaced.state()).isEqualTo(InvoiceLifecycle.REPLACED);
            assertThat(replaced.replacedBy()).contains(issued.id());
            assertRejected(() -> h.draftOriginal(order), Invoicing.ALREADY_INVOICED);
            assertRejected(() -> h.invoicing.cancel(h.cancel(replaced, "no")), Rejection.ILLEGAL_TRANSITION);

            Invoice onReplacement = h.invoicing.draftPriceCorrection(
                    correction(Map.of(L2, vnd(50_000))).build());
            assertThat(onReplacement.relatesTo())
                    .as("adjustments go to the replacement")
                    .contains(issued.id());
        }

        @Test
        void draftReplacement_withAnInvalidTaxCode_isInvalidTaxCode_andStoresNothing() {
            InvoiceHarness.Snapshot before = h.snapshot(order);
            assertInvalid(
                    () -> h.invoicing.draftReplacement(replacement(original)
                            .buyer(BuyerDetails.builder()
                                    .companyName("Minh Phat")
                                    .taxCode("031234567")
                                    .build())
                            .build()),
                    "buyer.taxCode",
                    "INVALID_TAX_CODE");
            h.assertUnchanged(before);
        }

        @Test
        void draftReplacement_asASalesInvoice_keepsTheBuyer() {
            Invoice draft = h.invoicing.draftReplacement(replacement(original)
                    .type(InvoiceType.SALES_INVOICE)
                    .reason("seller uses the direct method")
                    .build());
            assertThat(draft.type()).isEqualTo(InvoiceType.SALES_INVOICE);
            assertThat(draft.buyer()).isEqualTo(original.buyer());
        }
    }

    @Nested
    @DisplayName("commands and access")
    class Commands {
        @Test
        void commands_withBlankValues_areRefusedWhenBuilt() {
            Invoice draft = h.draftOriginal(order);
            assertInvalid(() -> h.issue(draft).number(" ").build(), "number", "BLANK");
            assertInvalid(() -> h.cancel(draft, " "), "reason", "BLANK");
            assertInvalid(
                    () -> RecordInvoiceIssueFailed.builder()
                            .tenant(order.tenant())
                            .orderId(order.id())
                            .actor(InvoiceHarness.AGENT)
                            .invoiceId(draft.id())
                            .reason("")
                            .build(),
                    "reason",
                    "BLANK");
        }

        @Test
        void draftReplacement_withoutAReason_isRequired_andStoresNothing() {
            Invoice original = h.issued(h.draftOriginal(order));
            InvoiceHarness.Snapshot before = h.snapshot(order);
            assertInvalid(
                    () -> h.invoicing.draftReplacement(
                            replacement(original).reason(" ").build()),
                    "reason",
                    "REQUIRED");
            h.assertUnchanged(before);
        }

        @Test
        void aCustomer_mayNotDraftAnInvoiceOnAnotherCustomersOrder() {
            assertThatThrownBy(() -> h.invoicing.draftFromOrder(InvoiceHarness.draft(order)
                            .actor(dev.omskit.core.model.Actor.customer(dev.omskit.core.model.CustomerId.of("c-9")))
                            .build()))
                    .isInstanceOf(dev.omskit.core.error.AccessDeniedException.class);
            assertThat(h.invoicing.invoicesOf(order.tenant(), order.id())).isEmpty();
        }

        @Test
        void issued_printsItsIssueDateInTheSellersZone() {
            h.clock.set(java.time.Instant.parse("2026-11-11T18:30:00Z"));
            Invoice issued = h.issued(h.draftOriginal(order));
            assertThat(issued.issueDate(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                    .contains(java.time.LocalDate.of(2026, 11, 12));
        }
    }
}
