package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.AGENT;
import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Oms;
import dev.omskit.core.Returns;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.order.Order;
import dev.omskit.core.returns.ResolveReturn;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import dev.omskit.core.returns.ReturnsConfig;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package-private {@code ReturnInvoicing} hook (wired by the integrator), reached by reflection: it is
 * called inside the refund's work, and a refusal by it leaves nothing stored.
 */
@DisplayName("The invoicing hook of refunds from returns")
class InvoicingHookTest {
    final ReturnsHarness h = new ReturnsHarness();
    final List<Object[]> calls = new CopyOnWriteArrayList<>();

    Returns withHook(boolean refuse) throws Exception {
        Class<?> hook = Class.forName("dev.omskit.core.ReturnInvoicing");
        Object proxy = Proxy.newProxyInstance(hook.getClassLoader(), new Class<?>[] {hook}, (p, method, args) -> {
            if (method.getName().equals("onRefundCreated")) {
                calls.add(args);
                if (refuse) {
                    throw dev.omskit.core.error.InvalidArgumentException.of(
                            "invoice", "NOT_ISSUED", "no invoice to adjust");
                }
            }
            return null;
        });
        Constructor<Returns> c = Returns.class.getDeclaredConstructor(Oms.class, ReturnsConfig.class, hook);
        c.setAccessible(true);
        return c.newInstance(h.oms, ReturnsConfig.defaults(), proxy);
    }

    ResolveReturn resolve(Order order, ReturnRequest rma) {
        return ResolveReturn.builder()
                .tenant(order.tenant())
                .orderId(order.id())
                .actor(AGENT)
                .returnId(rma.id())
                .build();
    }

    @Test
    void a_refund_from_a_return_calls_the_hook_with_the_units_and_the_reason() throws Exception {
        h.returns = withHook(false);
        Order order = h.delivered();
        ReturnRequest rma = h.inspected(order, item(L1, 1, ReturnReason.WRONG_SIZE));
        h.returns.resolveReturn(resolve(order, rma));
        assertThat(calls).hasSizeGreaterThanOrEqualTo(1);
        Object[] args = calls.get(calls.size() - 1);
        assertThat(((ReturnRequest) args[1]).id()).isEqualTo(rma.id());
        assertThat(args[2]).isEqualTo(java.util.Map.of(L1, 1));
        assertThat(args[3]).isEqualTo(false);
        assertThat(args[4]).isEqualTo("refund of return " + rma.id());
    }

    @Test
    void a_hook_that_refuses_leaves_the_return_and_the_refund_unstored() throws Exception {
        h.returns = withHook(true);
        Order order = h.delivered();
        ReturnRequest rma = h.inspected(order, item(L1, 1, ReturnReason.WRONG_SIZE));
        Order before = h.reload(order);
        var docs = h.documents(order);
        int outbox = h.storage.pendingOutboxSize();
        assertThatThrownBy(() -> h.returns.resolveReturn(resolve(order, rma)))
                .isInstanceOf(InvalidArgumentException.class);
        h.assertUnchanged(before, docs, outbox);
    }
}
