package dev.omskit.routing.profile;

import static dev.omskit.routing.RoutingFixture.locations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omskit.core.error.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/guides/routing.md honest: its document loads, and its sample errors are what loading says. */
class RoutingGuideTest {
    private static final Path GUIDE = Path.of("../docs/guides/routing.md");

    private static String guide() throws Exception {
        return Files.readString(GUIDE);
    }

    @Test
    void theDocumentInTheGuide_loads() throws Exception {
        String text = guide();
        int start = text.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = text.substring(start, text.indexOf("```", start));

        RoutingProfiles profiles =
                ProfileLoader.defaults().validateLocations(locations()).fromYaml(yaml);

        assertThat(profiles.profiles().keySet()).containsExactly("web", "marketplace", "b2b", "vip");
        assertThat(profiles.selectors()).hasSize(3);
    }

    @Test
    void theSampleErrorsInTheGuide_areWhatLoadingReports() throws Exception {
        String text = guide();
        InvalidArgumentException e = catchThrowableOfType(
                () -> ProfileLoader.defaults()
                        .fromYaml(
                                """
                                profiles:
                                  web:
                                    filters: [active, delivery, capacity, {rule: max-distance, km: -5}, has-stok]
                                    rankers: [distance, {rule: priority, wieght: 2}]
                                  marketplace: {filters: [], rankers: []}
                                defaultProfile: web
                                selectors: [{profile: marketplac}]
                                """),
                InvalidArgumentException.class);

        assertThat(e.violations()).hasSize(4);
        e.violations().forEach(v -> {
            String line = v.toString();
            String shown = line.contains("UNKNOWN_RULE") ? line.substring(0, line.indexOf(';')) : line;
            assertThat(text).contains(shown);
        });
    }
}
