package dev.omskit.routing.profile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingFixture;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Small profile documents for tests: one profile named {@code p}, written as YAML. */
final class ProfileDocs {
    private ProfileDocs() {}

    /** A document whose only profile {@code p} has this YAML body. */
    static String oneProfile(String body) {
        return "profiles:\n  p:\n" + body.stripIndent().indent(4);
    }

    /** The profile {@code p} loaded from its YAML body. */
    static RoutingProfile profile(String body) {
        return ProfileLoader.defaults().fromYaml(oneProfile(body)).profile("p");
    }

    /** Routes with the profile {@code p} of this YAML body, at the fixture's time. */
    static RoutingDecision route(String body, RoutingRequest request, RoutingInput input) {
        RoutingProfiles profiles = ProfileLoader.defaults().fromYaml(oneProfile(body));
        return Router.builder()
                .profiles(profiles)
                .clock(RoutingFixture.CLOCK)
                .build()
                .route(request, input);
    }

    /** The violations loading this YAML document throws. */
    static List<Violation> violations(ProfileLoader loader, String yaml) {
        AtomicReference<List<Violation>> found = new AtomicReference<>();
        assertThatThrownBy(() -> loader.fromYaml(yaml))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> found.set(e.violations()));
        return found.get();
    }

    /** The violations loading this YAML document with the built-in rules throws. */
    static List<Violation> violations(String yaml) {
        return violations(ProfileLoader.defaults(), yaml);
    }
}
