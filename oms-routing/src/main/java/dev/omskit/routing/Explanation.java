package dev.omskit.routing;

import dev.omskit.core.model.LocationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a decision came out as it did: each location's verdict (excluded by which filter and why, or ranked
 * with each ranker's score), why the request was split, and how the strategy searched. {@link #toText()}
 * renders it for people.
 *
 * @param summary one line: the request, profile, strategy and outcome
 * @param verdicts one per location of the input, in input order
 * @param splitReasons why more than one shipment, or a line from more than one location; empty when neither
 * @param notes how the strategy searched (exact or greedy, nodes visited) and what it could not meet
 */
public record Explanation(
        String summary, List<LocationVerdict> verdicts, List<String> splitReasons, List<String> notes) {
    private static final int SHOWN = 15;

    public Explanation {
        verdicts = List.copyOf(verdicts);
        splitReasons = List.copyOf(splitReasons);
        notes = List.copyOf(notes);
    }

    /** The verdict on this location. */
    public Optional<LocationVerdict> verdict(LocationId location) {
        for (LocationVerdict v : verdicts) {
            if (v.location().equals(location)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The candidates (not excluded), best first. */
    public List<LocationVerdict> ranked() {
        List<LocationVerdict> out = new ArrayList<>();
        for (LocationVerdict v : verdicts) {
            if (!v.isExcluded()) {
                out.add(v);
            }
        }
        out.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return out;
    }

    /** The excluded locations, in input order. */
    public List<LocationVerdict> excluded() {
        List<LocationVerdict> out = new ArrayList<>();
        for (LocationVerdict v : verdicts) {
            if (v.isExcluded()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The explanation as text: summary, ranked candidates with scores, exclusions with reasons, splits. */
    public String toText() {
        StringBuilder sb = new StringBuilder(summary).append('\n');
        List<LocationVerdict> ranked = ranked();
        sb.append("Candidates (").append(ranked.size()).append("), best first:\n");
        for (int i = 0; i < ranked.size() && i < SHOWN; i++) {
            LocationVerdict v = ranked.get(i);
            sb.append("  ").append(v.rank()).append(". ").append(v.location());
            if (v.chosen()) {
                sb.append(" [chosen]");
            }
            for (LocationVerdict.Score s : v.scores()) {
                sb.append(" | ").append(s.ranker()).append(": ").append(s.text());
            }
            sb.append(" | ").append(v.reason()).append('\n');
            for (String note : v.lineNotes()) {
                sb.append("       ").append(note).append('\n');
            }
        }
        if (ranked.size() > SHOWN) {
            sb.append("  ... and ").append(ranked.size() - SHOWN).append(" more\n");
        }
        List<LocationVerdict> excluded = excluded();
        if (!excluded.isEmpty()) {
            sb.append("Excluded (").append(excluded.size()).append("):\n");
            for (int i = 0; i < excluded.size() && i < SHOWN; i++) {
                LocationVerdict v = excluded.get(i);
                sb.append("  ")
                        .append(v.location())
                        .append(": ")
                        .append(v.excludedBy().get())
                        .append(": ")
                        .append(v.reason())
                        .append('\n');
            }
            if (excluded.size() > SHOWN) {
                Map<String, Integer> byRule = new LinkedHashMap<>();
                for (int i = SHOWN; i < excluded.size(); i++) {
                    byRule.merge(excluded.get(i).excludedBy().get(), 1, Integer::sum);
                }
                sb.append("  ... and ")
                        .append(excluded.size() - SHOWN)
                        .append(" more: ")
                        .append(byRule)
                        .append('\n');
            }
        }
        if (!splitReasons.isEmpty()) {
            sb.append("Why split:\n");
            splitReasons.forEach(r -> sb.append("  ").append(r).append('\n'));
        }
        if (!notes.isEmpty()) {
            sb.append("Notes:\n");
            notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        }
        return sb.toString();
    }
}
