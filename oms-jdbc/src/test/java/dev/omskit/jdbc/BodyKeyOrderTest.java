package dev.omskit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Oms;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.spi.OmsStorage;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stored bodies keep the order of ordered maps")
class BodyKeyOrderTest {
    @Test
    @DisplayName("a line's units by stage read back from PostgreSQL in the order core wrote them, as in memory")
    void unitsByStage_readBackInTheOrderWritten() {
        List<State> inMemory = stagesAfterPartialCancel(InMemoryStorage.create());
        List<State> onPostgres = stagesAfterPartialCancel(new JdbcOrderStorage(Database.of(TestDatabase.fresh())));

        // jsonb would have read these back shortest key first: RELEASED before CANCELLED
        assertThat(inMemory).containsExactly(State.of("CANCELLED"), State.of("RELEASED"));
        assertThat(onPostgres).containsExactlyElementsOf(inMemory);
    }

    private static List<State> stagesAfterPartialCancel(OmsStorage storage) {
        Oms oms = Oms.builder().storage(storage).build();
        Order order = oms.capture(OrderFixtures.capture()
                        .lines(List.of(OrderFixtures.line("SKU-1", 2, 100_000)))
                        .build())
                .order();
        order = oms.transition(OrderFixtures.transition(order, OrderTriggers.ALLOCATE));
        oms.cancel(CancelOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("test"))
                .putLines(LineId.of("L1"), 1)
                .reason("one unit")
                .build());
        oms.transition(OrderFixtures.transition(oms.get(order.tenant(), order.id()), OrderTriggers.RELEASE));
        Order read = oms.get(order.tenant(), order.id());
        return List.copyOf(read.lines().get(0).quantities().byStage().keySet());
    }
}
