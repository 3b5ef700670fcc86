package dev.omskit.core.invoice;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.error.InvalidArgumentException;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * Record what the e-invoice provider answered for a draft it issued: the invoice number, the symbol and
 * the tax authority's code. The draft becomes {@code ISSUED}; the number becomes the reference it is
 * found by (a number already used by another invoice of the tenant under the same symbol is a {@code
 * DuplicateReferenceException}). Issuing an adjustment moves the invoice it adjusts to {@code ADJUSTED},
 * issuing a replacement moves the one it replaces to {@code REPLACED}, in the same commit.
 */
@Value.Immutable
public abstract class RecordInvoiceIssued implements ExistingOrderCommand {
    public abstract String invoiceId();

    /** The provider's invoice number (số hóa đơn), e.g. {@code 00000123}. */
    public abstract String number();

    /** The invoice symbol the provider used (ký hiệu), e.g. {@code 1C26TAA}. */
    public abstract String symbol();

    /** The tax authority's code for the invoice (mã của cơ quan thuế). */
    public abstract String authorityCode();

    /** When the provider issued it. */
    public abstract Instant issuedAt();

    @Value.Check
    protected void check() {
        if (number().isBlank() || symbol().isBlank() || authorityCode().isBlank()) {
            throw InvalidArgumentException.of(
                    "number", "BLANK", "an issued invoice needs its number, symbol and tax authority code");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordInvoiceIssued}. */
    public static class Builder extends ImmutableRecordInvoiceIssued.Builder {}
}
