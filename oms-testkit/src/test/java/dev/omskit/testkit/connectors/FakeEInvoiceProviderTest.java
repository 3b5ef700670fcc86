package dev.omskit.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.FailureKind;
import dev.omskit.connectors.einvoice.EInvoiceProvider;
import dev.omskit.connectors.einvoice.InvoiceStatus.ProviderInvoiceState;
import dev.omskit.connectors.einvoice.IssuedInvoice;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceSeller;
import dev.omskit.core.model.TaxCode;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.tck.EInvoiceProviderConformanceKit;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fake e-invoice provider numbers per symbol and plays its scripts")
class FakeEInvoiceProviderTest {
    private final ManualClock clock = ManualClock.at("2026-11-11T03:00:00Z");
    private final FakeEInvoiceProvider provider = new FakeEInvoiceProvider("fake-einvoice", clock);
    private final Drafts drafts = new Drafts();

    /** The kit's drafts, borrowed. */
    private static final class Drafts extends EInvoiceProviderConformanceKit {
        @Override
        protected EInvoiceProvider create() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected boolean provokeNextFailure(EInvoiceProvider p, FailureKind kind) {
            return false;
        }

        @Override
        protected Optional<String> provokeContentRefusal(EInvoiceProvider p) {
            return Optional.empty();
        }

        Invoice draft(String id, String symbol) {
            return Invoice.builder().from(original(id)).symbol(symbol).build();
        }

        Invoice draft(String id) {
            return original(id);
        }
    }

    @Test
    @DisplayName("numbers run in sequence per symbol, from where a test starts them, with the clock's issue time")
    void numbers_perSymbol() {
        provider.startNumbersAt("2C26TBB", 41);

        IssuedInvoice a1 = provider.issue(drafts.draft("inv-1", "1C26TAA"));
        clock.advance(Duration.ofMinutes(1));
        IssuedInvoice b1 = provider.issue(drafts.draft("inv-2", "2C26TBB"));
        IssuedInvoice a2 = provider.issue(drafts.draft("inv-3", "1C26TAA"));
        IssuedInvoice defaulted = provider.issue(drafts.draft("inv-4"));

        assertThat(a1.number()).isEqualTo("00000001");
        assertThat(a2.number()).isEqualTo("00000002");
        assertThat(b1.number()).isEqualTo("00000041");
        assertThat(b1.issuedAt()).isEqualTo(clock.instant());
        assertThat(defaulted.symbol()).isEqualTo(FakeEInvoiceProvider.DEFAULT_SYMBOL);
        assertThat(defaulted.number()).isEqualTo("00000003");
        assertThat(a1.authorityCode()).isNotEqualTo(a2.authorityCode());
        assertThat(provider.issued()).containsExactly(a1, b1, a2, defaulted);
    }

    @Test
    @DisplayName("a lost answer leaves the invoice issued: the repeat gets the same number, nothing more is issued")
    void lostResponse_repeatGetsSameNumber() {
        provider.loseNextResponses(1);
        Invoice draft = drafts.draft("inv-1");

        assertThatThrownBy(() -> provider.issue(draft))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RETRYABLE));
        IssuedInvoice issued = provider.issue(draft);

        assertThat(issued.number()).isEqualTo("00000001");
        assertThat(provider.issued()).containsExactly(issued);
        assertThat(provider.script().calls("issue"))
                .extracting(FakeScript.Call::outcome)
                .containsExactly("ok", "ok");
    }

    @Test
    @DisplayName("a draft kept unsigned is DRAFT at the provider until the repeat issues it")
    void keptAsDraft_thenIssued() {
        provider.keepNextAsDraft("waiting for the signing certificate");
        Invoice draft = drafts.draft("inv-1");

        assertThatThrownBy(() -> provider.issue(draft)).isInstanceOf(ConnectorException.class);
        assertThat(provider.status("inv-1").state()).isEqualTo(ProviderInvoiceState.DRAFT);
        assertThat(provider.status("inv-1").reason()).contains("waiting for the signing certificate");

        IssuedInvoice issued = provider.issue(draft);

        assertThat(provider.status("inv-1").issued()).contains(issued);
    }

    @Test
    @DisplayName("a seller tax code that is not 10 digits is refused NOT_RETRYABLE, without the buyer's personal data")
    void badTaxCode_isRefused() {
        Invoice bad = Invoice.builder()
                .from(drafts.draft("inv-1"))
                .seller(InvoiceSeller.of("Shop", TaxCode.of("VN", "12345")))
                .build();

        assertThatThrownBy(() -> provider.issue(bad)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE);
            assertThat(e.getMessage())
                    .contains("tax code")
                    .doesNotContain("buyer@example.com")
                    .doesNotContain("Nguyen Van A");
        });
        assertThat(provider.issued()).isEmpty();
    }

    @Test
    @DisplayName("a provider without CANCEL refuses to cancel, recording the call")
    void undeclared_isRefusedAndRecorded() {
        FakeEInvoiceProvider issueOnly = new FakeEInvoiceProvider(
                "fake-einvoice", clock, Set.of(EInvoiceProvider.ISSUE, EInvoiceProvider.STATUS));
        IssuedInvoice issued = issueOnly.issue(drafts.draft("inv-1"));

        assertThatThrownBy(() -> issueOnly.cancel(new dev.omskit.connectors.einvoice.InvoiceCancellation(issued, "x")))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_RETRYABLE));
        assertThat(issueOnly.script().calls())
                .extracting(FakeScript.Call::operation)
                .containsExactly("issue", "cancel");
        assertThat(issueOnly.status("inv-1").state()).isEqualTo(ProviderInvoiceState.ISSUED);
    }
}
