package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.fraud.FraudDecision;
import dev.omskit.connectors.fraud.FraudRequest;
import dev.omskit.connectors.fraud.FraudScreening;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fraud screen in memory: orders at or above the review threshold are sent to review, at or above the
 * reject threshold rejected, unless a test set a verdict for the order. Idempotent per order and
 * fingerprint: the same order screened again gets the same decision. Scriptable through {@link
 * #script()}. Thread-safe.
 */
public final class FakeFraudScreening implements FraudScreening {
    private record Key(OrderId order, String fingerprint) {}

    private final String id;
    private final Money reviewFrom;
    private final Money rejectFrom;
    private final Map<OrderId, FraudDecision.Verdict> forced = new ConcurrentHashMap<>();
    private final Map<Key, FraudDecision> decisions = new ConcurrentHashMap<>();
    private final AtomicLong references = new AtomicLong();
    private final FakeScript script;

    /** A fake with id {@code fake-fraud} reviewing orders from {@code reviewFrom}, rejecting from {@code rejectFrom}. */
    public FakeFraudScreening(Money reviewFrom, Money rejectFrom) {
        this.id = "fake-fraud";
        this.reviewFrom = Checks.notNull("reviewFrom", reviewFrom);
        this.rejectFrom = Checks.notNull("rejectFrom", rejectFrom);
        this.script = new FakeScript(id);
    }

    /** The order gets {@code verdict}, whatever its total. */
    public FakeFraudScreening verdict(OrderId order, FraudDecision.Verdict verdict) {
        forced.put(Checks.notNull("order", order), Checks.notNull("verdict", verdict));
        return this;
    }

    /** The scripted behaviour and the record of calls. */
    public FakeScript script() {
        return script;
    }

    /** How many distinct decisions were made (repeats are not counted). */
    public int decisions() {
        return decisions.size();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(SCREEN);
    }

    @Override
    public FraudDecision screen(FraudRequest request) {
        Checks.notNull("request", request);
        script.enter("screen", request.order());
        return decisions.computeIfAbsent(new Key(request.order(), request.fingerprint()), k -> decide(request));
    }

    private FraudDecision decide(FraudRequest request) {
        String reference = "fraud-" + references.incrementAndGet();
        FraudDecision.Verdict verdict = forced.get(request.order());
        if (verdict != null) {
            return new FraudDecision(
                    verdict, verdict == FraudDecision.Verdict.ACCEPT ? 10 : 90, List.of("set by the test"), reference);
        }
        Money total = request.total();
        if (total.compareTo(rejectFrom) >= 0) {
            return new FraudDecision(
                    FraudDecision.Verdict.REJECT, 95, List.of("total at or above " + rejectFrom), reference);
        }
        if (total.compareTo(reviewFrom) >= 0) {
            return new FraudDecision(
                    FraudDecision.Verdict.REVIEW, 60, List.of("total at or above " + reviewFrom), reference);
        }
        return new FraudDecision(FraudDecision.Verdict.ACCEPT, 5, List.of(), reference);
    }
}
