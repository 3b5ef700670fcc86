package dev.omskit.testkit.returns;

import static dev.omskit.testkit.returns.ReturnsHarness.L1;
import static dev.omskit.testkit.returns.ReturnsHarness.WAREHOUSE;
import static dev.omskit.testkit.returns.ReturnsHarness.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.order.Order;
import dev.omskit.core.returns.ReturnReason;
import dev.omskit.core.returns.ReturnRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

@DisplayName("Concurrent return requests")
class ReturnsRaceTest {
    static final int THREADS = 8;

    @RepeatedTest(5)
    void eight_threads_asking_back_units_of_one_line_never_get_more_than_was_delivered() throws Exception {
        ReturnsHarness h = new ReturnsHarness();
        Order order = h.delivered(); // L1: 3 units delivered
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<String> task = () -> {
                    start.await();
                    try {
                        h.returns.requestReturn(h.request(order, WAREHOUSE, item(L1, 1, ReturnReason.WRONG_SIZE))
                                .build());
                        return "created";
                    } catch (InvalidArgumentException e) {
                        return e.violations().stream()
                                .map(Violation::code)
                                .findFirst()
                                .orElse("?");
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("created"::equals).hasSize(3);
            assertThat(outcomes).filteredOn(o -> !o.equals("created")).containsOnly("EXCEEDS_DELIVERED");
            List<ReturnRequest> stored = h.returns.returnsOf(order.tenant(), order.id());
            assertThat(stored).hasSize(3);
            assertThat(stored.stream().mapToInt(r -> r.requestedUnits().get(L1)).sum())
                    .isEqualTo(3);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
