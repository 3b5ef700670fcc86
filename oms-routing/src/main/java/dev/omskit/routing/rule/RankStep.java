package dev.omskit.routing.rule;

import dev.omskit.core.error.InvalidArgumentException;

/**
 * One ranker in a profile's chain, with its weight (for weighted scoring) and its tie bucket (for
 * lexicographic ranking: costs in the same bucket of this width tie, so the next ranker decides; 0 means
 * only equal costs tie).
 *
 * @param ranker the ranker
 * @param weight its weight in weighted scoring, zero or more
 * @param tieBucket the width within which costs tie in a lexicographic chain, zero or more
 */
public record RankStep(Ranker ranker, double weight, double tieBucket) {
    public RankStep {
        if (ranker == null) {
            throw InvalidArgumentException.of("ranker", "REQUIRED", "a rank step needs a ranker");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw InvalidArgumentException.of(
                    "weight", "OUT_OF_RANGE", "ranker '" + ranker.name() + "' weight must be >= 0; was " + weight);
        }
        if (!(tieBucket >= 0) || Double.isInfinite(tieBucket)) {
            throw InvalidArgumentException.of(
                    "tieBucket",
                    "OUT_OF_RANGE",
                    "ranker '" + ranker.name() + "' tie bucket must be >= 0; was " + tieBucket);
        }
    }

    /** The ranker with weight 1 and exact ties. */
    public static RankStep of(Ranker ranker) {
        return new RankStep(ranker, 1, 0);
    }

    /** The cost as the chain compares it: bucketed when a tie bucket is set. */
    public double key(double cost) {
        return tieBucket > 0 && Double.isFinite(cost) ? Math.floor(cost / tieBucket) : cost;
    }
}
