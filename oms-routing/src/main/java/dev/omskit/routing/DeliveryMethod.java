package dev.omskit.routing;

/** How the customer receives an order: shipped to an address, or collected at a location. */
public enum DeliveryMethod {
    /** Shipped by a carrier to the destination address. */
    SHIP,
    /** Collected by the customer at a pickup location (click and collect). */
    PICKUP
}
