package dev.omskit.core.model;

/** What kind of sales channel an order came from. */
public enum ChannelKind {
    /** The merchant's own web or app store. */
    WEB_STORE,
    /** A marketplace such as Shopee, Lazada, TikTok Shop or Amazon. */
    MARKETPLACE,
    /** Social commerce (a shop on a social network) whose orders arrive through an integration. */
    SOCIAL_COMMERCE,
    /** Entered by an agent on behalf of a customer: phone, chat or social-media messages. */
    MANUAL,
    /** A point of sale in a store. */
    POINT_OF_SALE,
    /** Anything else, such as a bulk import of historical orders. */
    OTHER
}
