package dev.omskit.core.invoice;

import dev.omskit.core.model.Address;
import dev.omskit.core.model.TaxCode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The seller printed on every invoice, from {@link InvoicingConfig#seller()}: a business, so nothing here
 * is personal data.
 */
@Value.Immutable
public abstract class InvoiceSeller {
    /** The registered name of the business. */
    public abstract String name();

    /** The seller's tax code, validated when the configuration is built. */
    public abstract TaxCode taxCode();

    public abstract Optional<Address> address();

    /** A seller with this name and (already validated) tax code. */
    public static InvoiceSeller of(String name, TaxCode taxCode) {
        return builder().name(name).taxCode(taxCode).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InvoiceSeller}. */
    public static class Builder extends ImmutableInvoiceSeller.Builder {}
}
