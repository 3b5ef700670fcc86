package dev.omskit.core.model;

import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address, shaped for both Western addresses and Vietnamese ones (ward, district, province).
 * Building one checks nothing; the use cases validate an address where it is used and list every problem
 * (missing street, unknown country code ...). The recipient, phone and street lines are personal data and
 * print as {@code ***}.
 */
@Value.Immutable
@OmsStyle
public abstract class Address {
    /** Name of the person (or company) receiving the parcel. */
    @Value.Redacted
    @Value.Default
    public String recipient() {
        return "";
    }

    /** Phone number of the recipient, digits with an optional leading {@code +}. */
    @Value.Redacted
    @Value.Default
    public String phone() {
        return "";
    }

    /** Street and number. */
    @Value.Redacted
    @Value.Default
    public String line1() {
        return "";
    }

    /** Further street details, if any. */
    @Value.Redacted
    public abstract Optional<String> line2();

    /** Ward (Vietnam: phuong / xa), if used. */
    public abstract Optional<String> ward();

    /** District (Vietnam: quan / huyen), if used. */
    public abstract Optional<String> district();

    /** City or province. */
    @Value.Default
    public String city() {
        return "";
    }

    /** State or region, if used. */
    public abstract Optional<String> region();

    /** Postal code, if the country uses one. */
    public abstract Optional<String> postalCode();

    /** ISO 3166-1 alpha-2 country code, e.g. {@code VN}. */
    @Value.Default
    public String countryCode() {
        return "";
    }

    /** Where the address is, if known (used by routing to measure distances). */
    public abstract Optional<GeoPoint> geo();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Address}. */
    public static class Builder extends ImmutableAddress.Builder {}
}
