package dev.omskit.core.invoice;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TaxCode;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.spi.TaxCodeValidators;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the {@code Invoicing} facade drafts invoices: who the seller is, the symbol printed on drafts, the
 * tax code validators, the default invoice type and how the shipping fee is invoiced. {@link #defaults()}
 * has no seller (drafting then fails with {@code SELLER_NOT_CONFIGURED}); a host builds its own with
 * {@link #builder()} and passes it to {@code oms.invoicing().with(config)}. Immutable and thread-safe.
 *
 * <p>Rounding is not configurable on purpose: every amount is computed as the order computes it
 * (discount prorated half-even, VAT per line half-up to the currency), so invoice and order agree to the
 * unit.
 */
@Value.Immutable
public abstract class InvoicingConfig {
    private static final InvoicingConfig DEFAULTS = builder().build();

    /** The seller on every invoice; drafting without one is refused. */
    public abstract Optional<InvoiceSeller> seller();

    /**
     * The invoice symbol (ký hiệu, e.g. {@code 1C26TAA}) printed on drafts, if known before issue; the
     * provider's symbol recorded at issue is the one that counts.
     */
    public abstract Optional<String> symbol();

    /** The type drafted when a request names none; {@link InvoiceType#VAT_INVOICE} unless set. */
    @Value.Default
    public InvoiceType defaultType() {
        return InvoiceType.VAT_INVOICE;
    }

    /** Validates buyer and seller tax codes; {@link TaxCodeValidators#defaults()} (Vietnam) unless set. */
    @Value.Default
    public TaxCodeValidators taxCodeValidators() {
        return TaxCodeValidators.defaults();
    }

    /**
     * The VAT rate inside the shipping fee (10% unless set). The order's total adds the fee as the buyer
     * pays it, so the invoice treats the fee as VAT-inclusive and extracts the VAT at this rate (half-up):
     * the invoice total stays the order total.
     */
    @Value.Default
    public VatRate shippingVatRate() {
        return VatRate.percent(10);
    }

    /** The name of the shipping line; {@code Shipping fee} unless set. */
    @Value.Default
    public String shippingLineName() {
        return "Shipping fee";
    }

    /**
     * The unit of measure of goods lines whose order line has no {@code unit} attribute; {@code unit}
     * unless set.
     */
    @Value.Default
    public String defaultUnit() {
        return "unit";
    }

    @Value.Check
    protected void check() {
        if (shippingLineName().isBlank() || defaultUnit().isBlank()) {
            throw InvalidArgumentException.of(
                    "config", "BLANK", "the shipping line name and the default unit must not be blank");
        }
        if (seller().isPresent()) {
            TaxCode code = seller().get().taxCode();
            TaxCode parsed;
            try {
                parsed = taxCodeValidators().parse(code.country(), code.printed());
            } catch (InvalidArgumentException e) {
                throw InvalidArgumentException.of(
                        "seller.taxCode",
                        "INVALID_TAX_CODE",
                        "the seller's tax code " + code + " is not valid: " + e.getMessage());
            }
            if (!parsed.equals(code)) {
                throw InvalidArgumentException.of(
                        "seller.taxCode",
                        "INVALID_TAX_CODE",
                        "the seller's tax code " + code + " is not normalised; use " + parsed);
            }
        }
        symbol().ifPresent(s -> {
            if (s.isBlank()) {
                throw InvalidArgumentException.of("symbol", "BLANK", "the invoice symbol must not be blank");
            }
        });
    }

    /** No seller, Vietnamese tax codes, VAT invoices, shipping at 10%. */
    public static InvoicingConfig defaults() {
        return DEFAULTS;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InvoicingConfig}. */
    public static class Builder extends ImmutableInvoicingConfig.Builder {}
}
