package dev.omskit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.InvalidArgumentException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("State and Trigger names")
class StateAndTriggerTest {

    @Nested
    @DisplayName("A State")
    class StateNames {
        @ParameterizedTest
        @ValueSource(strings = {"A", "CREATED", "FRAUD_REVIEW", "STEP_2", "X_"})
        @DisplayName("accepts UPPER_SNAKE_CASE names")
        void of_whenUpperSnake_keepsName(String name) {
            State state = State.of(name);

            assertThat(state.name()).isEqualTo(name);
            assertThat(state).hasToString(name);
            assertThat(state).isEqualTo(new State(name));
        }

        @Test
        @DisplayName("accepts a name of exactly 64 characters")
        void of_when64Characters_isAccepted() {
            String name = "A".repeat(64);

            assertThat(State.of(name).name()).hasSize(64);
        }

        @Test
        @DisplayName("rejects a name of 65 characters")
        void of_whenTooLong_throws() {
            String name = "A".repeat(65);

            assertThatThrownBy(() -> State.of(name))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("at most 64 characters")
                    .hasMessageEndingWith("was '" + name + "'");
        }

        @Test
        @DisplayName("rejects a lower-case name with a message naming the value")
        void of_whenLowerCase_throwsNamingValue() {
            assertThatThrownBy(() -> State.of("fraud review"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("State name must be UPPER_SNAKE_CASE (A-Z, 0-9, _), starting with a letter,"
                            + " at most 64 characters; was 'fraud review'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "  ", "Created", "_CREATED", "1ST", "CREATED ", "CRE-ATED", "ÉTAT"})
        @DisplayName("rejects blank, mixed-case and otherwise malformed names")
        void of_whenMalformed_throws(String name) {
            assertThatThrownBy(() -> State.of(name))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("State name must be UPPER_SNAKE_CASE")
                    .hasMessageEndingWith("was '" + name + "'")
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).category())
                            .isEqualTo(ErrorCategory.INVALID_ARGUMENT));
        }

        @Test
        @DisplayName("rejects null")
        void of_whenNull_throws() {
            assertThatThrownBy(() -> State.of(null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("State name must be")
                    .hasMessageEndingWith("was null");
        }
    }

    @Nested
    @DisplayName("A Trigger")
    class TriggerNames {
        @ParameterizedTest
        @ValueSource(strings = {"A", "ALLOCATE", "MARK_PAID", "RETRY_3"})
        @DisplayName("accepts UPPER_SNAKE_CASE names")
        void of_whenUpperSnake_keepsName(String name) {
            Trigger trigger = Trigger.of(name);

            assertThat(trigger.name()).isEqualTo(name);
            assertThat(trigger).hasToString(name);
            assertThat(trigger).isEqualTo(new Trigger(name));
        }

        @Test
        @DisplayName("rejects a lower-case name with a message naming the value")
        void of_whenLowerCase_throwsNamingValue() {
            assertThatThrownBy(() -> Trigger.of("ship it"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Trigger name must be UPPER_SNAKE_CASE (A-Z, 0-9, _), starting with a letter,"
                            + " at most 64 characters; was 'ship it'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "Ship", "_SHIP", "9", "SHIP!"})
        @DisplayName("rejects blank and malformed names")
        void of_whenMalformed_throws(String name) {
            assertThatThrownBy(() -> Trigger.of(name))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("Trigger name must be UPPER_SNAKE_CASE")
                    .hasMessageEndingWith("was '" + name + "'");
        }

        @Test
        @DisplayName("rejects a name longer than 64 characters and accepts 64")
        void of_whenTooLong_throws() {
            assertThat(Trigger.of("T".repeat(64)).name()).hasSize(64);
            assertThatThrownBy(() -> Trigger.of("T".repeat(65)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("at most 64 characters");
        }

        @Test
        @DisplayName("rejects null")
        void of_whenNull_throws() {
            assertThatThrownBy(() -> new Trigger(null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("Trigger name must be")
                    .hasMessageEndingWith("was null");
        }
    }
}
