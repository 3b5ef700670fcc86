package dev.omskit.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.fulfilment.FulfilmentRequestLifecycle;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.returns.ClaimLifecycle;
import dev.omskit.core.returns.RefundLifecycle;
import dev.omskit.core.returns.ReturnLifecycle;
import dev.omskit.core.returns.StoreCreditLifecycle;
import dev.omskit.core.shipment.ShipmentLifecycle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every change a customer sees is told (R-45); every other one is internal on purpose")
class NotificationRulesTest {
    /** The triggers each source has, and which of them are deliberately not told to the customer. */
    private static final Map<String, Set<String>> INTERNAL = Map.of(
            "order",
                    Set.of(
                            "ALLOCATE",
                            "DEALLOCATE",
                            "RELEASE",
                            "SHIP",
                            "DELIVER",
                            "RETURN",
                            "AUTHORIZE",
                            "FAIL",
                            "VOID",
                            "COLLECT_COD",
                            "COLLECT_COD_PARTIAL"),
            "fulfilment-request", Set.of("RELEASE", "ACCEPT", "PICK", "PACK", "SHIP", "REJECT", "CANCEL"),
            "shipment", Set.of("CREATE", "LABEL", "DEPART", "COMPLETE_RETURN", "CANCEL"),
            "invoice", Set.of("CREATE", "FAIL_ISSUE", "ADJUST", "REPLACE", "CANCEL"),
            "return", Set.of("CANCEL", "INSPECT", "REFUND", "CLOSE"),
            "refund", Set.of("CREATE", "SUCCEED", "FAIL", "RETRY"),
            "store-credit", Set.of("REDEEM", "REDEEM_ALL", "EXPIRE"),
            "claim", Set.of("CLOSE"));

    private static Map<String, Set<String>> triggers() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        Set<String> order = new TreeSet<>(names(OrderLifecycle.defaultStages()));
        order.addAll(names(OrderLifecycle.defaultPayment()));
        order.addAll(Set.of("CAPTURED", "EDITED"));
        all.put("order", order);
        all.put("fulfilment-request", names(FulfilmentRequestLifecycle.get()));
        all.put("shipment", withCreate(names(ShipmentLifecycle.get())));
        all.put("invoice", withCreate(names(InvoiceLifecycle.get())));
        all.put("return", withCreate(names(ReturnLifecycle.get())));
        all.put("refund", withCreate(names(RefundLifecycle.get())));
        all.put("store-credit", names(StoreCreditLifecycle.get()));
        all.put("claim", withCreate(names(ClaimLifecycle.get())));
        return all;
    }

    @Test
    @DisplayName("the defaults tell every trigger of every lifecycle except the ones listed as internal")
    void defaults_coverEveryCustomerVisibleTrigger() {
        NotificationRules rules = NotificationRules.defaults();
        triggers().forEach((kind, names) -> {
            for (String trigger : names) {
                boolean internal = INTERNAL.getOrDefault(kind, Set.of()).contains(trigger);
                assertThat(rules.tells(kind, Trigger.of(trigger)))
                        .as("%s/%s is %s", kind, trigger, internal ? "internal" : "told")
                        .isEqualTo(!internal);
            }
        });
    }

    @Test
    @DisplayName("with and without return changed copies; the original is untouched")
    void rules_areImmutable() {
        NotificationRules base = NotificationRules.orderDefaults();
        NotificationRules more = base.with("shipment", ShipmentLifecycle.LABEL, NotificationType.of("LABEL_PRINTED"));

        assertThat(more.tells("shipment", ShipmentLifecycle.LABEL)).isTrue();
        assertThat(base.tells("shipment", ShipmentLifecycle.LABEL)).isFalse();
        assertThat(NotificationRules.none().asMap()).isEmpty();
    }

    private static Set<String> names(Lifecycle<?> lifecycle) {
        Set<String> names = new TreeSet<>();
        lifecycle.triggers().forEach(t -> names.add(t.name()));
        return names;
    }

    private static Set<String> withCreate(Set<String> names) {
        Set<String> all = new TreeSet<>(names);
        all.add("CREATE");
        return all;
    }
}
