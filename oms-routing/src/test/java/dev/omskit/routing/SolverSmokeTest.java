package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.routing.profile.RoutingProfile;
import org.junit.jupiter.api.Test;

class SolverSmokeTest {
    @Test
    void route_prefersOneShipment_andExplains() {
        RoutingInput input = input().available(TEE, WH_HCM, 5)
                .available(MUG, WH_HN, 5)
                .available(TEE, WH_HN, 5)
                .available(MUG, WH_HCM, 1)
                .build();
        RoutingDecision d = router(RoutingProfile.defaults())
                .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);
        System.out.println(d.explanation().toText());
        assertThat(d.shipmentCount()).isEqualTo(1);
        assertThat(d.assignments()).allMatch(a -> a.location().equals(WH_HN));
        assertThat(d.isComplete()).isTrue();
    }

    @Test
    void route_splitsWhenForced() {
        RoutingInput input = input().available(TEE, WH_HCM, 5)
                .available(MUG, WH_HN, 5)
                .available(CAP, ST_Q1, 3)
                .build();
        RoutingDecision d = router(RoutingProfile.defaults())
                .route(
                        request(line("l1", TEE, 2), line("l2", MUG, 2), line("l3", CAP, 5), line("l4", GAS, 1))
                                .build(),
                        input);
        System.out.println(d.explanation().toText());
        assertThat(d.shipmentCount()).isEqualTo(3);
        assertThat(d.unfulfilled()).containsEntry("l3", 2).containsEntry("l4", 1);
    }
}
