package dev.omskit.routing.rule;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.OmsStyle;
import dev.omskit.routing.RoutingLine;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A per-SKU routing policy: lines it matches (by SKU, category, product flag or a line attribute) may come
 * only from its locations, and the location that supplies them gets its work instructions. Examples:
 * high-value or bulky SKUs dropshipped by their vendor; personalised items made at one workshop.
 *
 * <p>Instructions may name line attributes in braces: {@code "Engrave '{personalisation}'"}.
 */
@Value.Immutable
@OmsStyle
public abstract class SkuPolicy {
    public abstract String name();

    public abstract Set<Sku> skus();

    public abstract Set<String> categories();

    public abstract Set<ProductFlag> flags();

    /** A line attribute whose presence makes the line match (for example {@code personalisation}). */
    public abstract Optional<String> lineAttribute();

    /** The only locations that may supply a matching line. */
    public abstract Set<LocationId> locations();

    public abstract Optional<String> workInstructions();

    /** Whether the line (with its product, when known) falls under this policy. */
    public boolean matches(RoutingLine line, Optional<Product> product) {
        if (skus().contains(line.sku())) {
            return true;
        }
        if (lineAttribute().isPresent()
                && line.attributes().containsKey(lineAttribute().get())) {
            return true;
        }
        if (product.isPresent()) {
            Product p = product.get();
            if (p.category().isPresent() && categories().contains(p.category().get())) {
                return true;
            }
            for (ProductFlag f : flags()) {
                if (p.flags().contains(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The instructions for this line, attributes filled in; empty when the policy has none. */
    public Optional<String> instructionsFor(RoutingLine line) {
        if (workInstructions().isEmpty()) {
            return Optional.empty();
        }
        String text = workInstructions().get();
        for (Map.Entry<String, String> e : line.attributes().entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return Optional.of(text);
    }

    @Value.Check
    void check() {
        if (name().isBlank()) {
            throw InvalidArgumentException.of("skuPolicies.name", "BLANK", "a SKU policy needs a name");
        }
        if (skus().isEmpty()
                && categories().isEmpty()
                && flags().isEmpty()
                && lineAttribute().isEmpty()) {
            throw InvalidArgumentException.of(
                    "skuPolicies[" + name() + "]",
                    "MATCHES_NOTHING",
                    "SKU policy '" + name() + "' needs skus, categories, flags or a line attribute to match");
        }
        if (locations().isEmpty()) {
            throw InvalidArgumentException.of(
                    "skuPolicies[" + name() + "].locations",
                    "REQUIRED",
                    "SKU policy '" + name() + "' needs at least one location");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SkuPolicy}. */
    public static class Builder extends ImmutableSkuPolicy.Builder {}
}
