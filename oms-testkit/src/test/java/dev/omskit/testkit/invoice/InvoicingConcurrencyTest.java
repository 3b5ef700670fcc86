package dev.omskit.testkit.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Invoicing;
import dev.omskit.core.invoice.DraftPriceCorrection;
import dev.omskit.core.invoice.Invoice;
import dev.omskit.core.invoice.InvoiceLifecycle;
import dev.omskit.core.invoice.InvoicePurpose;
import dev.omskit.core.model.LineId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Real threads racing on one order's invoices; every test checks the final state, not just "no crash". */
class InvoicingConcurrencyTest {
    private final InvoiceHarness h = new InvoiceHarness();

    @RepeatedTest(5)
    void twoThreadsDraftingTheOriginal_giveExactlyOneInvoice() throws Exception {
        Order order = h.order();
        List<Object> results = race(2, i -> () -> {
            try {
                return h.draftOriginal(order);
            } catch (OrderRejectedException e) {
                return e.rejection().code();
            }
        });

        assertThat(results).filteredOn(Invoice.class::isInstance).hasSize(1);
        assertThat(results)
                .filteredOn(r -> r.equals(Invoicing.ALREADY_INVOICED))
                .hasSize(1);
        assertThat(h.invoicing.invoicesOf(order.tenant(), order.id())).hasSize(1);
    }

    @Test
    void eightThreadsDraftingTheOriginal_giveExactlyOneInvoice() throws Exception {
        Order order = h.order();
        List<Object> results = race(8, i -> () -> {
            try {
                return h.draftOriginal(order);
            } catch (OrderRejectedException e) {
                return e.rejection().code();
            }
        });

        assertThat(results).filteredOn(Invoice.class::isInstance).hasSize(1);
        assertThat(results)
                .filteredOn(r -> r.equals(Invoicing.ALREADY_INVOICED))
                .hasSize(7);
        List<Invoice> invoices = h.invoicing.invoicesOf(order.tenant(), order.id());
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).purpose()).isEqualTo(InvoicePurpose.ORIGINAL);
    }

    @Test
    void concurrentPriceCorrections_allLand_withDistinctSequences_andIssueTogether() throws Exception {
        Order order = h.order();
        Invoice original = h.issued(h.draftOriginal(order));
        int threads = 4;
        List<Invoice> drafts = race(
                threads,
                i -> () -> h.invoicing.draftPriceCorrection(DraftPriceCorrection.builder()
                        .tenant(order.tenant())
                        .orderId(order.id())
                        .actor(InvoiceHarness.AGENT)
                        .putNewUnitPrices(LineId.of("L2"), InvoiceHarness.vnd(50_000 + i))
                        .reason("correction " + i)
                        .build()));
        assertThat(new HashSet<>(drafts.stream().map(Invoice::sequence).toList()))
                .hasSize(threads);

        race(threads, i -> () -> h.issued(drafts.get(i)));

        Invoice adjusted = h.reload(original);
        assertThat(adjusted.state()).isEqualTo(InvoiceLifecycle.ADJUSTED);
        assertThat(adjusted.adjustedBy())
                .containsExactlyInAnyOrderElementsOf(
                        drafts.stream().map(Invoice::id).toList());
        assertThat(adjusted.version()).isEqualTo(2 + threads);
    }

    /** Runs {@code threads} tasks released together and returns their results in task order. */
    private static <T> List<T> race(int threads, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> body = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return body.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
