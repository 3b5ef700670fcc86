package dev.omskit.connectors.tax;

import dev.omskit.core.model.Money;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * A tax engine's answer: the rate and tax of each line, and the engine's reference for audit.
 *
 * @param lines one per request line, in order
 * @param reference the engine's id of the calculation
 */
public record TaxQuote(List<LineTax> lines, String reference) {
    /**
     * The tax of one line.
     *
     * @param lineId the request line
     * @param rate the VAT rate
     * @param tax the tax on the line's net amount
     */
    public record LineTax(String lineId, VatRate rate, Money tax) {
        public LineTax {
            Checks.id("lineId", lineId);
            Checks.notNull("rate", rate);
            Checks.notNull("tax", tax);
        }
    }

    public TaxQuote {
        lines = List.copyOf(lines);
        Checks.notNull("reference", reference);
    }
}
