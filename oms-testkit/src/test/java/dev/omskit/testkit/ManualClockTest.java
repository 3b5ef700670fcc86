package dev.omskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Oms;
import dev.omskit.core.order.Order;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ManualClock")
class ManualClockTest {
    private static final Instant START = Instant.parse("2026-11-11T00:00:00Z");

    @Nested
    @DisplayName("a clock at 2026-11-11T00:00:00Z")
    class AtStart {
        private final ManualClock clock = ManualClock.at("2026-11-11T00:00:00Z");

        @Test
        void instant_untilMoved_staysPut() {
            assertThat(clock.instant()).isEqualTo(START);
            assertThat(clock.instant()).isEqualTo(START);
            assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        }

        @Test
        void advance_movesForwardAndBackAndReturnsNewInstant() {
            assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(START.plus(Duration.ofHours(2)));
            assertThat(clock.advance(Duration.ofMinutes(-30))).isEqualTo(START.plus(Duration.ofMinutes(90)));
            assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(90)));
        }

        @Test
        void set_jumpsToInstant() {
            Instant later = Instant.parse("2027-01-01T00:00:00Z");

            clock.set(later);

            assertThat(clock.instant()).isEqualTo(later);
        }

        @Test
        void withZone_sharesTheMovingInstant() {
            var saigon = clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

            clock.advance(Duration.ofSeconds(5));

            assertThat(saigon.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(saigon.instant()).isEqualTo(START.plusSeconds(5));
        }

        @Test
        void oms_stampsOrdersWithClockTime() {
            Oms oms = Oms.builder()
                    .storage(InMemoryStorage.create())
                    .clock(clock)
                    .idGenerator(SequentialIds.create())
                    .build();
            Instant captureTime = clock.advance(Duration.ofMinutes(3));

            Order order = oms.capture(OrderFixtures.capture().build()).order();

            assertThat(order.createdAt()).isEqualTo(captureTime);
            assertThat(oms.events(order.tenant(), order.id()).get(0).header().occurredAt())
                    .isEqualTo(captureTime);
        }
    }
}
