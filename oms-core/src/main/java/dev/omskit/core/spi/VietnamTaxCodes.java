package dev.omskit.core.spi;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TaxCode;
import java.util.Optional;

/** See {@link TaxCodeValidator#vietnam()}. */
final class VietnamTaxCodes implements TaxCodeValidator {
    static final VietnamTaxCodes INSTANCE = new VietnamTaxCodes();

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private VietnamTaxCodes() {}

    @Override
    public String country() {
        return "VN";
    }

    @Override
    public TaxCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidArgumentException.of("taxCode", "REQUIRED", "a Vietnamese tax code is required");
        }
        String compact = raw.replace(" ", "").replace(".", "");
        String digits;
        String branch = null;
        if (compact.matches("\\d{10}")) {
            digits = compact;
        } else if (compact.matches("\\d{10}-?\\d{3}")) {
            digits = compact.substring(0, 10);
            branch = compact.substring(compact.length() - 3);
        } else {
            throw InvalidArgumentException.of(
                    "taxCode",
                    "MALFORMED",
                    "Vietnamese tax code '" + raw + "' must be 10 digits, or 13 with a branch suffix (0100109106 or"
                            + " 0100109106-001)");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        if (check > 9 || check != digits.charAt(9) - '0') {
            throw InvalidArgumentException.of(
                    "taxCode",
                    "BAD_CHECK_DIGIT",
                    "Vietnamese tax code '" + raw + "' fails its check digit"
                            + (check > 9
                                    ? " (no tenth digit is valid after " + digits.substring(0, 9) + ")"
                                    : ": the tenth digit should be " + check + ", not " + digits.charAt(9)));
        }
        if ("000".equals(branch)) {
            throw InvalidArgumentException.of(
                    "taxCode",
                    "BAD_BRANCH",
                    "Vietnamese tax code '" + raw + "' has branch 000; branches are numbered 001 to 999");
        }
        return new TaxCode("VN", digits, Optional.ofNullable(branch));
    }

    @Override
    public String toString() {
        return "TaxCodeValidator.vietnam()";
    }
}
