package dev.omskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SequentialIds")
class SequentialIdsTest {
    private static final TenantId A = TenantId.of("a");
    private static final TenantId B = TenantId.of("b");

    @Nested
    @DisplayName("a new generator")
    class NewGenerator {
        private final SequentialIds ids = SequentialIds.create();

        @Test
        void nextOrderId_countsFromOnePerTenant() {
            assertThat(ids.nextOrderId(A)).isEqualTo(OrderId.of("o-1"));
            assertThat(ids.nextOrderId(A)).isEqualTo(OrderId.of("o-2"));
            assertThat(ids.nextOrderId(B)).isEqualTo(OrderId.of("o-1"));
            assertThat(ids.nextOrderId(A)).isEqualTo(OrderId.of("o-3"));
        }

        @Test
        void withPrefix_usesPrefix() {
            assertThat(SequentialIds.withPrefix("SO-").nextOrderId(A)).isEqualTo(OrderId.of("SO-1"));
        }

        @Test
        void withPrefix_leavesOtherKindsUnprefixed() {
            assertThat(SequentialIds.withPrefix("SO-").nextId(A, "res")).isEqualTo("res-1");
        }

        @Test
        void scoped_prefixesEveryKind_soTwoFacadesOnOneStoreNeverShareAnId() {
            SequentialIds one = SequentialIds.scoped("i1-");
            SequentialIds two = SequentialIds.scoped("i2-");

            assertThat(one.nextOrderId(A)).isEqualTo(OrderId.of("i1-1"));
            assertThat(one.nextId(A, "res")).isEqualTo("i1-res-1");
            assertThat(two.nextId(A, "res")).isEqualTo("i2-res-1");
            assertThat(one.nextId(A, "res")).isEqualTo("i1-res-2");
        }

        @Test
        void nextOrderId_eightThreads_neverRepeatsAnId() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<List<OrderId>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<OrderId> mine = new ArrayList<>();
                        for (int i = 0; i < 1_000; i++) {
                            mine.add(ids.nextOrderId(A));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                List<OrderId> all = new ArrayList<>();
                for (Future<List<OrderId>> f : futures) {
                    all.addAll(f.get(30, TimeUnit.SECONDS));
                }

                assertThat(all).hasSize(8_000).doesNotHaveDuplicates();
                assertThat(ids.nextOrderId(A)).isEqualTo(OrderId.of("o-8001"));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
