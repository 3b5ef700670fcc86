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
    void ciScript_runsTheReadmeTestCommand() throws Exception {
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("| run all tests | `mvn -B verify` |");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\nmvn -B verify\n");
    }
}
