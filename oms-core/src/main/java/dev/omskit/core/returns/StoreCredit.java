package dev.omskit.core.returns;

import dev.omskit.core.document.DocumentKind;
import dev.omskit.core.document.OrderDocument;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Credit for future purchases, issued instead of a refund, found by its code. Its balance only goes down
 * (never below zero), by redemptions; it moves through {@link StoreCreditLifecycle}.
 */
@Value.Immutable
@OmsStyle
public abstract class StoreCredit implements OrderDocument {
    /** The document kind {@code store-credit}. */
    public static final DocumentKind<StoreCredit> KIND = DocumentKind.of("store-credit", StoreCredit.class);

    @Override
    public DocumentKind<?> kind() {
        return KIND;
    }

    /** The code the buyer redeems it with; its reference. */
    public abstract String code();

    /** The amount issued. */
    public abstract Money amount();

    /** What is left. */
    public abstract Money balance();

    /** After this instant it can no longer be redeemed. */
    public abstract Optional<Instant> expiresAt();

    /** The return it was issued for. */
    public abstract Optional<String> returnId();

    /** Its uses, oldest first. */
    public abstract List<Redemption> redemptions();

    @Override
    public Set<String> references() {
        return Set.of(code());
    }

    /** Whether it is past its expiry at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt().isPresent() && now.isAfter(expiresAt().get());
    }

    @Value.Check
    protected void check() {
        if (balance().isNegative() || balance().compareTo(amount()) > 0) {
            throw new dev.omskit.core.error.InvalidArgumentException(
                    "store credit " + id() + ": balance " + balance() + " must be between zero and " + amount());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StoreCredit}. */
    public static class Builder extends ImmutableStoreCredit.Builder {}
}
