package dev.omskit.routing;

import dev.omskit.core.model.LocationId;
import java.util.List;
import java.util.Optional;

/**
 * What a decision made of one location: excluded by a filter (named, with its reason), or ranked (its
 * position and each ranker's score), and whether it was chosen.
 *
 * @param location the location
 * @param excludedBy the filter that excluded it, when it was
 * @param reason why it was excluded, or a summary of what it could supply
 * @param rank 1-based position among the candidates; 0 when excluded
 * @param scores each ranker's score, in profile order; empty when excluded
 * @param chosen whether the decision ships from it
 * @param lineNotes per line, what it could not supply and why (line filters, short stock)
 */
public record LocationVerdict(
        LocationId location,
        Optional<String> excludedBy,
        String reason,
        int rank,
        List<Score> scores,
        boolean chosen,
        List<String> lineNotes) {
    public LocationVerdict {
        scores = List.copyOf(scores);
        lineNotes = List.copyOf(lineNotes);
    }

    public boolean isExcluded() {
        return excludedBy.isPresent();
    }

    /**
     * One ranker's view of a candidate.
     *
     * @param ranker the ranker's name
     * @param cost its cost (lower is better)
     * @param text the cost in words
     * @param weighted the normalised, weighed contribution in weighted scoring; the cost's key otherwise
     */
    public record Score(String ranker, double cost, String text, double weighted) {}
}
