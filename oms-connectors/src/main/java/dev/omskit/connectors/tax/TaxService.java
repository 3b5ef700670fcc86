package dev.omskit.connectors.tax;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.Connector;
import dev.omskit.connectors.ConnectorKind;

/**
 * A tax engine that says which VAT rate applies to each line of a sale (by product, destination and
 * buyer), for hosts whose rates are not fixed per SKU.
 *
 * @implSpec Thread-safe and free of side effects: {@link #quote} may be called any number of times for
 *     the same request and answers the same while the provider's rules are unchanged. One {@link
 *     TaxQuote.LineTax} per request line, in the request's order, each naming the line. A request the
 *     provider cannot rate (an unknown product class, an unsupported country) fails {@code
 *     NOT_RETRYABLE}; an unreachable provider {@code RETRYABLE}. Requires {@link #QUOTE}.
 */
public interface TaxService extends Connector {
    /** Rates lines of a sale. */
    Capability QUOTE = Capability.of("TAX_QUOTE");

    @Override
    default ConnectorKind kind() {
        return ConnectorKind.TAX;
    }

    /** The VAT of each line. */
    TaxQuote quote(TaxRequest request);
}
