package dev.omskit.connectors.fraud;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.support.Checks;
import java.util.List;

/**
 * A fraud screen's verdict on an order: a risk score from 0 (safe) to 100, accept / review / reject, the
 * reasons (no personal data), and the provider's reference.
 *
 * @param verdict what to do with the order
 * @param score 0 to 100
 * @param reasons for people, e.g. {@code address differs from the usual one}
 * @param reference the provider's id of the decision
 */
public record FraudDecision(Verdict verdict, int score, List<String> reasons, String reference) {
    /** What to do with the order. */
    public enum Verdict {
        ACCEPT,
        REVIEW,
        REJECT
    }

    public FraudDecision {
        Checks.notNull("verdict", verdict);
        reasons = List.copyOf(reasons);
        Checks.notNull("reference", reference);
        if (score < 0 || score > 100) {
            throw InvalidArgumentException.of("score", "OUT_OF_RANGE", "a fraud score is 0..100; was " + score);
        }
    }
}
