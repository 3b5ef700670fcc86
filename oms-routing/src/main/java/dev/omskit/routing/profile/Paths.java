package dev.omskit.routing.profile;

import dev.omskit.core.error.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Document paths ({@code profiles.web.filters[2].km}): object keys joined by dots, list indices in
 * brackets, keys that are not plain words quoted ({@code attributes['a.b']}). Also rebases the field of an
 * engine check onto the document path, and suggests the closest known name for a misspelt one.
 */
final class Paths {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    private Paths() {}

    /** The path of {@code key} under {@code parent} ({@code ""} for the document root). */
    static String key(String parent, String key) {
        if (!PLAIN.matcher(key).matches()) {
            return parent + "['" + key.replace("'", "\\'") + "']";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of the {@code index}-th element of the list at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * The violations with their fields moved onto {@code docPath}: a field already under it is kept, one
     * under {@code enginePrefix} (how an engine check names the object, such as {@code profiles[web]}) has
     * that prefix replaced, the generic {@code value} becomes {@code docPath}, and any other field is
     * taken as relative to {@code docPath}.
     */
    static List<Violation> rebase(List<Violation> violations, String docPath, String enginePrefix) {
        List<Violation> out = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            out.add(Violation.of(rebase(v.field(), docPath, enginePrefix), v.code(), v.message()));
        }
        return out;
    }

    private static String rebase(String field, String docPath, String enginePrefix) {
        if (under(field, docPath)) {
            return field;
        }
        if (enginePrefix != null && under(field, enginePrefix)) {
            return docPath + field.substring(enginePrefix.length());
        }
        if (field.isBlank() || field.equals("value")) {
            return docPath;
        }
        return docPath.isEmpty() ? field : docPath + "." + field;
    }

    private static boolean under(String field, String prefix) {
        return !prefix.isEmpty()
                && (field.equals(prefix) || field.startsWith(prefix + ".") || field.startsWith(prefix + "["));
    }

    /** The known name closest to {@code name} when it is a plausible misspelling (at most two edits). */
    static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.min(2, Math.max(1, name.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} when a known name is close, else empty. */
    static String didYouMean(String name, Collection<String> known) {
        return closest(name, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
