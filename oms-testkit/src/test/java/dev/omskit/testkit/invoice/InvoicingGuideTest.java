package dev.omskit.testkit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.invoice.InvoiceLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the invoicing guide honest: it shows the diagram the lifecycle exports. */
class InvoicingGuideTest {
    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/guides/invoicing.md");

    @Test
    void guide_showsTheExportedInvoiceLifecycle() throws Exception {
        String mermaid = InvoiceLifecycle.get().toMermaid();
        String body = mermaid.substring(mermaid.indexOf("stateDiagram-v2"));
        assertThat(Files.readString(GUIDE)).contains("```mermaid\n" + body + "```");
    }

    @Test
    void guide_namesEveryErrorCode() throws Exception {
        assertThat(Files.readString(GUIDE))
                .contains(
                        "INVALID_TAX_CODE",
                        "ALREADY_INVOICED",
                        "NOTHING_TO_INVOICE",
                        "SELLER_NOT_CONFIGURED",
                        "EXCEEDS_INVOICED",
                        "NOT_INVOICED",
                        "NOT_ADJUSTABLE",
                        "REPLACEMENT_PENDING",
                        "ILLEGAL_TRANSITION",
                        "DuplicateReferenceException");
    }
}
