/**
 * oms-routing: explainable sourcing. A {@link dev.omskit.routing.Router} decides which locations fulfil the
 * lines of a {@link dev.omskit.routing.RoutingRequest} against a {@link dev.omskit.routing.RoutingInput}
 * snapshot, by the {@link dev.omskit.routing.profile.RoutingProfile profile} chosen for it, and returns a
 * {@link dev.omskit.routing.RoutingDecision} with its {@link dev.omskit.routing.Explanation}. {@link
 * dev.omskit.routing.RoutingSourcing} plugs it into core's order lifecycle.
 */
@OmsStyle
package dev.omskit.routing;

import dev.omskit.core.support.OmsStyle;
