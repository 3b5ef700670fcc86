package dev.omskit.core.returns;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A buyer's claim after delivery: units missing, wrong or damaged, with a description and
 * evidence (photo or video references). Moves through {@link ClaimLifecycle}; resolved by a refund or a
 * replacement order.
 */
@Value.Immutable
@OmsStyle
public abstract class Claim implements OrderDocument {
    /** The document kind {@code claim}. */
    public static final DocumentKind<Claim> KIND = DocumentKind.of("claim", Claim.class);

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    public abstract List<ClaimLine> lines();

    /** What happened, in the buyer's words (may hold personal data: prints as {@code ***}). */
    @Value.Redacted
    public abstract String description();

    /** References to photos, videos, carrier reports. */
    public abstract List<String> evidence();

    /** Why it was rejected. */
    public abstract Optional<String> rejectionReason();

    /** How it was resolved. */
    public abstract Optional<ClaimResolution> resolution();

    /** The refund of a claim resolved by refund. */
    public abstract Optional<String> refundId();

    /** The replacement order of a claim resolved by replacement. */
    public abstract Optional<OrderId> replacementOrderId();

    /** Who opened it. */
    public abstract Actor openedBy();

    @Override
    public Set<String> references() {
        return Set.of();
    }

    /** Units claimed per order line. */
    public Map<LineId, Integer> claimedUnits() {
        Map<LineId, Integer> units = new LinkedHashMap<>();
        lines().forEach(l -> units.merge(l.line(), l.units(), Integer::sum));
        return units;
    }

    /** The next version of this claim in {@code state}. */
    public Claim next(State state, Instant at) {
        return builder()
                .from(this)
                .state(state)
                .version(version() + 1)
                .updatedAt(at)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Claim}. */
    public static class Builder extends ImmutableClaim.Builder {}
}
