package dev.omskit.core.returns;

import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the returns facade is set up: the policy of every order without a more specific one, overrides per
 * tenant and per tenant and channel, and where product data (categories, flags) comes from.
 *
 * <p>Policy lookup: {@link #channelPolicies()} for the order's tenant and channel, else {@link
 * #tenantPolicies()} for its tenant, else {@link #defaultPolicy()}.
 */
@Value.Immutable
@OmsStyle
public abstract class ReturnsConfig {
    /** The policy when nothing more specific is configured. */
    @Value.Default
    public ReturnPolicy defaultPolicy() {
        return ReturnPolicy.defaults();
    }

    /** Policies per tenant. */
    public abstract Map<TenantId, ReturnPolicy> tenantPolicies();

    /** Policies per tenant and channel, keyed {@code <tenant>/<channel>} (see {@link #key}). */
    public abstract Map<String, ReturnPolicy> channelPolicies();

    /**
     * Where product data comes from; empty means the catalogue of {@code Oms#inventory()}, and no product
     * data at all (only SKU lists apply) without an inventory.
     */
    public abstract Optional<ProductCatalog> catalog();

    /** The policy for orders of {@code tenant} taken through {@code channel}. */
    public ReturnPolicy policy(TenantId tenant, ChannelId channel) {
        ReturnPolicy byChannel = channelPolicies().get(key(tenant, channel));
        if (byChannel != null) {
            return byChannel;
        }
        return tenantPolicies().getOrDefault(tenant, defaultPolicy());
    }

    /** The key of {@link #channelPolicies()} for a tenant and channel. */
    public static String key(TenantId tenant, ChannelId channel) {
        return tenant + "/" + channel;
    }

    /** Every order under {@link ReturnPolicy#defaults()}, products from the inventory's catalogue. */
    public static ReturnsConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReturnsConfig}. */
    public static class Builder extends ImmutableReturnsConfig.Builder {
        /** Adds a policy for one tenant's channel. */
        public Builder channelPolicy(TenantId tenant, ChannelId channel, ReturnPolicy policy) {
            putChannelPolicies(key(tenant, channel), policy);
            return this;
        }
    }
}
