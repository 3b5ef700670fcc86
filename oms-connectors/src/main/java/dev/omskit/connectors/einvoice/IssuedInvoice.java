package dev.omskit.connectors.einvoice;

import dev.omskit.core.support.Checks;
import java.time.Instant;

/**
 * What the provider answered for an invoice it issued: the numbering that identifies it from now on.
 *
 * @param invoiceId our invoice id (the idempotency key it was issued under)
 * @param number the provider's invoice number (số hóa đơn), e.g. {@code 00000123}
 * @param symbol the invoice symbol it was numbered under (ký hiệu), e.g. {@code 1C26TAA}
 * @param authorityCode the tax authority's code (mã của cơ quan thuế)
 * @param issuedAt when the provider issued it
 */
public record IssuedInvoice(String invoiceId, String number, String symbol, String authorityCode, Instant issuedAt) {
    public IssuedInvoice {
        Checks.id("invoice id", invoiceId);
        Checks.id("invoice number", number);
        Checks.id("invoice symbol", symbol);
        Checks.id("tax authority code", authorityCode);
        Checks.notNull("issuedAt", issuedAt);
    }
}
