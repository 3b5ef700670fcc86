package dev.omskit.routing.profile;

import static dev.omskit.routing.RoutingFixture.locations;
import static dev.omskit.routing.profile.ProfileDocs.oneProfile;
import static dev.omskit.routing.profile.ProfileDocs.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every problem in a document is reported, each at its document path with a code naming the bad value. */
class ProfileValidationTest {
    private static final String RATE_TABLES =
            """
            rateTables:
              standard:
                currency: VND
                zones: [{name: national, brackets: [{upToGrams: 500, price: 32000}]}]
            """;

    /** The only violation loading {@code yaml} gives. */
    private static Violation only(String yaml) {
        List<Violation> found = violations(yaml);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static AbstractObjectAssert<?, Violation> assertViolation(Violation v, String field, String code) {
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.code()).isEqualTo(code);
        return assertThat(v);
    }

    @Nested
    class UnknownRule {
        @Test
        void bareFilterName_misspelt_namesItSuggestsTheRuleAndListsTheKnownOnes() {
            Violation v = only(oneProfile("filters: [active, max-distanse]\nrankers: []\n"));

            assertViolation(v, "profiles.p.filters[1]", "UNKNOWN_RULE");
            assertThat(v.message())
                    .contains("'max-distanse'", "did you mean 'max-distance'", "has-stock", "sku-policies");
        }

        @Test
        void rankerEntry_withAnUnknownRule_isReportedAtItsRuleKey() {
            Violation v = only(oneProfile("filters: []\nrankers: [{rule: nearest, weight: 2}]\n"));

            assertViolation(v, "profiles.p.rankers[0].rule", "UNKNOWN_RULE");
            assertThat(v.message()).contains("'nearest'", "known rankers: [distance, location-kind");
        }

        @Test
        void filterUsedAsARanker_saysWhatItIs() {
            Violation v = only(oneProfile("filters: []\nrankers: [active]\n"));

            assertViolation(v, "profiles.p.rankers[0]", "UNKNOWN_RULE");
            assertThat(v.message()).contains("'active' is a filter, not a ranker");
        }
    }

    @Nested
    class UnknownField {
        @Test
        void misspeltRuleParameter_isReportedWithTheKnownOnes() {
            Violation v = only(oneProfile("filters: [{rule: max-distance, kmm: 300}]\nrankers: []\n"));

            assertViolation(v, "profiles.p.filters[0].kmm", "UNKNOWN_FIELD");
            assertThat(v.message()).contains("'kmm'", "did you mean 'km'", "known: [km]");
        }

        @Test
        void misspeltProfileSetting_isReported() {
            Violation v = only(oneProfile("maxShipment: 2\nfilters: []\nrankers: []\n"));

            assertViolation(v, "profiles.p.maxShipment", "UNKNOWN_FIELD");
            assertThat(v.message()).contains("'maxShipment'", "did you mean 'maxShipments'");
        }

        @Test
        void misspeltTopLevelKey_isReported() {
            Violation v = only(oneProfile("filters: []\nrankers: []\n") + "selector: []\n");

            assertViolation(v, "selector", "UNKNOWN_FIELD");
            assertThat(v.message()).contains("did you mean 'selectors'");
        }

        @Test
        void misspeltKeyDeepInARule_isReported() {
            Violation v = only(
                    oneProfile(
                            """
                    filters:
                      - rule: sku-policies
                        policies: [{name: engraving, lineAttribute: personalisation, locations: [WS-ENGRAVE], workInstruction: x}]
                    rankers: []
                    """));

            assertViolation(v, "profiles.p.filters[0].policies[0].workInstruction", "UNKNOWN_FIELD");
            assertThat(v.message()).contains("did you mean 'workInstructions'");
        }

        @Test
        void parameterOfARuleWithoutParameters_isReported() {
            Violation v = only(oneProfile("filters: [{rule: active, only: true}]\nrankers: []\n"));

            assertViolation(v, "profiles.p.filters[0].only", "UNKNOWN_FIELD");
            assertThat(v.message()).contains("rule 'active' takes no parameters", "'only'");
        }
    }

