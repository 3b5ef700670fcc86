package dev.omskit.core.model;

import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * Who does something: a customer, an agent (possibly on behalf of a customer), a channel or the system.
 * Every command names its actor and every audit entry records it. A {@link ActorKind#CUSTOMER customer}
 * may act only on their own orders.
 *
 * @param kind what kind of actor
 * @param id the actor's id within its kind (customer id, agent login, channel id, component name)
 * @param onBehalfOf for an agent acting for a customer, that customer
 */
public record Actor(ActorKind kind, String id, Optional<CustomerId> onBehalfOf) {
    public Actor {
        Checks.notNull("actor kind", kind);
        Checks.id("actor id", id);
        Checks.notNull("onBehalfOf", onBehalfOf);
        if (onBehalfOf.isPresent() && kind != ActorKind.AGENT) {
            throw new dev.omskit.core.error.InvalidArgumentException(
                    "only an agent acts on behalf of a customer; was " + kind + " '" + id + "'");
        }
    }

    /** A customer acting for themselves. */
    public static Actor customer(CustomerId customer) {
        return new Actor(ActorKind.CUSTOMER, customer.value(), Optional.empty());
    }

    /** A service agent acting for the merchant. */
    public static Actor agent(String agentId) {
        return new Actor(ActorKind.AGENT, agentId, Optional.empty());
    }

    /** A service agent acting on behalf of a customer; the act is attributed to the agent. */
    public static Actor agentFor(String agentId, CustomerId customer) {
        return new Actor(ActorKind.AGENT, agentId, Optional.of(customer));
    }

    /** A sales channel (its webhook or poller). */
    public static Actor channel(ChannelId channel) {
        return new Actor(ActorKind.CHANNEL, channel.value(), Optional.empty());
    }

    /** The system: a named component such as {@code reservation-sweeper}. */
    public static Actor system(String component) {
        return new Actor(ActorKind.SYSTEM, component, Optional.empty());
    }

    /** The customer this actor is, if it is one. */
    public Optional<CustomerId> asCustomer() {
        return kind == ActorKind.CUSTOMER ? Optional.of(CustomerId.of(id)) : Optional.empty();
    }

    /** For example {@code agent:linh (for customer c-9)}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id
                + onBehalfOf.map(c -> " (for customer " + c + ")").orElse("");
    }
}
