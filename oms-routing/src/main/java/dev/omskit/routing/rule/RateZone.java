package dev.omskit.routing.rule;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One zone of a {@link RateTable}: when it applies (same city, same region, within a distance, or always)
 * and its price per chargeable weight: brackets up to a weight, then a price per further step.
 */
@Value.Immutable
@OmsStyle
public abstract class RateZone {
    public abstract String name();

    /** Applies when origin and destination are in the same city. */
    @Value.Default
    public boolean sameCity() {
        return false;
    }

    /** Applies when origin and destination are in the same region (province). */
    @Value.Default
    public boolean sameRegion() {
        return false;
    }

    /** Applies within this great-circle distance. */
    public abstract OptionalDouble maxDistanceKm();

    /** Prices by weight, ascending by {@code upToGrams}; at least one. */
    public abstract List<Bracket> brackets();

    /** Grams per extra step above the last bracket. */
    @Value.Default
    public int stepGrams() {
        return 500;
    }

    /** Price of each extra step above the last bracket; free when absent. */
    public abstract Optional<Money> stepPrice();

    /**
     * A weight bracket.
     *
     * @param upToGrams the heaviest chargeable weight at this price, positive
     * @param price the price
     */
    public record Bracket(int upToGrams, Money price) {
        public Bracket {
            if (upToGrams <= 0) {
                throw InvalidArgumentException.of(
                        "upToGrams", "NOT_POSITIVE", "a rate bracket must reach a positive weight; was " + upToGrams);
            }
            if (price == null || price.isNegative()) {
                throw InvalidArgumentException.of("price", "NEGATIVE", "a rate bracket needs a price of 0 or more");
            }
        }
    }

    /** The price for this chargeable weight. */
    public Money price(int chargeableGrams) {
        for (Bracket b : brackets()) {
            if (chargeableGrams <= b.upToGrams()) {
                return b.price();
            }
        }
        Bracket last = brackets().get(brackets().size() - 1);
        if (stepPrice().isEmpty()) {
            return last.price();
        }
        long steps = ((long) chargeableGrams - last.upToGrams() + stepGrams() - 1) / stepGrams();
        return last.price().plus(stepPrice().get().times(steps));
    }

    @Value.Check
    void check() {
        String field = "zones[" + name() + "]";
        if (name().isBlank()) {
            throw InvalidArgumentException.of("zones.name", "BLANK", "a rate zone needs a name");
        }
        if (brackets().isEmpty()) {
            throw InvalidArgumentException.of(
                    field + ".brackets", "EMPTY", "rate zone '" + name() + "' needs at least one weight bracket");
        }
        for (int i = 1; i < brackets().size(); i++) {
            if (brackets().get(i).upToGrams() <= brackets().get(i - 1).upToGrams()) {
                throw InvalidArgumentException.of(
                        field + ".brackets[" + i + "].upToGrams",
                        "NOT_ASCENDING",
                        "rate zone '" + name() + "' brackets must ascend by weight; "
                                + brackets().get(i).upToGrams() + " g follows "
                                + brackets().get(i - 1).upToGrams() + " g");
            }
        }
        if (stepGrams() <= 0) {
            throw InvalidArgumentException.of(
                    field + ".stepGrams", "NOT_POSITIVE", "rate zone '" + name() + "' step must be positive");
        }
        if (maxDistanceKm().isPresent() && !(maxDistanceKm().getAsDouble() > 0)) {
            throw InvalidArgumentException.of(
                    field + ".maxDistanceKm",
                    "NOT_POSITIVE",
                    "rate zone '" + name() + "' distance must be positive; was "
                            + maxDistanceKm().getAsDouble());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RateZone}. */
    public static class Builder extends ImmutableRateZone.Builder {}
}
