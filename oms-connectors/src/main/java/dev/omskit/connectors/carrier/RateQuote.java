package dev.omskit.connectors.carrier;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.support.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One service a carrier offers for a {@link RateRequest}: its price and when it would deliver, in days or
 * as a date (at least one of them when the carrier says, neither when it gives no estimate).
 *
 * @param service the core service level, e.g. {@code EXPRESS} or {@code GHN-STANDARD}
 * @param price what the carrier charges (not negative)
 * @param estimatedDays delivery in this many days, if the carrier says (not negative)
 * @param estimatedDate delivery on this date, if the carrier says
 */
public record RateQuote(
        ServiceLevel service, Money price, Optional<Integer> estimatedDays, Optional<LocalDate> estimatedDate) {
    public RateQuote {
        Checks.notNull("service", service);
        Checks.notNull("price", price);
        Checks.notNull("estimatedDays", estimatedDays);
        Checks.notNull("estimatedDate", estimatedDate);
        if (price.isNegative()) {
            throw InvalidArgumentException.of("price", "NEGATIVE", "a rate's price must not be negative; was " + price);
        }
        if (estimatedDays.isPresent() && estimatedDays.get() < 0) {
            throw InvalidArgumentException.of(
                    "estimatedDays", "NEGATIVE", "estimated days must not be negative; was " + estimatedDays.get());
        }
    }

    /** A quote delivering in {@code days} days. */
    public static RateQuote inDays(ServiceLevel service, Money price, int days) {
        return new RateQuote(service, price, Optional.of(days), Optional.empty());
    }
}