    @Test
    void notANumber_namesTheValue() {
        Violation v = only(oneProfile("filters: [{rule: max-distance, km: far}]\nrankers: []\n"));

        assertViolation(v, "profiles.p.filters[0].km", "NOT_A_NUMBER");
        assertThat(v.message()).isEqualTo("must be a number; was 'far'");
    }

    @Nested
    class OutOfRange {
        @Test
        void negativeKm_namesTheValue() {
            Violation v = only(oneProfile("filters: [active, {rule: max-distance, km: -5}]\nrankers: []\n"));

            assertViolation(v, "profiles.p.filters[1].km", "OUT_OF_RANGE");
            assertThat(v.message()).isEqualTo("must be a positive number; was -5");
        }

        @Test
        void negativeWeight_isReportedAtTheRankersWeight() {
            Violation v = only(oneProfile("filters: []\nrankers: [distance, {rule: priority, weight: -1}]\n"));

            assertViolation(v, "profiles.p.rankers[1].weight", "OUT_OF_RANGE");
            assertThat(v.message()).contains("was -1");
        }

        @Test
        void theEnginesOwnCheck_isMovedOntoTheDocumentPath() {
            Violation v = only(oneProfile("maxShipments: 0\nfilters: []\nrankers: []\n"));

            assertViolation(v, "profiles.p.maxShipments", "OUT_OF_RANGE");
            assertThat(v.message()).contains("was 0");
        }
    }

    @Test
    void unknownValue_namesTheValueAndListsTheAllowedOnes() {
        Violation v = only(oneProfile("strategy: FASTEST\nfilters: []\nrankers: []\n"));

        assertViolation(v, "profiles.p.strategy", "UNKNOWN_VALUE");
        assertThat(v.message()).contains("'FASTEST'", "allowed: [SINGLE_LOCATION, MINIMISE_SHIPMENTS]");
    }

    @Test
    void unknownValue_inAList_isReportedAtItsIndex() {
        Violation v = only(oneProfile("filters: []\nrankers: [{rule: location-kind, prefer: [STORE, SHOP]}]\n"));

        assertViolation(v, "profiles.p.rankers[0].prefer[1]", "UNKNOWN_VALUE");
        assertThat(v.message()).contains("'SHOP'", "STORE");
    }

    @Nested
    class UnknownProfile {
        @Test
        void selectorChoosingAnUndefinedProfile_isReported() {
            Violation v = only(oneProfile("filters: []\nrankers: []\n")
                    + "selectors: [{profile: q, channels: [web]}, {profile: pp, orderTypes: [b2b]}]\n"
                            .replace("profile: q", "profile: p"));

            assertViolation(v, "selectors[1].profile", "UNKNOWN_PROFILE");
            assertThat(v.message()).contains("'pp'", "did you mean 'p'", "defined: [p]");
        }

        @Test
        void undefinedDefaultProfile_isReported() {
            Violation v = only("defaultProfile: web\n" + oneProfile("filters: []\nrankers: []\n"));

            assertViolation(v, "defaultProfile", "UNKNOWN_PROFILE");
            assertThat(v.message()).contains("'web'");
        }
    }

    @Test
    void unknownRateTable_namesItAndTheDefinedOnes() {
        Violation v =
                only(RATE_TABLES + oneProfile("filters: []\nrankers: [{rule: shipping-cost, rateTable: express}]\n"));

        assertViolation(v, "profiles.p.rankers[0].rateTable", "UNKNOWN_RATE_TABLE");
        assertThat(v.message()).contains("'express'", "defined: [standard]");
    }

    @Test
    void brokenRateTable_isReportedOnce_notAgainWhereItIsNamed() {
        List<Violation> found = violations(RATE_TABLES.replace("currency: VND", "currency: XYZ")
                + oneProfile("filters: []\nrankers: [{rule: shipping-cost, rateTable: standard}]\n"));

        assertThat(found).singleElement().satisfies(v -> {
            assertViolation(v, "rateTables.standard.currency", "UNKNOWN_CURRENCY");
            assertThat(v.message()).contains("'XYZ'");
        });
    }

