package dev.omskit.benchmarks;

import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.RoutingProfile;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shipment-count half of S3: on small random instances with scarce stock (so that requests split), the
 * shipments {@link RoutingProfile#defaults()} chooses (exact search under its budget of 20,000 nodes, greedy
 * above it, at most 3 shipments) against the exact profile ({@link #exact}: the default with an unlimited
 * search budget and as many shipments as lines) and against the true optimum, found by brute force over
 * every subset of locations ({@link #optimum}: the fewest locations whose stock, lines split freely, meets
 * every line in full). A second, budget series ({@link #runBudget}) takes larger instances shaped like the
 * benchmark's stock, where the default search often reaches its budget and greedy chooses, against the same
 * profile with an unlimited budget. Not a JMH benchmark: {@link RoutingReport} and {@code RoutingQualityTest}
 * run it.
 */
final class RoutingQuality {
    /** The S3 goal: shipments at most this multiple of the exact optimum. */
    static final double GOAL_RATIO = 1.1;

    /** Instances of the report and the test. */
    static final int INSTANCES = 500;

    /** Seed of the report's and the test's instances. */
    static final long SEED = 3_000L;

    private RoutingQuality() {}

    /** One small instance and its request. */
    record Case(int number, RoutingData.Instance instance, RoutingRequest request, int[] skuIndex) {
        int lines() {
            return request.lines().size();
        }

        int locations() {
            return instance.locationCount();
        }
    }

    /**
     * The {@code number}-th instance of {@code seed}: 3 to 8 lines of 1 to 4 units over 5 to 12 locations, 10
     * SKUs each stocked at 45% of the locations with 1 to 4 units (scarce: a line is often met in full at
     * few locations, or only by splitting it).
     */
    static Case instance(long seed, int number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        int lines = 3 + random.nextInt(6);
        int locations = 5 + random.nextInt(8);
        RoutingData.Instance instance = RoutingData.instance(locations, 10, 0.45, 1, 4, false, random.nextLong());
        int[][] index = new int[1][];
        RoutingRequest request = RoutingData.requests(instance, 1, lines, 4, random.nextLong(), index)
                .get(0);
        return new Case(number, instance, request, index[0]);
    }

    /** The default profile with an unlimited search budget and as many shipments as the request has lines. */
    static RoutingProfile exact(int lines) {
        return RoutingProfile.builder()
                .from(RoutingProfile.defaults())
                .name("exact")
                .searchBudget(Integer.MAX_VALUE)
                .maxShipments(lines)
                .build();
    }

    /**
     * The fewest locations whose stock meets every line of the case in full, lines split freely (every
     * location of these instances is a candidate: active, shipping, no capacity limit, no restricted SKU);
     * 0 when even all of them together cannot.
     */
    static int optimum(Case c) {
        int m = c.locations();
        int[][] units = c.instance().units();
        int[] want = new int[c.lines()];
        for (int j = 0; j < want.length; j++) {
            want[j] = c.request().lines().get(j).quantity();
        }
        for (int size = 1; size <= m; size++) {
            for (int set = 0; set < 1 << m; set++) {
                if (Integer.bitCount(set) == size && meets(set, m, units, c.skuIndex(), want)) {
                    return size;
                }
            }
        }
        return 0;
    }

    /**
     * The fewest locations that together have every line that some single location has in full, each such
     * line in full at one of them (the cover the engine's exact search looks for); 0 when no line is in full
     * anywhere.
     */
    static int coverOptimum(Case c) {
        int m = c.locations();
        int[][] units = c.instance().units();
        int n = c.lines();
        int universe = 0;
        int[] full = new int[m];
        for (int j = 0; j < n; j++) {
            int q = c.request().lines().get(j).quantity();
            for (int i = 0; i < m; i++) {
                if (units[c.skuIndex()[j]][i] >= q) {
                    full[i] |= 1 << j;
                    universe |= 1 << j;
                }
            }
        }
        if (universe == 0) {
            return 0;
        }
        for (int size = 1; size <= m; size++) {
            for (int set = 0; set < 1 << m; set++) {
                if (Integer.bitCount(set) != size) {
                    continue;
                }
                int covered = 0;
                for (int i = 0; i < m; i++) {
                    if ((set & 1 << i) != 0) {
                        covered |= full[i];
                    }
                }
                if (covered == universe) {
                    return size;
                }
            }
        }
        throw new IllegalStateException("every line of the universe is in full somewhere");
    }

    private static boolean meets(int set, int m, int[][] units, int[] skus, int[] want) {
        for (int j = 0; j < want.length; j++) {
            int have = 0;
            int[] row = units[skus[j]];
            for (int i = 0; i < m; i++) {
                if ((set & 1 << i) != 0) {
                    have += row[i];
                }
            }
            if (have < want[j]) {
                return false;
            }
        }
        return true;
    }

    /** What one case gave. */
    record Outcome(
            Case c,
            RoutingDecision byDefault,
            RoutingDecision byExact,
            int optimum,
            int coverOptimum,
            boolean defaultGreedy,
            boolean defaultBudgetReached,
            boolean exactGreedy) {
        boolean bothComplete() {
            return byDefault.isComplete() && byExact.isComplete();
        }
    }

    /** Routes one case with the default and the exact profile and solves it by brute force. */
    static Outcome outcome(Case c) {
        RoutingInput input = c.instance().input();
        RoutingProfile defaults = RoutingProfile.defaults();
        RoutingProfile exact = exact(c.lines());
        Router router = RoutingData.router(defaults);
        RoutingDecision d = router.route(c.request(), input);
        RoutingDecision e = router.route(c.request(), input, exact);
        RoutingData.check(d, c.request(), input, defaults);
        RoutingData.check(e, c.request(), input, exact);
        return new Outcome(c, d, e, optimum(c), coverOptimum(c), greedy(d), budgetReached(d), greedy(e));
    }

    /** Whether the decision's explanation says the greedy fallback chose the cover. */
    static boolean greedy(RoutingDecision d) {
        return d.explanation().notes().stream().anyMatch(s -> s.startsWith("greedy"));
    }

    /** Whether the decision's explanation says the exact search reached its budget. */
    static boolean budgetReached(RoutingDecision d) {
        return d.explanation().notes().stream()
                .anyMatch(s -> s.contains("reached its budget") || s.contains("budget reached"));
    }

    /**
     * The small series over {@code instances} cases of {@code seed}.
     *
     * @param compared cases where both profiles met the request in full (the ratios are over these)
     * @param maxRatio the most shipments of the default over the exact profile
     * @param meanRatio the mean of the same
     * @param aboveExact compared cases where the default chose more shipments than the exact profile
     * @param maxRatioToOptimum the most shipments of the default over the brute-force optimum
     * @param meanRatioToOptimum the mean of the same
     * @param aboveOptimum compared cases where the default chose more shipments than the optimum
     * @param exactAboveOptimum compared cases where the exact profile chose more shipments than the optimum
     * @param exactAboveCover compared cases where every line is in full somewhere and the exact profile chose
     *     more shipments than the fewest locations that have every line in full (its own search's optimum)
     * @param defaultGreedy cases where the default profile fell back to greedy
     * @param defaultBudgetReached cases where the default profile's search reached its budget
     * @param exactGreedy cases where the exact profile fell back to greedy
     * @param defaultIncomplete cases the optimum meets in full within the default's 3 shipments that the
     *     default profile did not meet in full
     * @param exactIncomplete cases the optimum meets in full within as many shipments as lines that the exact
     *     profile did not meet in full
     * @param beyondDefaultLimit cases whose optimum takes more than the default's 3 shipments
     * @param infeasible cases no set of locations meets in full
     * @param split compared cases whose optimum takes more than one shipment
     * @param worst the compared case with the largest ratio to the optimum, described
     */
    record Summary(
            int instances,
            int compared,
            double maxRatio,
            double meanRatio,
            int aboveExact,
            double maxRatioToOptimum,
            double meanRatioToOptimum,
            int aboveOptimum,
            int exactAboveOptimum,
            int exactAboveCover,
            int defaultGreedy,
            int defaultBudgetReached,
            int exactGreedy,
            int defaultIncomplete,
            int exactIncomplete,
            int beyondDefaultLimit,
            int infeasible,
            int split,
            String worst) {}

    /** Runs the small series: {@code instances} cases of {@code seed}. */
    static Summary run(int instances, long seed) {
        int compared = 0;
        double maxRatio = 0;
        double sumRatio = 0;
        int aboveExact = 0;
        double maxOpt = 0;
        double sumOpt = 0;
        int aboveOptimum = 0;
        int exactAboveOptimum = 0;
        int exactAboveCover = 0;
        int defaultGreedy = 0;
        int budget = 0;
        int exactGreedy = 0;
        int defaultIncomplete = 0;
        int exactIncomplete = 0;
        int beyond = 0;
        int infeasible = 0;
        int split = 0;
        int defaultLimit = RoutingProfile.defaults().maxShipments();
        String worst = "none";
        for (int k = 0; k < instances; k++) {
            Outcome o = outcome(instance(seed, k));
            defaultGreedy += o.defaultGreedy() ? 1 : 0;
            budget += o.defaultBudgetReached() ? 1 : 0;
            exactGreedy += o.exactGreedy() ? 1 : 0;
            if (o.optimum() == 0) {
                infeasible++;
            } else if (o.optimum() > defaultLimit) {
                beyond++;
            } else if (!o.byDefault().isComplete()) {
                defaultIncomplete++;
            }
            if (o.optimum() > 0 && o.optimum() <= o.c().lines() && !o.byExact().isComplete()) {
                exactIncomplete++;
            }
            if (!o.bothComplete()) {
                continue;
            }
            compared++;
            int ds = o.byDefault().shipmentCount();
            int es = o.byExact().shipmentCount();
            double r = (double) ds / es;
            double ro = (double) ds / o.optimum();
            sumRatio += r;
            sumOpt += ro;
            maxRatio = Math.max(maxRatio, r);
            aboveExact += ds > es ? 1 : 0;
            aboveOptimum += ds > o.optimum() ? 1 : 0;
            exactAboveOptimum += es > o.optimum() ? 1 : 0;
            exactAboveCover += everyLineInFullSomewhere(o.c()) && es > o.coverOptimum() ? 1 : 0;
            split += o.optimum() > 1 ? 1 : 0;
            if (ro > maxOpt) {
                maxOpt = ro;
                worst = describe(o);
            }
        }
        return new Summary(
                instances,
                compared,
                maxRatio,
                compared == 0 ? Double.NaN : sumRatio / compared,
                aboveExact,
                maxOpt,
                compared == 0 ? Double.NaN : sumOpt / compared,
                aboveOptimum,
                exactAboveOptimum,
                exactAboveCover,
                defaultGreedy,
                budget,
                exactGreedy,
                defaultIncomplete,
                exactIncomplete,
                beyond,
                infeasible,
                split,
                worst);
    }

    /** Whether some single location has each line of the case in full. */
    static boolean everyLineInFullSomewhere(Case c) {
        int[][] units = c.instance().units();
        for (int j = 0; j < c.lines(); j++) {
            int q = c.request().lines().get(j).quantity();
            boolean found = false;
            for (int i = 0; i < c.locations() && !found; i++) {
                found = units[c.skuIndex()[j]][i] >= q;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the budget series

    /** Instances of the budget series in the report. */
    static final int BUDGET_INSTANCES = 200;

    /**
     * The {@code number}-th case of the budget series: 10 to 30 lines of 1 to 3 units over 100 to 500
     * locations, 60 SKUs each stocked at 30% of the locations with 0 to 20 units (the benchmark's stock
     * shape): large enough that the default search often reaches its budget of 20,000 nodes.
     */
    static Case budgetInstance(long seed, int number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_033L + number);
        int lines = 10 + random.nextInt(21);
        int locations = 100 + random.nextInt(401);
        RoutingData.Instance instance = RoutingData.instance(locations, 60, 0.3, 0, 20, false, random.nextLong());
        int[][] index = new int[1][];
        RoutingRequest request = RoutingData.requests(instance, 1, lines, 3, random.nextLong(), index)
                .get(0);
        return new Case(number, instance, request, index[0]);
    }

    /** The default profile with an unlimited search budget (still at most 3 shipments). */
    static RoutingProfile unlimitedBudget() {
        return RoutingProfile.builder()
                .from(RoutingProfile.defaults())
                .name("unlimited-budget")
                .searchBudget(Integer.MAX_VALUE)
                .build();
    }

    /**
     * The budget series: the default profile against the same profile with no search budget.
     *
     * @param compared cases both met in full (the ratios are over these)
     * @param budgetReached cases where the default's search reached its budget (greedy chose)
     * @param comparedBudgetReached compared cases among those
     * @param maxRatio the most shipments of the default over the unlimited search
     * @param meanRatio the mean of the same
     * @param above compared cases where the default chose more shipments
     * @param unlimitedMillis the time the unlimited searches took in total
     */
    record BudgetSummary(
            int instances,
            int compared,
            int budgetReached,
            int comparedBudgetReached,
            double maxRatio,
            double meanRatio,
            int above,
            long unlimitedMillis) {}

    /** Runs the budget series: {@code instances} cases of {@code seed}. */
    static BudgetSummary runBudget(int instances, long seed) {
        RoutingProfile defaults = RoutingProfile.defaults();
        RoutingProfile unlimited = unlimitedBudget();
        Router router = RoutingData.router(defaults);
        int compared = 0;
        int budget = 0;
        int comparedBudget = 0;
        double max = 0;
        double sum = 0;
        int above = 0;
        long nanos = 0;
        for (int k = 0; k < instances; k++) {
            Case c = budgetInstance(seed, k);
            RoutingInput input = c.instance().input();
            RoutingDecision d = router.route(c.request(), input);
            long t = System.nanoTime();
            RoutingDecision u = router.route(c.request(), input, unlimited);
            nanos += System.nanoTime() - t;
            RoutingData.check(d, c.request(), input, defaults);
            RoutingData.check(u, c.request(), input, unlimited);
            boolean reached = budgetReached(d);
            budget += reached ? 1 : 0;
            if (!d.isComplete() || !u.isComplete()) {
                continue;
            }
            compared++;
            comparedBudget += reached ? 1 : 0;
            double r = (double) d.shipmentCount() / u.shipmentCount();
            sum += r;
            max = Math.max(max, r);
            above += d.shipmentCount() > u.shipmentCount() ? 1 : 0;
        }
        return new BudgetSummary(
                instances,
                compared,
                budget,
                comparedBudget,
                max,
                compared == 0 ? Double.NaN : sum / compared,
                above,
                nanos / 1_000_000);
    }

    /** One line on a case: its size, the counts and the default decision's assignments. */
    static String describe(Outcome o) {
        return String.format(
                Locale.ROOT,
                "case %d (%d lines x %d locations): default %d, exact %d, optimum %d (full-line cover %d); default"
                        + " assigned %s",
                o.c().number(),
                o.c().lines(),
                o.c().locations(),
                o.byDefault().shipmentCount(),
                o.byExact().shipmentCount(),
                o.optimum(),
                o.coverOptimum(),
                o.byDefault().assignments());
    }
}
