package dev.omskit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Money")
class MoneyTest {
    private static final Currency VND = Currency.getInstance("VND");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static String codeOf(Throwable e) {
        return ((InvalidArgumentException) e).violations().get(0).code();
    }

    @Nested
    @DisplayName("keeps the amount at the currency's own scale")
    class Scale {
        @Test
        @DisplayName("VND has no decimals: 199000.00 VND becomes 199000 with scale 0")
        void of_vndWithZeroDecimals_scaleZero() {
            Money m = Money.of(new BigDecimal("199000.00"), VND);

            assertThat(m.amount().scale()).isZero();
            assertThat(m.amount()).isEqualTo(new BigDecimal("199000"));
            assertThat(m).hasToString("199000 VND");
        }

        @Test
        @DisplayName("EUR has two decimals: 12.5 EUR becomes 12.50")
        void of_eurWithOneDecimal_scaleTwo() {
            Money m = Money.of("12.5", "EUR");

            assertThat(m.amount().scale()).isEqualTo(2);
            assertThat(m).hasToString("12.50 EUR");
        }

        @Test
        @DisplayName("an amount in exponent notation is brought to the scale too")
        void of_exponentNotation_isNormalised() {
            assertThat(Money.of(new BigDecimal("2E+3"), VND).amount()).isEqualTo(new BigDecimal("2000"));
        }

        @Test
        @DisplayName("1.5 EUR and 1.50 EUR are equal and have the same hash code")
        void equals_sameValueDifferentScale_isEqual() {
            Money a = Money.of("1.5", "EUR");
            Money b = Money.of("1.50", "EUR");

            assertThat(a).isEqualTo(b);
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }

        @Test
        @DisplayName("the same amount in two currencies is not equal")
        void equals_differentCurrency_isNotEqual() {
            assertThat(Money.of("1", "EUR")).isNotEqualTo(Money.of("1", "USD"));
        }

        @Test
        @DisplayName("zero has the currency's scale")
        void zero_anyCurrency_hasCurrencyScale() {
            assertThat(Money.zero(EUR).amount()).isEqualTo(new BigDecimal("0.00"));
            assertThat(Money.zero(EUR).isZero()).isTrue();
        }
    }

    @Nested
    @DisplayName("never rounds silently")
    class Rounding {
        @Test
        @DisplayName("more decimals than the currency allows is TOO_MANY_DECIMALS naming the amount")
        void of_tooManyDecimals_isRejected() {
            assertThatThrownBy(() -> Money.of("1.005", "EUR"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("1.005")
                    .hasMessageContaining("EUR")
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("TOO_MANY_DECIMALS"))
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).violations())
                            .extracting(Violation::field)
                            .containsExactly("amount"));
        }

        @Test
        @DisplayName("any decimal of VND is TOO_MANY_DECIMALS")
        void of_vndWithDecimal_isRejected() {
            assertThatThrownBy(() -> Money.of(new BigDecimal("199000.5"), VND))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("TOO_MANY_DECIMALS"));
        }

        @Test
        @DisplayName("an explicit rounding mode rounds to the currency's scale")
        void of_withRoundingMode_rounds() {
            assertThat(Money.of(new BigDecimal("1.005"), EUR, RoundingMode.HALF_UP))
                    .isEqualTo(Money.of("1.01", "EUR"));
            assertThat(Money.of(new BigDecimal("1.005"), EUR, RoundingMode.HALF_EVEN))
                    .isEqualTo(Money.of("1.00", "EUR"));
            assertThat(Money.of(new BigDecimal("199000.5"), VND, RoundingMode.DOWN))
                    .isEqualTo(Money.of("199000", "VND"));
        }

        @Test
        @DisplayName("times a decimal factor and divided by a divisor round with the given mode")
        void timesAndDividedBy_decimalFactor_roundWithMode() {
            Money m = Money.of("10.00", "EUR");

            assertThat(m.times(new BigDecimal("0.333"), RoundingMode.HALF_UP)).isEqualTo(Money.of("3.33", "EUR"));
            assertThat(m.dividedBy(new BigDecimal("3"), RoundingMode.UP)).isEqualTo(Money.of("3.34", "EUR"));
            assertThat(m.times(3)).isEqualTo(Money.of("30", "EUR"));
        }

        @Test
        @DisplayName("a text that is not a number is NOT_A_NUMBER")
        void of_notANumber_isRejected() {
            assertThatThrownBy(() -> Money.of("12,50", "EUR"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("'12,50'")
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("NOT_A_NUMBER"));
        }
    }

    @Nested
    @DisplayName("refuses to mix currencies")
    class Currencies {
        private final Money vnd = Money.of("1000", "VND");
        private final Money eur = Money.of("1.00", "EUR");

        @Test
        @DisplayName("plus of two currencies is CURRENCY_MISMATCH naming both amounts")
        void plus_differentCurrency_isRejected() {
            assertThatThrownBy(() -> vnd.plus(eur))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("1000 VND")
                    .hasMessageContaining("1.00 EUR")
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("CURRENCY_MISMATCH"));
        }

        @Test
        @DisplayName("minus of two currencies is CURRENCY_MISMATCH")
        void minus_differentCurrency_isRejected() {
            assertThatThrownBy(() -> eur.minus(vnd))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("CURRENCY_MISMATCH"));
        }

        @Test
        @DisplayName("compareTo of two currencies is CURRENCY_MISMATCH")
        void compareTo_differentCurrency_isRejected() {
            assertThatThrownBy(() -> vnd.compareTo(eur))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("CURRENCY_MISMATCH"));
        }

        @Test
        @DisplayName("arithmetic and comparison in one currency are exact")
        void arithmetic_sameCurrency_isExact() {
            Money a = Money.of("0.10", "EUR");
            Money b = Money.of("0.20", "EUR");

            assertThat(a.plus(b)).isEqualTo(Money.of("0.3", "EUR"));
            assertThat(a.minus(b)).isEqualTo(Money.of("-0.10", "EUR"));
            assertThat(a.minus(b).isNegative()).isTrue();
            assertThat(a.negate()).isEqualTo(Money.of("-0.1", "EUR"));
            assertThat(a.compareTo(b)).isNegative();
            assertThat(b.compareTo(a)).isPositive();
            assertThat(a.compareTo(Money.of("0.1", "EUR"))).isZero();
            assertThat(a.sameCurrencyAs(b)).isTrue();
            assertThat(a.sameCurrencyAs(vnd)).isFalse();
        }

        @Test
        @DisplayName("an unknown currency code is UNKNOWN_CURRENCY")
        void currency_unknownCode_isRejected() {
            assertThatThrownBy(() -> Money.of("1", "ABC"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("'ABC'")
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo("UNKNOWN_CURRENCY"))
                    .satisfies(e -> assertThat(((InvalidArgumentException) e).category())
                            .isEqualTo(ErrorCategory.INVALID_ARGUMENT));
        }

        @Test
        @DisplayName("a lower-case, null or pseudo currency (XXX has no fraction digits) is UNKNOWN_CURRENCY")
        void currency_lowerCaseNullOrPseudo_isRejected() {
            for (String code : new String[] {"eur", null, "XXX"}) {
                assertThatThrownBy(() -> Money.currency(code))
                        .as("currency %s", code)
                        .isInstanceOf(InvalidArgumentException.class)
                        .satisfies(e -> assertThat(codeOf(e)).isEqualTo("UNKNOWN_CURRENCY"));
            }
        }

        @Test
        @DisplayName("a known code gives the JDK currency")
        void currency_knownCode_isTheJdkCurrency() {
            assertThat(Money.currency("VND")).isEqualTo(VND);
        }
    }
}
