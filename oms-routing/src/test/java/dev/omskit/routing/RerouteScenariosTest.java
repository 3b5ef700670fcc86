package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.ScenarioSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.routing.profile.RoutingProfile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Re-routing the units a location gives back, keeping every other assignment of the decision. */
class RerouteScenariosTest {
    private final Router router = router(RoutingProfile.defaults());

    @Nested
    class LocationRejects {
        // WH-HCM {l1, l2} and WH-HN {l1, l3} cover the order: l1 and l2 from WH-HCM, l3 from WH-HN
        private final RoutingInput input = input().available(TEE, WH_HCM, 5)
                .available(MUG, WH_HCM, 5)
                .available(TEE, WH_HN, 5)
                .available(CAP, WH_HN, 5)
                .available(MUG, WH_DN, 5)
                .build();
        private final RoutingDecision first = router.route(
                request(line("l1", TEE, 2), line("l2", MUG, 1), line("l3", CAP, 1))
                        .build(),
                input);

        @Test
        void reroute_locationRejects_itsUnitsGoElsewhereAndTheOtherAssignmentsStand() {
            assertThat(first.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()),
                            new Assignment("l2", MUG, WH_HCM, 1, Optional.empty()),
                            new Assignment("l3", CAP, WH_HN, 1, Optional.empty()));

            RoutingDecision d = router.reroute(first, WH_HCM, "rejected: forklift down", input);

            assertThat(d.assignments())
                    .containsExactlyInAnyOrder(
                            new Assignment("l3", CAP, WH_HN, 1, Optional.empty()),
                            new Assignment("l1", TEE, WH_HN, 2, Optional.empty()),
                            new Assignment("l2", MUG, WH_DN, 1, Optional.empty()));
            assertThat(d.isComplete()).isTrue();
            assertThat(d.shipmentCount()).isEqualTo(2);
            assertThat(d.assignments()).noneMatch(a -> a.location().equals(WH_HCM));
            LocationVerdict hcm = verdict(d, WH_HCM);
            assertThat(hcm.excludedBy()).contains("excluded");
            assertThat(hcm.reason()).isEqualTo("rejected: forklift down");
            assertThat(d.explanation().notes())
                    .first()
                    .isEqualTo("re-routed {l1=2, l2=1} from WH-HCM (rejected: forklift down); 1 other assignment(s)"
                            + " stand");
            assertThat(d.explanation().summary()).startsWith("Re-Routing o-1");
            assertThat(d.request().excluded()).containsEntry(WH_HCM, "rejected: forklift down");
            assertThat(d.request().lines()).isEqualTo(first.request().lines());
            assertThat(d.profile()).isEqualTo("default");
        }

        @Test
        void reroute_locationThatKeepsItsAssignments_isChosenInTheExplanationWithWhatItKeeps() {
            RoutingDecision d = router.reroute(first, WH_HCM, "rejected: forklift down", input);

            LocationVerdict hn = verdict(d, WH_HN);
            assertThat(hn.chosen()).isTrue();
            assertThat(hn.lineNotes()).contains("keeps 1x CAP-RED for line l3 from the previous decision");
            assertThat(verdict(d, WH_HCM).chosen()).isFalse();
        }

        @Test
        void reroute_twice_excludesBothLocations() {
            RoutingDecision second = router.reroute(first, WH_HCM, "rejected: forklift down", input);

            RoutingDecision third = router.reroute(second, WH_DN, "rejected: no packer", input);

            assertThat(third.request().excluded()).containsOnlyKeys(WH_HCM, WH_DN);
            assertThat(verdict(third, WH_HCM).excludedBy()).contains("excluded");
            assertThat(verdict(third, WH_DN).reason()).isEqualTo("rejected: no packer");
            assertThat(third.unfulfilled()).containsOnly(Map.entry("l2", 1));
            assertThat(third.assignedUnits("l1")).isEqualTo(2);
            assertThat(third.assignedUnits("l3")).isEqualTo(1);
        }

