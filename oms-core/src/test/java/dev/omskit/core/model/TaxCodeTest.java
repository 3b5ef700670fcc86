package dev.omskit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.spi.TaxCodeValidator;
import dev.omskit.core.spi.TaxCodeValidators;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxCodeTest {
    private static final TaxCodeValidator VN = TaxCodeValidator.vietnam();

    private static void assertRefused(String raw, String code, String messagePart) {
        assertThatThrownBy(() -> VN.parse(raw)).isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("taxCode");
                assertThat(v.code()).isEqualTo(code);
                assertThat(v.message()).contains(messagePart);
            });
        });
    }

    @Nested
    class Vietnam {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            // published codes of well-known enterprises: weighted sums 114, 207 and 375
            "0100109106, 0100109106",
            "0101248141, 0101248141",
            "0300588569, 0300588569",
            "'0100 109 106', 0100109106",
            "0101.248.141, 0101248141"
        })
        void parse_headOfficeCode_isAcceptedAndNormalised(String raw, String number) {
            TaxCode code = VN.parse(raw);

            assertThat(code.country()).isEqualTo("VN");
            assertThat(code.number()).isEqualTo(number);
            assertThat(code.branch()).isEmpty();
            assertThat(code.isBranch()).isFalse();
            assertThat(code.printed()).isEqualTo(number);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"0100109106-001", "0100109106001", "'0100109106 - 999'"})
        void parse_branchCode_keepsTheBranch(String raw) {
            TaxCode code = VN.parse(raw);

            assertThat(code.number()).isEqualTo("0100109106");
            assertThat(code.branch()).isPresent();
            assertThat(code.printed()).startsWith("0100109106-").hasSize(14);
        }

        @Test
        void parse_wrongCheckDigit_isRefusedNamingTheRightOne() {
            // 0100109106 is valid: its weighted sum 114 leaves 4, so the check digit is 10 - 4 = 6
            assertRefused("0100109107", "BAD_CHECK_DIGIT", "the tenth digit should be 6, not 7");
        }

        @Test
        void parse_branchOfAnInvalidCode_isRefusedByTheCheckDigit() {
            assertRefused("0100109107-001", "BAD_CHECK_DIGIT", "should be 6");
        }

        @Test
        void parse_nineDigitsWhoseSumLeavesNothing_haveNoValidCode() {
            assertRefused("0000000000", "BAD_CHECK_DIGIT", "no tenth digit is valid after 000000000");
        }

        @Test
        void parse_branchZero_isRefused() {
            assertRefused("0100109106-000", "BAD_BRANCH", "001 to 999");
        }

        @ParameterizedTest(name = "''{0}''")
        @CsvSource({"010010910", "01001091061", "0100109106-01", "010010910A", "MST0100109106", "0100109106--001"})
        void parse_wrongShape_isMalformed(String raw) {
            assertRefused(raw, "MALFORMED", "must be 10 digits, or 13 with a branch suffix");
        }

        @Test
        void parse_blank_isRequired() {
            assertRefused("  ", "REQUIRED", "required");
            assertRefused(null, "REQUIRED", "required");
        }
    }

    @Nested
    class Registry {
        @Test
        void parse_byCountry_usesThatCountrysValidator() {
            assertThat(TaxCodeValidators.defaults().parse("vn", "0300588569"))
                    .isEqualTo(new TaxCode("VN", "0300588569", Optional.empty()));
        }

        @Test
        void parse_countryNobodyValidates_isRefusedNamingTheKnownOnes() {
            assertThatThrownBy(() -> TaxCodeValidators.defaults().parse("TH", "0105536000011"))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.code()).isEqualTo("UNSUPPORTED_COUNTRY");
                                assertThat(v.message()).contains("'TH'", "[VN]");
                            }));
        }

        @Test
        void with_aHostsValidator_addsItsCountry() {
            TaxCodeValidator thailand = new TaxCodeValidator() {
                @Override
                public String country() {
                    return "TH";
                }

                @Override
                public TaxCode parse(String raw) {
                    if (!raw.matches("\\d{13}")) {
                        throw InvalidArgumentException.of("taxCode", "MALFORMED", "13 digits; was " + raw);
                    }
                    return TaxCode.of("TH", raw);
                }
            };

            TaxCodeValidators validators = TaxCodeValidators.defaults().with(thailand);

            assertThat(validators.parse("TH", "0105536000011").printed()).isEqualTo("0105536000011");
            assertThat(validators.parse("VN", "0100109106").country()).isEqualTo("VN");
            assertThat(validators.toString()).isEqualTo("TaxCodeValidators[TH, VN]");
        }
    }

    @Test
    void taxCode_withoutAProperCountry_isRefused() {
        assertThatThrownBy(() -> new TaxCode("Vietnam", "0100109106", Optional.empty()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ISO country code");
    }
}
