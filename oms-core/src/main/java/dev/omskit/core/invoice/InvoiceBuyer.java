package dev.omskit.core.invoice;

import dev.omskit.core.model.Address;
import dev.omskit.core.model.TaxCode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The buyer as printed on an invoice, already validated: a company (name and, on a VAT invoice, a valid
 * tax code) or an individual (a name, a tax code only when they gave one). The person's name, e-mail and
 * tax code are personal data and print as {@code ***}; the address redacts its own personal parts.
 */
@Value.Immutable
public abstract class InvoiceBuyer {
    /** The company's registered name (tên đơn vị), for a business buyer. */
    public abstract Optional<String> companyName();

    /** The buyer's tax code (mã số thuế), validated for its country. */
    @Value.Redacted
    public abstract Optional<TaxCode> taxCode();

    /** The person buying (họ tên người mua hàng). */
    @Value.Redacted
    public abstract Optional<String> name();

    /** Where the e-invoice is sent. */
    @Value.Redacted
    public abstract Optional<String> email();

    public abstract Address address();

    /** Whether the buyer is a business rather than an individual. */
    public boolean isCompany() {
        return companyName().isPresent();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InvoiceBuyer}. */
    public static class Builder extends ImmutableInvoiceBuyer.Builder {}
}
