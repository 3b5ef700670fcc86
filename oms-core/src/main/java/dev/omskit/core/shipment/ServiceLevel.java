package dev.omskit.core.shipment;

import dev.omskit.core.support.Checks;

/**
 * A carrier service: {@link #EXPRESS}, {@link #ECONOMY}, or a carrier's named service such as {@code
 * GHN-STANDARD}.
 *
 * @param code upper-case letters, digits, dashes or underscores
 */
public record ServiceLevel(String code) {
    public static final ServiceLevel EXPRESS = new ServiceLevel("EXPRESS");
    public static final ServiceLevel ECONOMY = new ServiceLevel("ECONOMY");

    public ServiceLevel {
        Checks.id("service level", code);
    }

    /** A named service. */
    public static ServiceLevel of(String code) {
        return new ServiceLevel(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
