package dev.omskit.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Checks.orderedCopy")
class ChecksTest {
    @Test
    @DisplayName("keeps the source's iteration order, unlike Map.copyOf, and cannot be changed")
    void orderedCopy_keepsOrder_andIsUnmodifiable() {
        Map<String, Integer> source = new LinkedHashMap<>();
        for (String key : List.of("L9", "L1", "L5", "L3", "L7", "L2")) {
            source.put(key, key.length());
        }

        Map<String, Integer> copy = Checks.orderedCopy("lines", source);
        source.put("L0", 2);

        assertThat(copy.keySet()).containsExactly("L9", "L1", "L5", "L3", "L7", "L2");
        assertThatThrownBy(() -> copy.put("L4", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("refuses null keys and values, naming the map, as Map.copyOf refuses them")
    void orderedCopy_nulls_refused() {
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("L1", null);
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);

        assertThatThrownBy(() -> Checks.orderedCopy("picked", nullValue))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("picked");
        assertThatThrownBy(() -> Checks.orderedCopy("picked", nullKey))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("picked");
    }
}
