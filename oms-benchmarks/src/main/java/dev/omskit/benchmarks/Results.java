package dev.omskit.benchmarks;

import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;

/** Small readers and formats of JMH results shared by the report mains. */
final class Results {
    private Results() {}

    /** The primary score. */
    static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    /** The score against the baseline's; NaN without one. */
    static double ratio(RunResult r, Optional<RunResult> base) {
        return base.map(b -> score(r) / score(b)).orElse(Double.NaN);
    }

    /** The benchmark's full method name. */
    static String name(RunResult r) {
        return r.getParams().getBenchmark();
    }

    /** The benchmark's method name. */
    static String shortName(RunResult r) {
        return name(r).substring(name(r).lastIndexOf('.') + 1);
    }

    /** A ratio as {@code 0.104x}. */
    static String x(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.3fx", ratio);
    }
}