    @Nested
    class UnknownLocation {
        private final String doc = oneProfile(
                """
                filters:
                  - {rule: sku-policies, policies: [{name: engraving, lineAttribute: personalisation, locations: [WS-ENGRAV]}]}
                  - {rule: channel, locations: {shopee-vn: [WH-HCM, WH-SGN]}}
                rankers: []
                capacity: {WH-XX: {units: 10}}
                """);

        @Test
        void whenValidatingLocations_everyUnknownIdIsReportedWhereItIsNamed() {
            List<Violation> found = violations(ProfileLoader.defaults().validateLocations(locations()), doc);

            assertThat(found)
                    .extracting(Violation::field)
                    .containsExactly(
                            "profiles.p.filters[0].policies[0].locations[0]",
                            "profiles.p.filters[1].locations.shopee-vn[1]",
                            "profiles.p.capacity.WH-XX");
            assertThat(found).extracting(Violation::code).containsOnly("UNKNOWN_LOCATION");
            assertThat(found.get(0).message()).contains("'WS-ENGRAV'", "did you mean 'WS-ENGRAVE'");
            assertThat(found.get(2).message()).contains("'WH-XX'", "WH-HCM");
        }

        @Test
        void withoutValidatingLocations_theDocumentLoads() {
            assertThat(ProfileLoader.defaults().fromYaml(doc).profile("p").capacity())
                    .hasSize(1);
        }
    }

    @Nested
    class Required {
        @Test
        void missingRuleParameter_isReportedAtTheParameter() {
            Violation v = only(oneProfile("filters: [{rule: max-distance}]\nrankers: []\n"));

            assertViolation(v, "profiles.p.filters[0].km", "REQUIRED");
            assertThat(v.message()).contains("rule 'max-distance' needs 'km'");
        }

        @Test
        void emptyDocument_needsProfiles() {
            Violation v = only("");

            assertViolation(v, "profiles", "REQUIRED");
        }

        @Test
        void profileWithoutFiltersOrRankers_isReportedForEach() {
            List<Violation> found = violations(oneProfile("maxShipments: 2\n"));

            assertThat(found).extracting(Violation::field).containsExactly("profiles.p.filters", "profiles.p.rankers");
            assertThat(found).extracting(Violation::code).containsOnly("REQUIRED");
        }

        @Test
        void severalProfiles_needADefault() {
            Violation v = only("profiles:\n  a: {filters: [], rankers: []}\n  b: {filters: [], rankers: []}\n");

            assertViolation(v, "defaultProfile", "REQUIRED");
            assertThat(v.message()).contains("[a, b]");
        }

        @Test
        void entryObjectWithoutRule_isReportedAtRule() {
            Violation v = only(oneProfile("filters: [{km: 300}]\nrankers: []\n"));

            assertViolation(v, "profiles.p.filters[0].rule", "REQUIRED");
        }
    }

    @Test
    void wrongType_namesTheValue() {
        Violation v = only(oneProfile("filters: active\nrankers: []\n"));

        assertViolation(v, "profiles.p.filters", "WRONG_TYPE");
        assertThat(v.message()).isEqualTo("must be a list; was 'active'");
    }

    @Test
    void bracketsNotAscending_theEnginesCheck_isReportedAtTheBracket() {
        Violation v = only(
                """
                rateTables:
                  standard:
                    currency: VND
                    zones:
                      - {name: national, brackets: [{upToGrams: 2000, price: 45000}, {upToGrams: 500, price: 32000}]}
                """
                        + oneProfile("filters: []\nrankers: [{rule: shipping-cost, rateTable: standard}]\n"));

        assertViolation(v, "rateTables.standard.zones[0].brackets[1].upToGrams", "NOT_ASCENDING");
        assertThat(v.message()).contains("500 g follows 2000 g");
    }

