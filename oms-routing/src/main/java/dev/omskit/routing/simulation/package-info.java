/**
 * What-if simulation: {@link dev.omskit.routing.simulation.WhatIf} replays a batch of orders against
 * two or more routing profiles, each from the same starting snapshot with stock and capacity consumed as the
 * batch goes, and returns a {@link dev.omskit.routing.simulation.SimulationReport}: shipments, splits,
 * unfulfilled units, distance and shipping cost side by side, and the orders whose decisions differ.
 */
@OmsStyle
package dev.omskit.routing.simulation;

import dev.omskit.core.support.OmsStyle;
