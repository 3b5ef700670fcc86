package dev.omskit.testkit;

import static dev.omskit.testkit.OmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.CaptureResult;
import dev.omskit.core.Oms;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OmsSmokeTest {
    @Test
    void capture_thenWholeLifecycle_recordsEveryStepInTheTrail() {
        List<String> seen = new ArrayList<>();
        Oms oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(ManualClock.at("2026-11-11T00:00:00Z"))
                .idGenerator(SequentialIds.create())
                .listener(e -> seen.add(e.header().eventId()))
                .build();
        CaptureResult captured = oms.capture(OrderFixtures.capture().build());
        Order order = captured.order();
        assertThat(captured.created()).isTrue();
        assertThat(order).hasStatus("CREATED").hasVersion(1).hasUnits("L1", OrderStages.CREATED, 2);
        order = oms.transition(OrderFixtures.transition(order, OrderTriggers.ALLOCATE));
        order = oms.transition(OrderFixtures.transition(order, OrderTriggers.RELEASE));
        order = oms.transition(OrderFixtures.transition(order, OrderTriggers.SHIP, "L1", 1));
        assertThat(order).hasStatus("PARTIALLY_SHIPPED");
        order = oms.transition(OrderFixtures.transition(order, OrderTriggers.SHIP));
        order = oms.transition(OrderFixtures.transition(order, OrderTriggers.DELIVER));
        assertThat(order).hasStatus("DELIVERED").hasVersion(6);
        assertThat(oms.auditTrail(order.tenant(), order.id())).hasSize(6);
        assertThat(seen).containsExactly("o-1/1", "o-1/2", "o-1/3", "o-1/4", "o-1/5", "o-1/6");
        assertThat(order.totals().total()).isEqualTo(OrderFixtures.vnd(220_000));
    }
}
