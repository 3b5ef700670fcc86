package dev.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.order.OrderLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the docs honest: the README shows the diagram the library exports and the two commands CI uses. */
class DocsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void readme_showsTheExportedDefaultLifecycle() throws Exception {
        String mermaid = OrderLifecycle.defaults().toMermaid();
        String body = mermaid.substring(mermaid.indexOf("stateDiagram-v2"));
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("```mermaid\n" + body);
    }

    @Test
    void inventoryGuide_showsTheExportedPurchaseOrderLifecycle() throws Exception {
        String mermaid = dev.omskit.core.inventory.PurchaseOrderLifecycle.get().toMermaid();
        String body = mermaid.substring(mermaid.indexOf("stateDiagram-v2"));
        assertThat(Files.readString(ROOT.resolve("docs/guides/inventory.md"))).contains("```mermaid\n" + body);
    }

    @Test
    void lifecycleGuide_showsTheExportedPaymentLifecycle() throws Exception {
        String mermaid = OrderLifecycle.defaultPayment().toMermaid();
        String body = mermaid.substring(mermaid.indexOf("stateDiagram-v2"));
        assertThat(Files.readString(ROOT.resolve("docs/guides/lifecycle.md"))).contains("```mermaid\n" + body);
    }

    @Test
    void readme_quickStartIsTheCompiledExample() throws Exception {
        String source = Files.readString(Path.of("src/main/java/dev/omskit/examples/QuickStart.java"));
        String snippet = source.substring(
                source.indexOf('\n', source.indexOf("--- quick start (README) ---")) + 1,
                source.indexOf("        // --- end of quick start ---"));
        String unindented = snippet.lines()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains(unindented);
    }

    @Test
    void ciScript_runsTheReadmeTestCommand() throws Exception {
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("| run all tests | `mvn -B verify` |");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\nmvn -B verify\n");
    }
}
