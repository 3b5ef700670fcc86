package dev.omskit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Small domain values")
class ValuesTest {

    private static Violation onlyViolation(Throwable e) {
        assertThat(e).isInstanceOf(InvalidArgumentException.class);
        assertThat(((InvalidArgumentException) e).violations()).hasSize(1);
        return ((InvalidArgumentException) e).violations().get(0);
    }

    @Nested
    @DisplayName("VatRate")
    class VatRates {
        @Test
        @DisplayName("accepts 0 and fractions below 1")
        void new_zeroAndBelowOne_isAccepted() {
            assertThat(new VatRate(BigDecimal.ZERO).fraction()).isEqualByComparingTo("0");
            assertThat(VatRate.of("0.999").fraction()).isEqualByComparingTo("0.999");
        }

        @Test
        @DisplayName("refuses negative rates, 1 and more, and null with OUT_OF_RANGE")
        void new_outOfRange_isRejected() {
            for (String fraction : new String[] {"-0.01", "1", "1.5"}) {
                assertThatThrownBy(() -> VatRate.of(fraction))
                        .as(fraction)
                        .satisfies(e -> assertThat(onlyViolation(e).code()).isEqualTo("OUT_OF_RANGE"))
                        .hasMessageContaining(fraction);
            }
            assertThatThrownBy(() -> new VatRate(null))
                    .satisfies(e -> assertThat(onlyViolation(e).code()).isEqualTo("OUT_OF_RANGE"));
        }

        @Test
        @DisplayName("refuses a text that is not a number with NOT_A_NUMBER")
        void of_notANumber_isRejected() {
            assertThatThrownBy(() -> VatRate.of("ten"))
                    .satisfies(e -> assertThat(onlyViolation(e).code()).isEqualTo("NOT_A_NUMBER"));
            assertThatThrownBy(() -> VatRate.of(null))
                    .satisfies(e -> assertThat(onlyViolation(e).code()).isEqualTo("NOT_A_NUMBER"));
        }

        @Test
        @DisplayName("prints as a percentage without trailing zeros")
        void toString_anyRate_isPercentWithoutTrailingZeros() {
            assertThat(VatRate.of("0.1")).hasToString("10%");
            assertThat(VatRate.of("0.100")).hasToString("10%");
            assertThat(VatRate.percent(8)).hasToString("8%");
            assertThat(VatRate.percent(8.5)).hasToString("8.5%");
            assertThat(VatRate.of("0.05")).hasToString("5%");
            assertThat(VatRate.ZERO).hasToString("0%");
        }

        @Test
        @DisplayName("equal rates written differently are equal")
        void equals_trailingZeros_areIgnored() {
            assertThat(VatRate.of("0.10")).isEqualTo(VatRate.percent(10));
            assertThat(VatRate.of("0.10").hashCode())
                    .isEqualTo(VatRate.percent(10).hashCode());
            assertThat(VatRate.of("0.08")).isNotEqualTo(VatRate.of("0.1"));
        }
    }

    @Nested
    @DisplayName("Quantity")
    class Quantities {
        @Test
        @DisplayName("refuses zero and negative counts with NOT_POSITIVE")
        void of_notPositive_isRejected() {
            for (int value : new int[] {0, -1, Integer.MIN_VALUE}) {
                assertThatThrownBy(() -> Quantity.of(value)).satisfies(e -> assertThat(onlyViolation(e))
                        .extracting(Violation::field, Violation::code)
                        .containsExactly("quantity", "NOT_POSITIVE"));
            }
        }

        @Test
        @DisplayName("accepts positive counts, compares by count and prints the number")
        void of_positive_isAccepted() {
            assertThat(Quantity.of(1).value()).isEqualTo(1);
            assertThat(Quantity.of(3)).hasToString("3").isEqualTo(Quantity.of(3));
            assertThat(Quantity.of(2).compareTo(Quantity.of(10))).isNegative();
        }
    }

    @Nested
    @DisplayName("GeoPoint")
    class GeoPoints {
        @Test
        @DisplayName("accepts the corners of the range")
        void of_bounds_isAccepted() {
            assertThat(GeoPoint.of(-90, -180).latitude()).isEqualTo(-90);
            assertThat(GeoPoint.of(90, 180).longitude()).isEqualTo(180);
            assertThat(GeoPoint.of(21.0285, 105.8542)).isEqualTo(new GeoPoint(21.0285, 105.8542));
        }

