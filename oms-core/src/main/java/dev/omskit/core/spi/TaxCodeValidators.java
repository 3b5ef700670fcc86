package dev.omskit.core.spi;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TaxCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tax code validators of a host, by country: {@link #defaults()} knows Vietnam; {@link
 * #with(TaxCodeValidator)} adds or replaces a country. A code of a country nobody validates is refused
 * ({@code UNSUPPORTED_COUNTRY}), so nothing unchecked reaches an invoice. Immutable and thread-safe.
 */
public final class TaxCodeValidators {
    private final Map<String, TaxCodeValidator> byCountry;

    private TaxCodeValidators(Map<String, TaxCodeValidator> byCountry) {
        this.byCountry = Map.copyOf(byCountry);
    }

    /** Vietnam only. */
    public static TaxCodeValidators defaults() {
        return new TaxCodeValidators(Map.of("VN", TaxCodeValidator.vietnam()));
    }

    /** These validators and {@code validator} for its country (replacing one there was). */
    public TaxCodeValidators with(TaxCodeValidator validator) {
        String country = validator.country();
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw InvalidArgumentException.of(
                    "country", "MALFORMED", "a tax code validator must name an upper-case ISO country; was " + country);
        }
        Map<String, TaxCodeValidator> next = new LinkedHashMap<>(byCountry);
        next.put(country, validator);
        return new TaxCodeValidators(next);
    }

    /** The normalised code of {@code raw} for the country, or an error naming what is wrong. */
    public TaxCode parse(String countryCode, String raw) {
        String country = countryCode == null ? "" : countryCode.trim().toUpperCase(Locale.ROOT);
        TaxCodeValidator v = byCountry.get(country);
        if (v == null) {
            throw InvalidArgumentException.of(
                    "taxCode",
                    "UNSUPPORTED_COUNTRY",
                    "no tax code validator for country '" + countryCode + "' (known: "
                            + new TreeSet<>(byCountry.keySet()) + "); add one with TaxCodeValidators.with(...)");
        }
        return v.parse(raw);
    }

    @Override
    public String toString() {
        return "TaxCodeValidators" + new TreeSet<>(byCountry.keySet());
    }
}
