package dev.omskit.routing.profile;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.rule.LocationFilter;
import dev.omskit.routing.rule.Ranker;
import dev.omskit.routing.rule.RoutingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
    /** A custom filter: only locations whose priority is at most {@code max}. */
    record MaxPriority(int max) implements LocationFilter {
        @Override
        public String name() {
            return "max-priority";
        }

        @Override
        public boolean admits(RoutingContext context, int location) {
            return context.location(location).priority() <= max;
        }

        @Override
        public String reason(RoutingContext context, int location) {
            return "priority " + context.location(location).priority() + " is worse than " + max;
        }
    }

    /** A custom ranker: locations in {@code city} first. */
    record CityFirst(String city) implements Ranker {
        @Override
        public String name() {
            return "city-first";
        }

        @Override
        public double cost(RoutingContext context, int location) {
            return context.location(location).address().city().equals(city) ? 0 : 1;
        }

        @Override
        public String describe(RoutingContext context, int location, double cost) {
            return cost == 0 ? "in " + city : "not in " + city;
        }
    }

    private static final RuleRegistry CUSTOM = RuleRegistry.builder()
            .from(RuleRegistry.defaults())
            .filter("max-priority", params -> new MaxPriority(params.positiveInteger("max")))
            .ranker("city-first", params -> new CityFirst(params.string("city")))
            .build();

    @Test
    void defaults_knowEveryBuiltInRule() {
        assertThat(RuleRegistry.defaults().filterNames())
                .containsExactlyInAnyOrder(
                        "active",
                        "delivery",
                        "capacity",
                        "has-stock",
                        "same-country",
                        "countries",
                        "max-distance",
                        "channel",
                        "sku-restrictions",
                        "sku-policies");
        assertThat(RuleRegistry.defaults().rankerNames())
                .containsExactlyInAnyOrder("distance", "priority", "shipping-cost", "stock-depth", "location-kind");
    }

    @Test
    void customRules_registeredInJava_areUsedByName() {
        RoutingProfiles profiles = ProfileLoader.with(CUSTOM)
                .fromYaml(
                        ProfileDocs.oneProfile(
                                """
                        filters: [{rule: max-priority, max: 5}, has-stock]
                        rankers: [{rule: city-first, city: Ho Chi Minh City}, priority]
                        """));
        RoutingDecision d = Router.builder()
                .profiles(profiles)
                .clock(CLOCK)
                .build()
                .route(
                        request(line("l1", TEE, 1)).build(),
                        input().available(TEE, WH_HCM, 5)
                                .available(TEE, ST_Q7, 5)
                                .available(TEE, WORKSHOP, 5)
                                .build());

        assertThat(d.explanation().verdict(WORKSHOP).orElseThrow().excludedBy()).contains("max-priority");
        assertThat(d.assignments())
                .singleElement()
                .extracting(a -> a.location())
                .isEqualTo(ST_Q7);
        assertThat(d.explanation().toText()).contains("city-first: in Ho Chi Minh City");
    }

    @Test
    void customRule_withAKeyItNeverReads_reportsTheKeyAsUnknown() {
        List<Violation> violations = ProfileDocs.violations(
                ProfileLoader.with(CUSTOM),
                ProfileDocs.oneProfile("filters: [{rule: max-priority, max: 5, min: 1}]\nrankers: []\n"));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("profiles.p.filters[0].min");
            assertThat(v.code()).isEqualTo("UNKNOWN_FIELD");
            assertThat(v.message()).contains("'min'", "[max]");
        });
    }

    @Test
    void customRule_throwingForARelativeField_isReportedAtTheEntrysPath() {
        RuleRegistry registry = RuleRegistry.builder()
                .filter("strict", params -> {
                    throw InvalidArgumentException.of("level", "OUT_OF_RANGE", "level must be 1 to 3; was 7");
                })
                .build();

        List<Violation> violations = ProfileDocs.violations(
                ProfileLoader.with(registry), ProfileDocs.oneProfile("filters: [strict]\nrankers: []\n"));

        assertThat(violations)
                .containsExactly(
                        Violation.of("profiles.p.filters[0].level", "OUT_OF_RANGE", "level must be 1 to 3; was 7"));
    }

    @Test
    void customRule_unknownToTheDefaults_isAnUnknownRule() {
        List<Violation> violations = ProfileDocs.violations(
                ProfileDocs.oneProfile("filters: [{rule: max-priority, max: 5}]\nrankers: []\n"));

        assertThat(violations).singleElement().extracting(Violation::code).isEqualTo("UNKNOWN_RULE");
    }

    @Test
    void registeringANameTwice_isADuplicateRule() {
        RuleRegistry.Builder builder = RuleRegistry.builder().from(RuleRegistry.defaults());

        assertThatThrownBy(() -> builder.filter("active", params -> new MaxPriority(1)))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.code()).isEqualTo("DUPLICATE_RULE");
                            assertThat(v.message()).contains("'active'", "filter");
                        }));
        assertThatThrownBy(() -> builder.ranker("max-distance", params -> new CityFirst("Hanoi")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'max-distance' is already registered as a filter");
    }
}
