package dev.omskit.connectors.tax;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What a tax engine needs to rate a sale: the lines (SKU, an optional product tax class, net amount),
 * where the goods go, and whether the buyer is a business.
 *
 * @param tenant the seller's tenant
 * @param lines the lines to rate, in order
 * @param destinationCountry ISO 3166-1 alpha-2, e.g. {@code VN}
 * @param destinationRegion province or state, when the rate depends on it
 * @param businessBuyer whether the buyer buys as a business (with a tax code)
 */
public record TaxRequest(
        TenantId tenant,
        List<Line> lines,
        String destinationCountry,
        Optional<String> destinationRegion,
        boolean businessBuyer) {
    /**
     * One line.
     *
     * @param lineId the line's id, echoed in the answer
     * @param sku the product
     * @param taxClass the product's tax class if the catalogue has one
     * @param net the line's amount before tax
     */
    public record Line(String lineId, Sku sku, Optional<String> taxClass, Money net) {
        public Line {
            Checks.id("lineId", lineId);
            Checks.notNull("sku", sku);
            Checks.notNull("taxClass", taxClass);
            Checks.notNull("net", net);
        }
    }

    public TaxRequest {
        Checks.notNull("tenant", tenant);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw dev.omskit.core.error.InvalidArgumentException.of("lines", "EMPTY", "a tax request needs lines");
        }
        Checks.notNull("destinationCountry", destinationCountry);
        Checks.notNull("destinationRegion", destinationRegion);
    }
}
