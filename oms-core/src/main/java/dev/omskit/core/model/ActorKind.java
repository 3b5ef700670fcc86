package dev.omskit.core.model;

/** Who caused a change, as recorded in the audit trail. */
public enum ActorKind {
    /** A customer acting on their own orders (self-service). */
    CUSTOMER,
    /** A service agent of the merchant, possibly on behalf of a customer. */
    AGENT,
    /** A sales channel (webhook, poll). */
    CHANNEL,
    /** The system itself: a scheduler, a sweep, a connector. */
    SYSTEM
}
