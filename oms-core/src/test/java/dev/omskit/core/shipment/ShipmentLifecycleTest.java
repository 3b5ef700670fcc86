package dev.omskit.core.shipment;

import static dev.omskit.core.shipment.ShipmentLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentLifecycleTest {
    @Test
    void everyTransition_exactly() {
        assertThat(get().transitions().stream()
                        .map(t -> t.from() + " " + t.trigger() + " " + t.to())
                        .toList())
                .containsExactly(
                        "CREATED LABEL LABELLED",
                        "LABELLED HAND_OVER HANDED_OVER",
                        "HANDED_OVER DEPART IN_TRANSIT",
                        "IN_TRANSIT DISPATCH OUT_FOR_DELIVERY",
                        "OUT_FOR_DELIVERY DELIVER DELIVERED",
                        "OUT_FOR_DELIVERY FAIL_DELIVERY DELIVERY_FAILED",
                        "DELIVERY_FAILED REATTEMPT OUT_FOR_DELIVERY",
                        "DELIVERY_FAILED RETURN_TO_SENDER RETURNING",
                        "RETURNING COMPLETE_RETURN RETURNED_TO_SENDER",
                        "CREATED CANCEL CANCELLED",
                        "LABELLED CANCEL CANCELLED");
        assertThat(get().finalStates()).containsExactlyInAnyOrder(DELIVERED, RETURNED_TO_SENDER, CANCELLED);
    }

    @Test
    void path_walksForwardThroughUnreportedStates_neverBack() {
        assertThat(path(HANDED_OVER, DELIVERED)).contains(List.of(DEPART, DISPATCH, DELIVER));
        assertThat(path(DELIVERY_FAILED, DELIVERED)).contains(List.of(REATTEMPT, DELIVER));
        assertThat(path(OUT_FOR_DELIVERY, RETURNED_TO_SENDER))
                .contains(List.of(FAIL_DELIVERY, RETURN_TO_SENDER, COMPLETE_RETURN));
        assertThat(path(LABELLED, HANDED_OVER)).contains(List.of(HAND_OVER));
        assertThat(path(DELIVERED, IN_TRANSIT)).isEmpty();
        assertThat(path(CREATED, HANDED_OVER))
                .as("no label, no hand-over by a scan")
                .isEmpty();
        assertThat(path(LABELLED, CANCELLED)).isEmpty();
        assertThat(path(IN_TRANSIT, IN_TRANSIT)).contains(List.of());
    }

    @Test
    void everyTrackingStatusMapsToAState() {
        for (TrackingStatus s : TrackingStatus.values()) {
            assertThat(get().contains(s.state())).isTrue();
        }
    }
}
