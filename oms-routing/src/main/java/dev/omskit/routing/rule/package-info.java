/**
 * The rules routing decisions are made of: {@link dev.omskit.routing.rule.LocationFilter location filters},
 * {@link dev.omskit.routing.rule.LineFilter line filters} and {@link dev.omskit.routing.rule.Ranker rankers}
 * seen through a {@link dev.omskit.routing.rule.RoutingContext}, the built-in ones in {@link
 * dev.omskit.routing.rule.Filters} and {@link dev.omskit.routing.rule.Rankers}, and the {@link
 * dev.omskit.routing.rule.RateTable shipping rate table} the cost ranker and delivery promises price with.
 * Custom rules are small Java classes implementing these interfaces.
 */
@OmsStyle
package dev.omskit.routing.rule;

import dev.omskit.core.support.OmsStyle;
