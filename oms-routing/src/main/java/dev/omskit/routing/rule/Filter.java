package dev.omskit.routing.rule;

/**
 * A rule that excludes candidates: either whole locations ({@link LocationFilter}) or a line at a location
 * ({@link LineFilter}). Filters run in the order of the profile; the first that excludes a candidate is the
 * one the explanation names.
 *
 * @implSpec Implementations are immutable, thread-safe and pure (no I/O; everything comes from the {@link
 *     RoutingContext}). The reason is asked for only when an explanation is rendered, so it may be as
 *     detailed as is useful.
 */
public sealed interface Filter permits LocationFilter, LineFilter {
    /** The rule's name as written in profiles, for example {@code max-distance}. */
    String name();
}
