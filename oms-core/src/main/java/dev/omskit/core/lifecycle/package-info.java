/**
 * A small, generic state machine declared as data: a {@link dev.omskit.core.lifecycle.Lifecycle} is a
 * set of ranked {@link dev.omskit.core.lifecycle.State states} with initial and final ones, and a table
 * of {@link dev.omskit.core.lifecycle.Transition transitions} (state x {@link
 * dev.omskit.core.lifecycle.Trigger trigger} -> state) carrying {@link dev.omskit.core.lifecycle.Guard
 * guards} and {@link dev.omskit.core.lifecycle.Action actions}. The builder validates the whole graph
 * (every state reachable and able to reach an end) and reports every problem at once; a host extends a
 * lifecycle of the library with {@link dev.omskit.core.lifecycle.Lifecycle#toBuilder()} instead of
 * forking it, and any lifecycle can be exported as a Mermaid or Graphviz DOT diagram. Every type except
 * the builder is immutable and thread-safe.
 */
package dev.omskit.core.lifecycle;
