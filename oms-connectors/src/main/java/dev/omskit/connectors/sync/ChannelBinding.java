package dev.omskit.connectors.sync;

import dev.omskit.connectors.channel.SalesChannel;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Duration;
import java.util.Set;

/**
 * One sales channel account of one tenant, as the sync engine serves it: orders from {@code connector}
 * are captured as orders of {@code channel}; the channel gets the stock of its listed SKUs (its ATP from
 * core, with the channel's buffers) and the status of its orders.
 *
 * @param tenant the tenant
 * @param channel the core channel its orders are captured under; its ATP policy applies to stock pushes
 * @param connector the connector speaking to the channel
 * @param account the provider account (the rate limiter's scope), e.g. the shop id
 * @param listed the SKUs the channel lists; empty means every SKU the engine is told about
 * @param pollEvery how often orders are pulled, when the connector can pull
 */
public record ChannelBinding(
        TenantId tenant, Channel channel, SalesChannel connector, String account, Set<Sku> listed, Duration pollEvery) {
    public ChannelBinding {
        Checks.notNull("tenant", tenant);
        Checks.notNull("channel", channel);
        Checks.notNull("connector", connector);
        Checks.id("account", account);
        listed = Set.copyOf(Checks.notNull("listed", listed));
        Checks.notNull("pollEvery", pollEvery);
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw InvalidArgumentException.of(
                    "pollEvery", "NOT_POSITIVE", "the poll interval must be positive; was " + pollEvery);
        }
    }

    /** The channel's single account, every SKU listed, polled every minute. */
    public static ChannelBinding of(TenantId tenant, Channel channel, SalesChannel connector) {
        return new ChannelBinding(tenant, channel, connector, "default", Set.of(), Duration.ofMinutes(1));
    }

    /** The same binding for another provider account. */
    public ChannelBinding withAccount(String newAccount) {
        return new ChannelBinding(tenant, channel, connector, newAccount, listed, pollEvery);
    }

    /** The same binding listing only {@code skus}. */
    public ChannelBinding listing(Set<Sku> skus) {
        return new ChannelBinding(tenant, channel, connector, account, skus, pollEvery);
    }

    /** The same binding polled at another interval. */
    public ChannelBinding polledEvery(Duration interval) {
        return new ChannelBinding(tenant, channel, connector, account, listed, interval);
    }

    /** The connector's id. */
    public String connectorId() {
        return connector.id();
    }

    /** Whether the channel lists {@code sku}. */
    public boolean lists(Sku sku) {
        return listed.isEmpty() || listed.contains(sku);
    }
}
