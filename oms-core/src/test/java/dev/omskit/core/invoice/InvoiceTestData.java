package dev.omskit.core.invoice;

import dev.omskit.core.TestOrders;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.order.Order;
import dev.omskit.core.spi.TaxCodeValidator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shared values of the invoice tests: a seller, a configuration, drafting and issuing shortcuts. */
final class InvoiceTestData {
    /** A valid Vietnamese tax code (check digit 6). */
    static final String SELLER_CODE = "0100109106";
    /** Another valid one (check digit 3). */
    static final String BUYER_CODE = "0312345673";

    static final InvoicingConfig CONFIG = InvoicingConfig.builder()
            .seller(InvoiceSeller.of(
                    "Cong ty TNHH Saigon Sneakers", TaxCodeValidator.vietnam().parse(SELLER_CODE)))
            .symbol("1C26TAA")
            .build();

    private InvoiceTestData() {}

    static InvoiceBuyer company() {
        return InvoiceBuyer.builder()
                .companyName("Cong ty CP Minh Phat")
                .taxCode(TaxCode.of("VN", BUYER_CODE))
                .name("Tran Thi Binh")
                .address(TestOrders.address())
                .build();
    }

    static Invoice original(Order order) {
        return InvoiceDrafts.original(
                order, InvoiceType.VAT_INVOICE, company(), CONFIG, "inv-1", 1, Optional.empty(), TestOrders.NOW);
    }

    /** {@code draft} as the provider issued it. */
    static Invoice issued(Invoice draft, String number) {
        return Invoice.builder()
                .from(draft)
                .version(draft.version() + 1)
                .state(InvoiceLifecycle.ISSUED)
                .number(number)
                .symbol("1C26TAA")
                .authorityCode("M1-26-ABCDE-" + number)
                .issuedAt(Instant.parse("2026-11-22T09:00:00Z"))
                .build();
    }

    static List<Invoice> list(Invoice... invoices) {
        return List.of(invoices);
    }
}