        @Test
        @DisplayName("refuses latitudes and longitudes out of range, and NaN, with OUT_OF_RANGE")
        void of_outOfRange_isRejected() {
            double[][] bad = {{90.0001, 0}, {-90.0001, 0}, {0, 180.5}, {0, -180.5}, {Double.NaN, 0}, {0, Double.NaN}};
            for (double[] p : bad) {
                assertThatThrownBy(() -> GeoPoint.of(p[0], p[1]))
                        .as("(%s, %s)", p[0], p[1])
                        .satisfies(e -> assertThat(onlyViolation(e))
                                .extracting(Violation::field, Violation::code)
                                .containsExactly("geo", "OUT_OF_RANGE"));
            }
        }
    }

    @Nested
    @DisplayName("Actor")
    class Actors {
        @Test
        @DisplayName("an agent may act on behalf of a customer, and prints so")
        void agentFor_customer_isAgentActingOnBehalf() {
            Actor actor = Actor.agentFor("linh", CustomerId.of("c-9"));

            assertThat(actor.kind()).isEqualTo(ActorKind.AGENT);
            assertThat(actor.onBehalfOf()).contains(CustomerId.of("c-9"));
            assertThat(actor).hasToString("agent:linh (for customer c-9)");
        }

        @Test
        @DisplayName("only an agent acts on behalf of someone: a customer, channel or system doing so is refused")
        void new_nonAgentOnBehalf_isRejected() {
            for (ActorKind kind : new ActorKind[] {ActorKind.CUSTOMER, ActorKind.CHANNEL, ActorKind.SYSTEM}) {
                assertThatThrownBy(() -> new Actor(kind, "x", Optional.of(CustomerId.of("c-9"))))
                        .as(kind.name())
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("only an agent acts on behalf of a customer");
            }
        }

        @Test
        @DisplayName("asCustomer is the customer only for a customer actor")
        void asCustomer_nonCustomerActor_isEmpty() {
            assertThat(Actor.customer(CustomerId.of("c-9")).asCustomer()).contains(CustomerId.of("c-9"));
            assertThat(Actor.agentFor("linh", CustomerId.of("c-9")).asCustomer())
                    .isEmpty();
            assertThat(Actor.agent("c-9").asCustomer()).isEmpty();
            assertThat(Actor.channel(ChannelId.of("web")).asCustomer()).isEmpty();
            assertThat(Actor.system("sweeper").asCustomer()).isEmpty();
        }

        @Test
        @DisplayName("prints as kind:id and validates the id like an identifier")
        void new_anyKind_printsKindAndIdAndValidatesId() {
            assertThat(Actor.system("reservation-sweeper")).hasToString("system:reservation-sweeper");
            assertThat(Actor.channel(ChannelId.of("web"))).hasToString("channel:web");
            assertThatThrownBy(() -> Actor.agent(" linh"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("actor id must not start or end with white space");
            assertThatThrownBy(() -> new Actor(null, "x", Optional.empty()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("actor kind must not be null");
        }
    }

    @Nested
    @DisplayName("personal data is hidden when printed")
    class Redaction {
        @Test
        @DisplayName("an address prints recipient, phone and street lines as *** but shows city and country")
        void toString_address_hidesPersonalData() {
            Address a = Address.builder()
                    .recipient("Tran Thi Binh")
                    .phone("+84 987 654 321")
                    .line1("45 Hang Bac")
                    .line2("Tang 3")
                    .district("Hoan Kiem")
                    .city("Ha Noi")
                    .countryCode("VN")
                    .build();

            String printed = a.toString();

            assertThat(printed)
                    .doesNotContain("Tran Thi Binh", "987", "45 Hang Bac", "Tang 3")
                    .contains("recipient=***", "phone=***", "line1=***", "line2=***")
                    .contains("city=Ha Noi", "countryCode=VN", "district=Hoan Kiem");
            assertThat(a.recipient()).isEqualTo("Tran Thi Binh");
        }

        @Test
        @DisplayName("a buyer prints name, e-mail, phone and tax code as *** but shows the company")
        void toString_buyer_hidesPersonalData() {
            Buyer b = Buyer.builder()
                    .name("Tran Thi Binh")
                    .email("binh@example.vn")
                    .phone("0987654321")
                    .taxCode("0101234567")
                    .companyName("Binh Trading")
                    .build();

            assertThat(b.toString())
                    .doesNotContain("Tran Thi Binh", "binh@example.vn", "0987654321", "0101234567")
                    .contains("name=***", "email=***", "companyName=Binh Trading");
        }

        @Test
        @DisplayName("redaction does not affect equality")
        void equals_redactedFields_compareRealValues() {
            assertThat(Buyer.named("A")).isEqualTo(Buyer.named("A"));
            assertThat(Buyer.named("A")).isNotEqualTo(Buyer.named("B"));
            assertThat(Buyer.named("A")).hasToString(Buyer.named("B").toString());
        }
    }
}
