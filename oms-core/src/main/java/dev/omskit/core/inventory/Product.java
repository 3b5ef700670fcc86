package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The product data the OMS needs about a SKU: names, prices, VAT, weight and size, flags, and for a kit the
 * component SKUs it is made of. The catalogue itself belongs to the host; omskit reads it through {@link
 * dev.omskit.core.spi.ProductCatalog}.
 */
@Value.Immutable
@OmsStyle
public abstract class Product {
    /** Most variant attributes a product may have (colour, size, material ...). */
    public static final int MAX_VARIANT_ATTRIBUTES = 3;

    public abstract TenantId tenant();

    public abstract Sku sku();

    public abstract String name();

    public abstract Optional<String> category();

    public abstract Optional<String> brand();

    /** Up to three variant attributes, e.g. {@code colour=black, size=42}. */
    public abstract Map<String, String> variantAttributes();

    /** What one unit costs the merchant, if known (used to value count variances). */
    public abstract Optional<Money> costPrice();

    /** The list price of one unit, if known. */
    public abstract Optional<Money> salePrice();

    @Value.Default
    public VatRate vatRate() {
        return VatRate.ZERO;
    }

    /** Weight of one packed unit in grams, if known. */
    public abstract OptionalInt weightGrams();

    public abstract Optional<Dimensions> dimensions();

    public abstract Set<ProductFlag> flags();

    /** How the SKU is replenished, if the OMS should suggest purchase orders for it. */
    public abstract Optional<Replenishment> replenishment();

    /** Most units that may be preordered and waiting at once, for a {@link ProductFlag#PREORDERABLE} SKU. */
    public abstract OptionalInt preorderCap();

    /** For a kit (bundle): the component SKUs and how many of each one kit holds; empty for a plain SKU. */
    public abstract Map<Sku, Integer> components();

    /** Whether this SKU is a kit whose stock is the stock of its components. */
    public boolean isKit() {
        return !components().isEmpty();
    }

    public boolean has(ProductFlag flag) {
        return flags().contains(flag);
    }

    /** Sale price minus cost price, when both are known and in one currency. */
    public Optional<Money> margin() {
        if (costPrice().isEmpty() || salePrice().isEmpty()) {
            return Optional.empty();
        }
        Money cost = costPrice().get();
        Money sale = salePrice().get();
        return sale.sameCurrencyAs(cost) ? Optional.of(sale.minus(cost)) : Optional.empty();
    }

    @Value.Check
    protected void check() {
        if (name().isBlank()) {
            throw InvalidArgumentException.of("name", "MISSING", "product '" + sku() + "' needs a name");
        }
        if (variantAttributes().size() > MAX_VARIANT_ATTRIBUTES) {
            throw InvalidArgumentException.of(
                    "variantAttributes",
                    "TOO_MANY",
                    "product '" + sku() + "' may have at most " + MAX_VARIANT_ATTRIBUTES + " variant attributes; has "
                            + variantAttributes().keySet());
        }
        if (weightGrams().isPresent() && weightGrams().getAsInt() <= 0) {
            throw InvalidArgumentException.of(
                    "weightGrams",
                    "NOT_POSITIVE",
                    "product '" + sku() + "': weight must be positive; was "
                            + weightGrams().getAsInt());
        }
        components().forEach((component, units) -> {
            if (units == null || units <= 0) {
                throw InvalidArgumentException.of(
                        "components[" + component + "]",
                        "NOT_POSITIVE",
                        "kit '" + sku() + "': component units must be positive; was " + units);
            }
            if (component.equals(sku())) {
                throw InvalidArgumentException.of(
                        "components[" + component + "]", "SELF_REFERENCE", "kit '" + sku() + "' contains itself");
            }
        });
        costPrice().ifPresent(p -> {
            if (p.isNegative()) {
                throw InvalidArgumentException.of(
                        "costPrice", "NEGATIVE", "product '" + sku() + "': cost price is negative: " + p);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Product}. */
    public static class Builder extends ImmutableProduct.Builder {}
}
