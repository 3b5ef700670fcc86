package dev.omskit.examples;

import dev.omskit.core.Oms;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OrderEventListener;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.List;

/** The README's quick start, compiled and run by a test so that the snippet never rots. */
public final class QuickStart {
    private QuickStart() {}

    /** Captures a marketplace order, allocates it and returns its audit trail. */
    public static List<AuditEntry> run(OrderEventListener notifier, Address address) {
        // --- quick start (README) ---
        Oms oms = Oms.builder()
                .storage(InMemoryStorage.create()) // storage is always chosen explicitly
                .listener(notifier) // fed from the outbox, at least once
                .build();

        Order order = oms.capture(CaptureOrder.builder()
                        .tenant(TenantId.of("saigon-sneakers"))
                        .channel(Channel.of("shopee-vn", ChannelKind.MARKETPLACE))
                        .channelOrderId("SP-240001")
                        .actor(Actor.channel(ChannelId.of("shopee-vn")))
                        .buyer(Buyer.named("le.hoang"))
                        .shippingAddress(address)
                        .currency("VND")
                        .addLines(LineInput.of("SNK-RUN-41", 2, Money.of("990000", "VND")))
                        .paymentStatus(PaymentStates.PAID)
                        .build())
                .order(); // the same channel order again returns this order

        order = oms.transition(TransitionOrder.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(Actor.system("sourcing"))
                .trigger(OrderTriggers.ALLOCATE)
                .build());
        // --- end of quick start ---
        return oms.auditTrail(order.tenant(), order.id());
    }
}
