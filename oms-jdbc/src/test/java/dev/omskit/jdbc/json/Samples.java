package dev.omskit.jdbc.json;

import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/** Small value types of the codec's own tests, for shapes the core types do not show on their own. */
final class Samples {
    private Samples() {}

    /** Every scalar, optional and container shape the codec covers. */
    record Everything(
            String text,
            int i,
            long l,
            double d,
            boolean b,
            BigDecimal decimal,
            Instant at,
            LocalDate day,
            ZonedDateTime zoned,
            Duration duration,
            UUID uuid,
            Optional<String> maybe,
            OptionalInt maybeInt,
            List<Integer> list,
            Set<String> set,
            SortedSet<String> sorted,
            Map<String, Integer> map,
            SortedMap<Integer, String> byNumber,
            int[] numbers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Everything e
                    && e.text.equals(text)
                    && e.i == i
                    && e.l == l
                    && Double.compare(e.d, d) == 0
                    && e.b == b
                    && e.decimal.equals(decimal)
                    && e.at.equals(at)
                    && e.day.equals(day)
                    && e.zoned.equals(zoned)
                    && e.duration.equals(duration)
                    && e.uuid.equals(uuid)
                    && e.maybe.equals(maybe)
                    && e.maybeInt.equals(maybeInt)
                    && e.list.equals(list)
                    && e.set.equals(set)
                    && e.sorted.equals(sorted)
                    && e.map.equals(map)
                    && e.byNumber.equals(byNumber)
                    && java.util.Arrays.equals(e.numbers, numbers);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /** A set and a map whose written order the tests check. */
    record Bag(Set<String> tags, Map<String, Integer> counts) {}

    /** A decimal alone, to check its scale survives. */
    record Amount(BigDecimal value) {}

    /** A component type the codec does not cover. */
    record WithFile(String name, File file) {}

    /** An open component type. */
    record Holder(Object value) {}
}
