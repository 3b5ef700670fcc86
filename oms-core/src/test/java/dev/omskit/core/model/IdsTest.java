package dev.omskit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Typed identifiers")
class IdsTest {

    /** Every identifier type, by the kind its messages name, with its factory. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("tenant id", (Function<String, Object>) TenantId::of),
                Arguments.of("order id", (Function<String, Object>) OrderId::of),
                Arguments.of("line id", (Function<String, Object>) LineId::of),
                Arguments.of("SKU", (Function<String, Object>) Sku::of),
                Arguments.of("channel id", (Function<String, Object>) ChannelId::of),
                Arguments.of("customer id", (Function<String, Object>) CustomerId::of),
                Arguments.of("location id", (Function<String, Object>) LocationId::of),
                Arguments.of("idempotency key", (Function<String, Object>) IdempotencyKey::of));
    }

    @Nested
    @DisplayName("refuse malformed values with a message naming the kind")
    class Rejects {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("null")
        void of_null_isRejected(String kind, Function<String, Object> factory) {
            assertThatThrownBy(() -> factory.apply(null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage(kind + " must not be null");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("empty and blank")
        void of_blank_isRejected(String kind, Function<String, Object> factory) {
            for (String blank : List.of("", "   ", "\t")) {
                assertThatThrownBy(() -> factory.apply(blank))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageStartingWith(kind + " must not be blank");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("leading or trailing white space")
        void of_surroundingSpace_isRejected(String kind, Function<String, Object> factory) {
            for (String spaced : List.of(" a-1", "a-1 ", "a-1\n")) {
                assertThatThrownBy(() -> factory.apply(spaced))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageStartingWith(kind + " must not start or end with white space");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("control characters inside, printed escaped")
        void of_controlCharacter_isRejected(String kind, Function<String, Object> factory) {
            assertThatThrownBy(() -> factory.apply("a\u0000b"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage(kind + " must not contain control characters; was 'a\\u0000b'");
            assertThatThrownBy(() -> factory.apply("a\tb"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("control characters");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("129 characters")
        void of_129Characters_isRejected(String kind, Function<String, Object> factory) {
            assertThatThrownBy(() -> factory.apply("x".repeat(129)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage(kind + " must be at most 128 characters; was 129");
        }
    }

    @Nested
    @DisplayName("accept well-formed values")
    class Accepts {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("128 characters exactly")
        void of_128Characters_isAccepted(String kind, Function<String, Object> factory) {
            String value = "x".repeat(128);
            assertThat(factory.apply(value)).hasToString(value);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.omskit.core.model.IdsTest#kinds")
        @DisplayName("inner spaces and non-ASCII letters")
        void of_innerSpaceAndUnicode_isAccepted(String kind, Function<String, Object> factory) {
            assertThat(factory.apply("Áo dài 42")).hasToString("Áo dài 42");
        }

        @Test
        @DisplayName("equal values are equal and sort by their text")
        void compareTo_differentValues_followsTheText() {
            assertThat(OrderId.of("o-1")).isEqualTo(OrderId.of("o-1"));
            assertThat(OrderId.of("o-1")).isNotEqualTo(OrderId.of("o-2"));
            assertThat(Sku.of("A").compareTo(Sku.of("B"))).isNegative();
            assertThat(LineId.of("L2").compareTo(LineId.of("L2"))).isZero();
            assertThat(TenantId.of("b").compareTo(TenantId.of("a"))).isPositive();
        }
    }
}
