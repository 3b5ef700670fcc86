package dev.omskit.core.returns;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Money to give back to the buyer of an order: from a return, a claim, a cheaper exchange, or a goodwill
 * gesture by an agent. Moves through {@link RefundLifecycle}: created {@code PENDING} (noted as a negative
 * payment difference), executed by the payment connector, then confirmed (the order's payment records
 * {@code REFUND_PARTIAL} or {@code REFUND} in the same commit) or failed and retried.
 */
@Value.Immutable
@OmsStyle
public abstract class Refund implements OrderDocument {
    /** The document kind {@code refund}. */
    public static final DocumentKind<Refund> KIND = DocumentKind.of("refund", Refund.class);

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    /** The amount to give back (positive). */
    public abstract Money amount();

    /** Why, for people: {@code refund of return ord-1-r1}, a goodwill reason. */
    public abstract String reason();

    /** The return it refunds, if any. */
    public abstract Optional<String> returnId();

    /** The claim it settles, if any. */
    public abstract Optional<String> claimId();

    /** Units refunded per order line (empty for goodwill and shipping-only refunds). */
    public abstract Map<LineId, Integer> refundedUnits();

    /** Whether it gives back the order's shipping fee. */
    public abstract boolean shippingRefunded();

    /** The restocking fee kept (zero when none or waived). */
    public abstract Money restockingFee();

    /** The payment provider's reference once it succeeded. */
    public abstract Optional<String> providerReference();

    /** Why the last attempt failed. */
    public abstract Optional<String> failure();

    @Override
    public Set<String> references() {
        return Set.of();
    }

    /** The next version of this refund in {@code state}. */
    public Refund next(State state, Instant at) {
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

    /** Builds a {@link Refund}. */
    public static class Builder extends ImmutableRefund.Builder {}
}
