package dev.omskit.routing.profile;

/** How a profile's rankers combine. */
public enum Scoring {
    /** The first ranker orders the candidates; later rankers only break its ties (within its tie bucket). */
    LEXICOGRAPHIC,
    /** Every ranker's cost normalised to [0, 1] over the candidates, weighed and summed. */
    WEIGHTED
}
