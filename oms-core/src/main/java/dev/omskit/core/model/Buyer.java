package dev.omskit.core.model;

import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who bought: a person, or a business that may need a VAT invoice. Name, e-mail, phone and tax code are
 * personal data and print as {@code ***}.
 */
@Value.Immutable
@OmsStyle
public abstract class Buyer {
    /** The buyer's name as given to the channel. */
    @Value.Redacted
    public abstract String name();

    @Value.Redacted
    public abstract Optional<String> email();

    @Value.Redacted
    public abstract Optional<String> phone();

    /** The buyer's company, for business orders. */
    public abstract Optional<String> companyName();

    /** The tax code of the buyer (company or person), for invoices. */
    @Value.Redacted
    public abstract Optional<String> taxCode();

    /** A buyer known only by name. */
    public static Buyer named(String name) {
        return builder().name(name).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Buyer}. */
    public static class Builder extends ImmutableBuyer.Builder {}
}
