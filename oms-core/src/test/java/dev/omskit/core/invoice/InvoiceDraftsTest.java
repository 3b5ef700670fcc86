package dev.omskit.core.invoice;

import static dev.omskit.core.TestOrders.vnd;
import static dev.omskit.core.invoice.InvoiceTestData.BUYER_CODE;
import static dev.omskit.core.invoice.InvoiceTestData.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.TestOrders;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.model.TaxMode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.spi.TaxCodeValidators;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvoiceDraftsTest {
    private static final TaxCodeValidators VN = TaxCodeValidators.defaults();

    /** 3 x 100,000 less 10,000 at 10%, 2 x 55,555 at 8%, shipping 30,000; prices without VAT. */
    static Order mixedOrder() {
        return TestOrders.captured(TestOrders.capture()
                .addLines(TestOrders.line("SKU-A", 3, 100_000, 10_000, "0.10"))
                .addLines(TestOrders.line("SKU-B", 2, 55_555, 0, "0.08"))
                .shippingFee(vnd(30_000))
                .build());
    }

    @Nested
    class Amounts {
        @Test
        void original_ofMixedRatesWithDiscountAndShipping_isHandChecked() {
            Order order = mixedOrder();
            Invoice invoice = InvoiceTestData.original(order);

            assertThat(invoice.lines()).hasSize(3);
            InvoiceLine a = invoice.lines().get(0);
            assertThat(a.lineId()).contains(LineId.of("L1"));
            assertThat(a.quantity()).isEqualTo(3);
            assertThat(a.discount()).isEqualTo(vnd(10_000));
            assertThat(a.net()).isEqualTo(vnd(290_000));
            assertThat(a.vat()).isEqualTo(vnd(29_000));
            assertThat(a.total()).isEqualTo(vnd(319_000));
            InvoiceLine b = invoice.lines().get(1);
            assertThat(b.net()).isEqualTo(vnd(111_110));
            assertThat(b.vat()).as("8,888.8 rounded half-up").isEqualTo(vnd(8_889));
            assertThat(b.total()).isEqualTo(vnd(119_999));
            InvoiceLine ship = invoice.lines().get(2);
            assertThat(ship.kind()).isEqualTo(InvoiceLineKind.SHIPPING);
            assertThat(ship.total()).isEqualTo(vnd(30_000));
            assertThat(ship.vat()).as("30,000 x 0.1 / 1.1 = 2,727.27").isEqualTo(vnd(2_727));
            assertThat(ship.net()).isEqualTo(vnd(27_273));

            assertThat(invoice.totals())
                    .isEqualTo(new InvoiceTotals(vnd(10_000), vnd(428_383), vnd(40_616), vnd(468_999)));
            assertThat(invoice.totals().total()).isEqualTo(order.totals().total());
            assertThat(invoice.vatBreakdown())
                    .containsExactly(
                            new VatSubtotal(VatRate.percent(8), vnd(111_110), vnd(8_889), vnd(119_999)),
                            new VatSubtotal(VatRate.percent(10), vnd(317_273), vnd(31_727), vnd(349_000)));
        }

        @Test
        void original_afterACancelledUnit_prorateTheDiscountAsTheOrder() {
            Order order = TestOrders.accepted(TestOrders.decider()
                    .cancel(mixedOrder(), TestOrders.cancel(mixedOrder(), Map.of("L1", 1)), TestOrders.LATER));
            Invoice invoice = InvoiceTestData.original(order);

            InvoiceLine a = invoice.lines().get(0);
            assertThat(a.quantity()).isEqualTo(2);
            assertThat(a.discount()).as("10,000 x 2 / 3 half-even").isEqualTo(vnd(6_667));
            assertThat(a.net()).isEqualTo(vnd(193_333));
            assertThat(a.vat()).isEqualTo(vnd(19_333));
            assertThat(a.total()).isEqualTo(vnd(212_666));
            assertThat(invoice.totals().total()).isEqualTo(order.totals().total());
            assertThat(invoice.totals().vat().minus(invoice.lines().get(2).vat()))
                    .isEqualTo(order.totals().tax());
        }

        @Test
        void original_ofPricesIncludingTax_extractsTheVat() {
            Order order = TestOrders.captured(TestOrders.capture()
                    .taxMode(TaxMode.PRICES_INCLUDE_TAX)
                    .addLines(TestOrders.line("SKU-A", 2, 108_000, 0, "0.08"))
                    .addLines(TestOrders.line("SKU-B", 1, 110_000, 5_000, "0.10"))
                    .build());
            Invoice invoice = InvoiceTestData.original(order);

            assertThat(invoice.lines()).hasSize(2);
            assertThat(invoice.lines().get(0).vat()).isEqualTo(vnd(16_000));
            assertThat(invoice.lines().get(0).net()).isEqualTo(vnd(200_000));
            assertThat(invoice.lines().get(1).vat())
                    .as("105,000 x 0.1 / 1.1 = 9,545.45")
                    .isEqualTo(vnd(9_545));
            assertThat(invoice.lines().get(1).net()).isEqualTo(vnd(95_455));
            assertThat(invoice.totals().total())
                    .isEqualTo(vnd(321_000))
                    .isEqualTo(order.totals().total());
            assertThat(invoice.totals().vat()).isEqualTo(order.totals().tax());
            assertThat(invoice.taxMode()).isEqualTo(TaxMode.PRICES_INCLUDE_TAX);
        }

        @Test
        void original_carriesThePaymentMethodAsTheVietnameseTerm() {
            Order cod = TestOrders.captured(TestOrders.capture()
                    .paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                    .addLines(TestOrders.line("SKU-A", 1, 100_000))
                    .build());
            assertThat(InvoiceTestData.original(cod).paymentMethod()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY);
            assertThat(InvoiceTestData.original(cod).paymentTerm()).isEqualTo("TM");
            assertThat(InvoiceTestData.original(mixedOrder()).paymentTerm()).isEqualTo("CK");
        }

        @Test
        void original_ofAFullyCancelledOrder_isRejected() {
            Order cancelled = TestOrders.accepted(
                    TestOrders.decider().cancel(mixedOrder(), TestOrders.cancelAll(mixedOrder()), TestOrders.LATER));
            assertThatThrownBy(() -> InvoiceTestData.original(cancelled))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(InvoiceDrafts.NOTHING_TO_INVOICE));
        }

        @Test
        void original_withoutASeller_isRefused() {
            assertThatThrownBy(() -> InvoiceDrafts.original(
                            mixedOrder(),
                            InvoiceType.VAT_INVOICE,
                            InvoiceTestData.company(),
                            InvoicingConfig.defaults(),
                            "inv-1",
                            1,
                            Optional.empty(),
                            TestOrders.NOW))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(
                                    org.assertj.core.api.Assertions.tuple("config.seller", "SELLER_NOT_CONFIGURED")));
        }
    }

    @Nested
    class Buyers {
        @Test
        void buyer_companyWithAValidCode_isNormalised() {
            InvoiceBuyer buyer = InvoiceDrafts.buyer(
                    Optional.of(BuyerDetails.builder()
                            .companyName("Cong ty CP Minh Phat")
                            .taxCode("0312 345 673")
                            .build()),
                    mixedOrder(),
                    InvoiceType.VAT_INVOICE,
                    VN);
            assertThat(buyer.taxCode()).contains(TaxCode.of("VN", BUYER_CODE));
            assertThat(buyer.address()).isEqualTo(TestOrders.address());
            assertThat(buyer.isCompany()).isTrue();
        }

        @Test
        void buyer_withABadCheckDigit_isInvalidTaxCode() {
            assertRefused(
                    BuyerDetails.builder()
                            .companyName("X")
                            .taxCode("0312345674")
                            .build(),
                    InvoiceType.VAT_INVOICE,
                    "buyer.taxCode",
                    "INVALID_TAX_CODE");
        }

        @Test
        void buyer_ofAnUnknownCountry_isInvalidTaxCode() {
            assertRefused(
                    BuyerDetails.builder()
                            .companyName("X")
                            .taxCode("DE123456789")
                            .taxCountry("DE")
                            .build(),
                    InvoiceType.VAT_INVOICE,
                    "buyer.taxCode",
                    "INVALID_TAX_CODE");
        }

        @Test
        void buyer_companyWithoutCode_onAVatInvoice_isRequired() {
            assertRefused(
                    BuyerDetails.builder().companyName("X").build(),
                    InvoiceType.VAT_INVOICE,
                    "buyer.taxCode",
                    "REQUIRED");
        }

        @Test
        void buyer_companyWithoutCode_onASalesInvoice_isAllowed() {
            InvoiceBuyer buyer = InvoiceDrafts.buyer(
                    Optional.of(BuyerDetails.builder().companyName("X").build()),
                    mixedOrder(),
                    InvoiceType.SALES_INVOICE,
                    VN);
            assertThat(buyer.taxCode()).isEmpty();
        }

        @Test
        void buyer_individualWithoutCode_isAllowedOnAVatInvoice() {
            InvoiceBuyer buyer = InvoiceDrafts.buyer(Optional.empty(), mixedOrder(), InvoiceType.VAT_INVOICE, VN);
            assertThat(buyer.isCompany()).isFalse();
            assertThat(buyer.name()).contains("Nguyen Van A");
            assertThat(buyer.email()).contains("a@example.vn");
        }

        @Test
        void buyer_individualWithoutName_isRequired() {
            assertRefused(
                    BuyerDetails.builder().name("  ").build(), InvoiceType.SALES_INVOICE, "buyer.name", "REQUIRED");
        }

        @Test
        void buyer_fromTheOrder_validatesTheOrdersTaxCode() {
            Order order = TestOrders.captured(TestOrders.capture()
                    .buyer(Buyer.builder()
                            .name("Tran Thi Binh")
                            .companyName("Minh Phat")
                            .taxCode("0312345670")
                            .build())
                    .addLines(TestOrders.line("SKU-A", 1, 100_000))
                    .build());
            assertThatThrownBy(() -> InvoiceDrafts.buyer(Optional.empty(), order, InvoiceType.VAT_INVOICE, VN))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::code)
                            .containsExactly("INVALID_TAX_CODE"));
        }

        @Test
        void buyer_personalData_printsAsStars() {
            InvoiceBuyer buyer = InvoiceTestData.company();
            assertThat(buyer.toString())
                    .doesNotContain("Tran Thi Binh")
                    .doesNotContain(BUYER_CODE)
                    .doesNotContain("Ly Thuong Kiet")
                    .contains("***")
                    .contains("Minh Phat");
            assertThat(InvoiceTestData.original(mixedOrder()).toString()).doesNotContain("Tran Thi Binh");
            assertThat(BuyerDetails.builder()
                            .name("Le Hoang")
                            .taxCode(BUYER_CODE)
                            .build()
                            .toString())
                    .doesNotContain("Le Hoang")
                    .doesNotContain(BUYER_CODE);
        }

        private void assertRefused(BuyerDetails details, InvoiceType type, String field, String code) {
            assertThatThrownBy(() -> InvoiceDrafts.buyer(Optional.of(details), mixedOrder(), type, VN))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .contains(org.assertj.core.api.Assertions.tuple(field, code)));
        }
    }

    @Nested
    class Config {
        @Test
        void config_withAnInvalidSellerCode_isInvalidTaxCode() {
            assertThatThrownBy(() -> InvoicingConfig.builder()
                            .seller(InvoiceSeller.of("X", TaxCode.of("VN", "0100109107")))
                            .build())
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(
                                    org.assertj.core.api.Assertions.tuple("seller.taxCode", "INVALID_TAX_CODE")));
        }

        @Test
        void config_defaults_haveNoSellerAndVietnameseRules() {
            assertThat(InvoicingConfig.defaults().seller()).isEmpty();
            assertThat(InvoicingConfig.defaults().defaultType()).isEqualTo(InvoiceType.VAT_INVOICE);
            assertThat(InvoicingConfig.defaults().shippingVatRate()).isEqualTo(VatRate.percent(10));
            assertThat(CONFIG.seller().orElseThrow().taxCode().printed()).isEqualTo("0100109106");
        }
    }
}