        @Test
        void reroute_locationThatShipsNothing_isRejectedNamingIt() {
            assertThatThrownBy(() -> router.reroute(first, WH_DN, "rejected", input))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of(
                                    "location", "NOT_ASSIGNED", "decision for o-1 ships nothing from WH-DN")));
        }
    }

    @Nested
    class ShortPick {
        private final RoutingInput before =
                input().available(TEE, WH_HCM, 5).available(TEE, WH_HN, 5).build();
        private final RoutingDecision first =
                router.route(request(line("l1", TEE, 4)).build(), before);

        @Test
        void reroute_shortPickOfSomeUnits_keepsTheRestAtTheLocationAndSourcesTheMissingOnes() {
            assertThat(first.assignments()).containsExactly(new Assignment("l1", TEE, WH_HCM, 4, Optional.empty()));
            RoutingInput counted =
                    input().available(TEE, WH_HCM, 0).available(TEE, WH_HN, 5).build();

            RoutingDecision d =
                    router.reroute(first, WH_HCM, Map.of("l1", 1), "short pick: 1 of TEE-BLK-M missing", counted);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 3, Optional.empty()),
                            new Assignment("l1", TEE, WH_HN, 1, Optional.empty()));
            assertThat(d.assignedUnits("l1")).isEqualTo(4);
            assertThat(d.isComplete()).isTrue();
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("excluded");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("short pick: 1 of TEE-BLK-M missing");
            assertThat(verdict(d, WH_HN).chosen()).isTrue();
            assertThat(d.explanation().notes())
                    .first()
                    .isEqualTo("re-routed {l1=1} from WH-HCM (short pick: 1 of TEE-BLK-M missing); 1 other"
                            + " assignment(s) stand");
        }

        @Test
        void reroute_givingBackMoreThanAssigned_isRejectedNamingTheLine() {
            assertThatThrownBy(() -> router.reroute(first, WH_HCM, Map.of("l1", 5), "short pick", before))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .containsExactly(Violation.of(
                                    "units.l1",
                                    "OUT_OF_RANGE",
                                    "line 'l1' had 4 unit(s) at WH-HCM; cannot give back 5")));
        }

        @Test
        void reroute_givingBackFromALocationTheLineIsNotAt_isRejectedNamingTheLine() {
            assertThatThrownBy(() -> router.reroute(first, WH_HN, Map.of("l1", 1), "short pick", before))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("units.l1")
                    .hasMessageContaining("line 'l1' had 0 unit(s) at WH-HN; cannot give back 1");
        }

        @Test
        void reroute_givingBackZeroUnits_isRejected() {
            assertThatThrownBy(() -> router.reroute(first, WH_HCM, Map.of("l1", 0), "short pick", before))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("cannot give back 0");
        }

        @Test
        void reroute_givingBackNothing_isRejected() {
            assertThatThrownBy(() -> router.reroute(first, WH_HCM, Map.of(), "short pick", before))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("units"));
        }
    }

    @Nested
    class NowhereElse {
        @Test
        void reroute_noOtherLocationHasStock_leavesTheUnitsUnfulfilledAndKeepsTheRest() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(MUG, WH_HCM, 5).build();
            RoutingDecision first =
                    router.route(request(line("l1", TEE, 2), line("l2", MUG, 1)).build(), input);

            RoutingDecision d = router.reroute(first, WH_HCM, Map.of("l2", 1), "short pick: MUG-WHT broken", input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l2", 1));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l2 (MUG-WHT): 1 of 1 unit(s) unassigned; no location is a candidate");
            assertThat(d.request().lines()).extracting(RoutingLine::ref).containsExactly("l1", "l2");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("short pick: MUG-WHT broken");
            assertThat(d.explanation().notes())
                    .contains("line l2 (MUG-WHT): 1 of 1 unit(s) unassigned; no location is a candidate");
        }
    }
}