    @Test
    void selectorEndingBeforeItStarts_theEnginesCheck_isReportedAtTheSelector() {
        Violation v = only(
                oneProfile("filters: []\nrankers: []\n")
                        + "selectors: [{profile: p, effectiveFrom: 2026-12-01T00:00:00Z, effectiveUntil: 2026-11-01T00:00:00Z}]\n");

        assertViolation(v, "selectors[0].effectiveUntil", "BEFORE_FROM");
    }

    @Nested
    class Malformed {
        @Test
        void json_namesTheLineAndColumn() {
            AtomicReference<InvalidArgumentException> thrown = new AtomicReference<>();
            assertThatThrownBy(() -> ProfileLoader.defaults().fromJson("{\"profiles\": {\n  \"p\": }\n}"))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, thrown::set);

            assertThat(thrown.get().violations()).singleElement().satisfies(v -> {
                assertViolation(v, "document", "MALFORMED");
                assertThat(v.message()).contains("not valid JSON at line 2, column 8", "'}'");
            });
        }

        @Test
        void yaml_namesTheLineAndColumn() {
            Violation v = only("profiles:\n  p:\n    filters: [active\n    rankers: []\n");

            assertViolation(v, "document", "MALFORMED");
            assertThat(v.message()).contains("not valid YAML at line 4");
        }

        @Test
        void duplicateKey_isMalformed() {
            Violation v = only(oneProfile("filters: []\nrankers: []\nrankers: [priority]\n"));

            assertViolation(v, "document", "MALFORMED");
            assertThat(v.message()).contains("Duplicate field 'rankers'", "line 5");
        }

        @Test
        void yamlAlias_isRefusedRatherThanReadAsItsName() {
            Violation v = only(oneProfile("filters: &base [active]\nrankers: *base\n"));

            assertViolation(v, "document", "MALFORMED");
            assertThat(v.message()).contains("aliases (*base)", "line 4");
        }
    }

    @Test
    void manyProblems_areAllReported_inDocumentOrder() {
        List<Violation> found = violations(
                """
                defaultProfile: web
                rateTables:
                  standard: {currency: VND, zones: [{name: z, brackets: [{upToGrams: 0, price: 1}]}]}
                profiles:
                  web:
                    strategy: FASTEST
                    filters: [active, {rule: max-distance, km: -5}, nope]
                    rankers: [{rule: priority, weight: x}, {rule: shipping-cost, rateTable: express}]
                    capacity: {WH-HCM: {units: -1}}
                  b2b:
                    maxShipments: 0
                    filters: [active]
                    rankers: [priority]
                selectors:
                  - {profile: b2c, orderTypes: [b2b], channelKinds: [SHOP]}
                  - {profile: b2b, effectiveFrom: tomorrow}
                """);

        assertThat(found)
                .extracting(v -> v.field() + " " + v.code())
                .containsExactly(
                        "rateTables.standard.zones[0].brackets[0].upToGrams OUT_OF_RANGE",
                        "profiles.web.strategy UNKNOWN_VALUE",
                        "profiles.web.filters[1].km OUT_OF_RANGE",
                        "profiles.web.filters[2] UNKNOWN_RULE",
                        "profiles.web.rankers[0].weight NOT_A_NUMBER",
                        "profiles.web.rankers[1].rateTable UNKNOWN_RATE_TABLE",
                        "profiles.web.capacity.WH-HCM.units OUT_OF_RANGE",
                        "profiles.b2b.maxShipments OUT_OF_RANGE",
                        "selectors[0].profile UNKNOWN_PROFILE",
                        "selectors[0].channelKinds[0] UNKNOWN_VALUE",
                        "selectors[1].effectiveFrom NOT_A_TIMESTAMP");
    }

    @Test
    void theExceptionMessage_namesEveryPathAndValue() {
        assertThatThrownBy(
                        () -> ProfileLoader.defaults()
                                .fromYaml(
                                        oneProfile(
                                                "filters: [{rule: max-distance, km: -5}]\nrankers: [{rule: distance, tieBucket: -2}]\n")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("2 problems: profiles.p.filters[0].km: must be a positive number; was -5; "
                        + "profiles.p.rankers[0].tieBucket: must be 0 or more; was -2");
    }
}
