package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.ConnectorKind;
import dev.omskit.connectors.tax.TaxQuote;
import dev.omskit.connectors.tax.TaxRequest;
import dev.omskit.connectors.tax.TaxService;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.testkit.OrderFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of {@link TaxService}: the declared capability and kind, one answer per line in the
 * request's order, answers that repeat for the same request, and failures as typed {@link
 * ConnectorException}s. Extend it with {@link #create()} (a connector against a test double of the
 * provider), and override {@link #provokeTransientFailure} when the double can fail the next call.
 */
public abstract class TaxServiceConformanceKit {
    /** A fresh connector for each test. */
    protected abstract TaxService create();

    /** Arms {@code service} so that its next call fails transiently; false when the double cannot. */
    protected boolean provokeTransientFailure(TaxService service) {
        return false;
    }

    private static TaxRequest request() {
        return new TaxRequest(
                OrderFixtures.TENANT,
                List.of(
                        new TaxRequest.Line("L1", Sku.of("SKU-1"), Optional.empty(), Money.of("200000", "VND")),
                        new TaxRequest.Line("L2", Sku.of("BOOK-1"), Optional.of("books"), Money.of("90000", "VND"))),
                "VN",
                Optional.empty(),
                false);
    }

    @Test
    @DisplayName("it is a TAX connector declaring TAX_QUOTE")
    void declaresItsCapability() {
        TaxService service = create();
        assertThat(service.kind()).isEqualTo(ConnectorKind.TAX);
        assertThat(service.capabilities()).contains(TaxService.QUOTE);
        assertThat(service.id()).isNotBlank();
    }

    @Test
    @DisplayName("one answer per line, in order, in the line's currency")
    void answersEveryLineInOrder() {
        TaxQuote quote = create().quote(request());

        assertThat(quote.lines()).extracting(TaxQuote.LineTax::lineId).containsExactly("L1", "L2");
        assertThat(quote.lines()).allSatisfy(l -> {
            assertThat(l.tax().currency().getCurrencyCode()).isEqualTo("VND");
            assertThat(l.tax().isNegative()).isFalse();
            assertThat(l.rate().fraction().signum()).isNotNegative();
        });
    }

    @Test
    @DisplayName("the same request answers the same")
    void repeats() {
        TaxService service = create();
        TaxQuote first = service.quote(request());
        TaxQuote again = service.quote(request());

        assertThat(again.lines()).isEqualTo(first.lines());
    }

    @Test
    @DisplayName("a transient failure is a retryable ConnectorException naming the connector")
    void transientFailure_isTyped() {
        TaxService service = create();
        assumeTrue(provokeTransientFailure(service), "the provider's double cannot fail on demand");

        assertThatThrownBy(() -> service.quote(request())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind().mayPassLater()).isTrue();
            assertThat(e.connector()).isEqualTo(service.id());
        });
    }
}
