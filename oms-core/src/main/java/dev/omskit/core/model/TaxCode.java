package dev.omskit.core.model;

import dev.omskit.core.error.InvalidArgumentException;
import java.util.Locale;
import java.util.Optional;

/**
 * A taxpayer's identification number, already validated for its country by a {@code TaxCodeValidator}
 * (see {@code dev.omskit.core.spi.TaxCodeValidators}): for Vietnam the 10-digit enterprise code (mã số
 * thuế), optionally with the 3-digit number of a branch or dependent unit.
 *
 * @param country ISO 3166-1 alpha-2 country code, upper case
 * @param number the code without separators (for Vietnam the 10 digits)
 * @param branch the branch suffix, when the code names a branch (for Vietnam 001 to 999)
 */
public record TaxCode(String country, String number, Optional<String> branch) {
    public TaxCode {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw InvalidArgumentException.of(
                    "taxCode.country",
                    "MALFORMED",
                    "a tax code needs an ISO country code of 2 letters; was " + country);
        }
        if (number == null || number.isBlank()) {
            throw InvalidArgumentException.of("taxCode", "REQUIRED", "a tax code needs a number");
        }
        branch = branch == null ? Optional.empty() : branch;
    }

    /** A tax code of a head office (no branch). */
    public static TaxCode of(String country, String number) {
        return new TaxCode(country.toUpperCase(Locale.ROOT), number, Optional.empty());
    }

    /** The code as printed on invoices: the number, then {@code -} and the branch when there is one. */
    public String printed() {
        return branch.map(b -> number + "-" + b).orElse(number);
    }

    /** Whether the code names a branch or dependent unit rather than the head office. */
    public boolean isBranch() {
        return branch.isPresent();
    }

    @Override
    public String toString() {
        return country + " " + printed();
    }
}
