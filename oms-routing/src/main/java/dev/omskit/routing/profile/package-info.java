/**
 * Routing profiles: {@link dev.omskit.routing.profile.RoutingProfile a profile} names its filters, rankers,
 * strategy and limits; {@link dev.omskit.routing.profile.RoutingProfiles a profile set} chooses one per
 * request by channel, order type, delivery method or attributes within effective dates; {@link
 * dev.omskit.routing.profile.ProfileLoader} reads them from JSON or YAML and {@link
 * dev.omskit.routing.profile.RuleRegistry} resolves rule names, built-in and custom.
 */
@OmsStyle
package dev.omskit.routing.profile;

import dev.omskit.core.support.OmsStyle;
