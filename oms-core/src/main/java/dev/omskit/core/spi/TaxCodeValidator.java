package dev.omskit.core.spi;

import dev.omskit.core.model.TaxCode;

/**
 * Validates and normalises the tax codes of one country (the buyer's code on a VAT invoice, a supplier's
 * code). Core ships {@link #vietnam()}; hosts add other countries through {@link TaxCodeValidators}.
 *
 * @implSpec Pure, thread-safe, no I/O (a check of the form and check digits, not a lookup at the tax
 *     authority). A bad code is an {@link dev.omskit.core.error.InvalidArgumentException} whose violation
 *     field is {@code taxCode}, with a code ({@code MALFORMED}, {@code BAD_CHECK_DIGIT}, {@code BAD_BRANCH}
 *     ...) and a message naming the value; a good one is returned normalised (separators removed).
 */
public interface TaxCodeValidator {
    /** The ISO 3166-1 alpha-2 country this validator knows, upper case. */
    String country();

    /** The normalised code, or an error naming what is wrong. */
    TaxCode parse(String raw);

    /**
     * Vietnamese tax codes (mã số thuế): 10 digits whose tenth is the check digit of the first nine (weights
     * 31, 29, 23, 19, 17, 13, 7, 5, 3; check digit 10 minus the weighted sum modulo 11, so a sum leaving 0
     * has no valid code), or 13 digits where the last 3 number a branch (001 to 999), written with or
     * without a dash; spaces and dots are ignored.
     */
    static TaxCodeValidator vietnam() {
        return VietnamTaxCodes.INSTANCE;
    }
}
