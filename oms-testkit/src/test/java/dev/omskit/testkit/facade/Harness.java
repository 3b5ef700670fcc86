package dev.omskit.testkit.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Oms;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An {@link Oms} on {@link InMemoryStorage} with a {@link ManualClock}, {@link SequentialIds} and a listener
 * that records every delivered event, plus shortcuts the facade tests share.
 */
final class Harness {
    static final String START = "2026-11-11T08:00:00Z";

    final InMemoryStorage storage = InMemoryStorage.create();
    final ManualClock clock = ManualClock.at(START);
    final List<OrderEvent> delivered = new CopyOnWriteArrayList<>();
    final Oms oms;

    private Harness(Consumer<Oms.Builder> customizer) {
        Oms.Builder builder = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .listener(delivered::add);
        customizer.accept(builder);
        this.oms = builder.build();
    }

    /** The default facade. */
    static Harness create() {
        return new Harness(b -> {});
    }

    /** A facade with extra builder settings (config, lifecycles, registry, listeners). */
    static Harness create(Consumer<Oms.Builder> customizer) {
        return new Harness(customizer);
    }

    /** Captures the default fixture order (2 x SKU-1, paid) for {@link OrderFixtures#TENANT}. */
    Order capture() {
        return capture(b -> b);
    }

    /** Captures the fixture order adjusted by {@code adjust}. */
    Order capture(UnaryOperator<CaptureOrder.Builder> adjust) {
        return oms.capture(adjust.apply(OrderFixtures.capture()).build()).order();
    }

    Order transition(Order order, Trigger trigger) {
        return oms.transition(OrderFixtures.transition(order, trigger));
    }

    Order placeHold(Order order, HoldType type) {
        return oms.placeHold(PlaceHold.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("agent-1"))
                .type(type)
                .reason("check " + type)
                .build());
    }

    Order releaseHold(Order order, HoldType type) {
        return oms.releaseHold(ReleaseHold.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.agent("agent-1"))
                .type(type)
                .note("checked " + type)
                .build());
    }

    /** The order as stored now. */
    Order reload(Order order) {
        return oms.get(order.tenant(), order.id());
    }

    /** The order's trail as stored now. */
    List<OrderEvent> trail(Order order) {
        return storage.events().trail(order.tenant(), order.id());
    }

    /** Ids of the events the listener received, in delivery order. */
    List<String> deliveredIds() {
        return delivered.stream().map(e -> e.header().eventId()).toList();
    }

    /** Asserts the storage holds no order of {@code tenant}, the outbox is empty and no event was delivered. */
    void assertNothingStoredOrEmitted(TenantId tenant) {
        assertThat(storage.orderCount(tenant)).as("orders stored").isZero();
        assertThat(storage.pendingOutboxSize()).as("pending outbox entries").isZero();
        assertThat(delivered).as("events delivered to the listener").isEmpty();
    }

    /** Asserts the order, its trail and the outbox are as they were, and nothing more was delivered. */
    void assertUnchanged(Order before, int deliveredBefore) {
        assertThat(reload(before)).isEqualTo(before);
        assertThat(trail(before)).hasSize((int) before.version());
        assertThat(storage.pendingOutboxSize()).as("pending outbox entries").isZero();
        assertThat(delivered).as("events delivered to the listener").hasSize(deliveredBefore);
    }
}
