package dev.omskit.core.invoice;

import dev.omskit.core.model.Address;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The buyer's details as a person typed them for an invoice (a checkout form, an agent's screen): raw,
 * validated when the invoice is drafted into an {@link InvoiceBuyer}. Without them the facade takes the
 * order's buyer and its billing address (else the shipping address). The person's name, e-mail and the
 * tax code print as {@code ***}.
 */
@Value.Immutable
public abstract class BuyerDetails {
    /** The company's registered name; empty for an individual. */
    public abstract Optional<String> companyName();

    /** The tax code as typed (separators allowed); validated for {@link #taxCountry()}. */
    @Value.Redacted
    public abstract Optional<String> taxCode();

    /** The country whose rules validate {@link #taxCode()}; {@code VN} unless given. */
    @Value.Default
    public String taxCountry() {
        return "VN";
    }

    @Value.Redacted
    public abstract Optional<String> name();

    @Value.Redacted
    public abstract Optional<String> email();

    /** The invoice address; empty takes the order's billing address, else its shipping address. */
    public abstract Optional<Address> address();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BuyerDetails}. */
    public static class Builder extends ImmutableBuyerDetails.Builder {}
}
