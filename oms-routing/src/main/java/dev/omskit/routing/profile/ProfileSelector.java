package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.support.OmsStyle;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.RoutingRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * When a profile applies: every condition given must hold (channel, channel kind, order type, delivery
 * method, order attributes), within the effective dates ({@code from} inclusive, {@code until}
 * exclusive). A selector with no condition matches every request in its dates.
 */
@Value.Immutable
@OmsStyle
public abstract class ProfileSelector {
    /** The profile chosen when this selector matches. */
    public abstract String profile();

    public abstract Set<ChannelId> channels();

    public abstract Set<ChannelKind> channelKinds();

    public abstract Set<String> orderTypes();

    public abstract Set<DeliveryMethod> deliveryMethods();

    /** Order attributes that must have these values (for example {@code customerTier: gold}). */
    public abstract Map<String, String> attributes();

    public abstract Optional<Instant> effectiveFrom();

    public abstract Optional<Instant> effectiveUntil();

    /** Whether the selector chooses its profile for this request at this time. */
    public boolean matches(RoutingRequest request, Instant now) {
        if (effectiveFrom().isPresent() && now.isBefore(effectiveFrom().get())) {
            return false;
        }
        if (effectiveUntil().isPresent() && !now.isBefore(effectiveUntil().get())) {
            return false;
        }
        if (!channels().isEmpty()
                && (request.channel().isEmpty()
                        || !channels().contains(request.channel().get().id()))) {
            return false;
        }
        if (!channelKinds().isEmpty()
                && (request.channel().isEmpty()
                        || !channelKinds().contains(request.channel().get().kind()))) {
            return false;
        }
        if (!orderTypes().isEmpty()
                && (request.orderType().isEmpty()
                        || !orderTypes().contains(request.orderType().get()))) {
            return false;
        }
        if (!deliveryMethods().isEmpty() && !deliveryMethods().contains(request.deliveryMethod())) {
            return false;
        }
        for (Map.Entry<String, String> e : attributes().entrySet()) {
            if (!e.getValue().equals(request.attributes().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Value.Check
    void check() {
        if (effectiveFrom().isPresent()
                && effectiveUntil().isPresent()
                && !effectiveFrom().get().isBefore(effectiveUntil().get())) {
            throw InvalidArgumentException.of(
                    "selectors[" + profile() + "].effectiveUntil",
                    "BEFORE_FROM",
                    "selector for profile '" + profile() + "' ends ("
                            + effectiveUntil().get() + ") before it starts ("
                            + effectiveFrom().get() + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProfileSelector}. */
    public static class Builder extends ImmutableProfileSelector.Builder {}
}
