package dev.omskit.core.fulfilment;

import static dev.omskit.core.fulfilment.FulfilmentRequestLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.lifecycle.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FulfilmentRequestLifecycleTest {
    @Test
    void everyTransition_exactly() {
        List<String> table = get().transitions().stream()
                .map(FulfilmentRequestLifecycleTest::row)
                .toList();
        assertThat(table)
                .containsExactly(
                        "REQUESTED ACCEPT ACCEPTED",
                        "ACCEPTED PICK PICKED",
                        "PICKED PACK PACKED",
                        "PACKED SHIP SHIPPED",
                        "REQUESTED REJECT REJECTED",
                        "ACCEPTED REJECT REJECTED",
                        "REQUESTED CANCEL CANCELLED",
                        "ACCEPTED CANCEL CANCELLED");
        assertThat(get().initialStates()).containsExactly(REQUESTED);
        assertThat(get().finalStates()).containsExactlyInAnyOrder(SHIPPED, REJECTED, CANCELLED);
    }

    @Test
    void liveStates() {
        assertThat(isLive(REQUESTED)).isTrue();
        assertThat(isLive(SHIPPED)).isTrue();
        assertThat(isLive(REJECTED)).isFalse();
        assertThat(isLive(CANCELLED)).isFalse();
    }

    static String row(Transition<?> t) {
        return t.from() + " " + t.trigger() + " " + t.to();
    }
}
