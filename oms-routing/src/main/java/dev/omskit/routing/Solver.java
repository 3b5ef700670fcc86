package dev.omskit.routing;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.profile.DailyCapacity;
import dev.omskit.routing.profile.Fulfilment;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Scoring;
import dev.omskit.routing.profile.Strategy;
import dev.omskit.routing.rule.Filter;
import dev.omskit.routing.rule.LineFilter;
import dev.omskit.routing.rule.LocationFilter;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One decision: filters, ranking and the strategy over a snapshot, with arrays indexed by line and
 * location (lines x locations as bit masks for the set cover). Package-private; {@link Router} is the API.
 * Not thread-safe: one solver per decision.
 */
final class Solver implements RoutingContext {
    private static final int BY_REQUEST = -2;
    private static final int ADMITTED = -1;

    private final RoutingProfile profile;
    private final RoutingRequest request;
    private final RoutingInput input;
    private final Instant now;
    private final int n;
    private final int m;
    private final int words;
    private final RoutingLine[] lines;
    private final int[] qty;
    private final int[][] rows;
    private final Product[] products;
    private final List<Location> locations;
    private final double[] distance;
    private final double toLat;
    private final double toLon;
    private final double toCosLat;
    private final int[] capUnits;
    private final int[] capPackages;
    private final int[] excludedBy;
    private final List<Filter> filters;
    private final LocationFilter[] pre;
    private final int[] preIndex;
    private final LocationFilter[] post;
    private final int[] postIndex;
    private final LineFilter[] lineFilters;
    private final int[][] applying;
    private final int[] usable;
    private final int[] usableTotal;
    private final int[] full;
    private final long[] masks;
    private Map<Object, Object> memo;

    // ranking
    private int[] candidates = new int[0];
    private int[] position;
    private double[] costs;

    // outcome
    private final List<Assignment> assignments = new ArrayList<>();
    private final int[] assigned;
    private final int[] capUnitsLeft;
    private final List<Integer> chosen = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> splitReasons = new ArrayList<>();
    private final Map<Long, Integer> taken;
    private final int[] group;

    Solver(RoutingProfile profile, RoutingRequest request, RoutingInput input, Instant now) {
        this.profile = profile;
        this.request = request;
        this.input = input;
        this.now = now;
        this.locations = input.locations();
        this.n = request.lines().size();
        this.m = locations.size();
        this.words = (n + 63) >>> 6;
        this.lines = request.lines().toArray(new RoutingLine[0]);
        this.qty = new int[n];
        this.rows = new int[n][];
        this.products = new Product[n];
        for (int j = 0; j < n; j++) {
            qty[j] = lines[j].quantity();
            rows[j] = input.row(lines[j].sku());
            products[j] = input.product(lines[j].sku()).orElse(null);
        }
        this.group = new int[n];
        boolean duplicateSkus = false;
        for (int j = 0; j < n; j++) {
            group[j] = j;
            for (int k = 0; k < j; k++) {
                // one SKU has one row, so a different row is a different SKU (SKUs without stock share
                // the empty row and are told apart by equals); record equals goes through a method handle
                if (rows[k] == rows[j] && lines[k].sku().equals(lines[j].sku())) {
                    group[j] = group[k];
                    duplicateSkus = true;
                    break;
                }
            }
        }
        // lines of one SKU share its stock: what each took is tracked, and only then
        this.taken = duplicateSkus ? new HashMap<>() : null;
        Optional<GeoPoint> to = request.destinationPoint();
        this.toLat = to.isPresent() ? Math.toRadians(to.get().latitude()) : Double.NaN;
        this.toLon = to.isPresent() ? Math.toRadians(to.get().longitude()) : Double.NaN;
        this.toCosLat = Math.cos(toLat);
        this.distance = new double[m];
        Arrays.fill(distance, Double.NEGATIVE_INFINITY);
        this.capUnits = new int[m];
        this.capPackages = new int[m];
        Arrays.fill(capUnits, -1);
        this.excludedBy = new int[m];
        this.filters = profile.filters();
        // the profile's filters split by kind, in profile order, without collections (this runs per decision)
        int nf = filters.size();
        LocationFilter[] preAll = new LocationFilter[nf];
        int[] preAt = new int[nf];
        LocationFilter[] postAll = new LocationFilter[nf];
        int[] postAt = new int[nf];
        LineFilter[] lineAll = new LineFilter[nf];
        int np = 0;
        int nq = 0;
        int nl = 0;
        for (int k = 0; k < nf; k++) {
            Filter f = filters.get(k);
            if (f instanceof LocationFilter lf) {
                if (lf.afterLineFilters()) {
                    postAll[nq] = lf;
                    postAt[nq++] = k;
                } else {
                    preAll[np] = lf;
                    preAt[np++] = k;
                }
            } else {
                lineAll[nl++] = (LineFilter) f;
            }
        }
        this.pre = Arrays.copyOf(preAll, np);
        this.preIndex = Arrays.copyOf(preAt, np);
        this.post = Arrays.copyOf(postAll, nq);
        this.postIndex = Arrays.copyOf(postAt, nq);
        this.lineFilters = Arrays.copyOf(lineAll, nl);
        this.applying = new int[n][];
        this.usable = new int[n * m];
        this.usableTotal = new int[m];
        this.full = new int[m];
        this.masks = new long[m * words];
        this.assigned = new int[n];
        this.capUnitsLeft = new int[m];
    }

    // ------------------------------------------------------------------ RoutingContext

    @Override
    public RoutingRequest request() {
        return request;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public int lineCount() {
        return n;
    }

    @Override
    public RoutingLine line(int line) {
        return lines[line];
    }

    @Override
    public Optional<Product> product(int line) {
        return Optional.ofNullable(products[line]);
    }

    @Override
    public int locationCount() {
        return m;
    }

    @Override
    public Location location(int location) {
        return locations.get(location);
    }

    @Override
    public int available(int line, int location) {
        return rows[line][location];
    }

    @Override
    public double distanceKm(int location) {
        double d = distance[location];
        if (d == Double.NEGATIVE_INFINITY) {
            d = haversine(location);
            distance[location] = d;
        }
        return d;
    }

    private double haversine(int location) {
        return Double.isNaN(toLat) ? Double.NaN : input.distanceKm(location, toLat, toLon, toCosLat);
    }

    private void loadCapacity(int i) {
        if (capUnits[i] >= 0) {
            return;
        }
        Location loc = locations.get(i);
        DailyCapacity c =
                profile.capacity().isEmpty() ? null : profile.capacity().get(loc.id());
        int units = Integer.MAX_VALUE;
        int packages = Integer.MAX_VALUE;
        // the profile's units and packages override the location's; what the profile leaves out, the location says
        if (c != null && c.units().isPresent()) {
            units = c.units().getAsInt();
        } else if (loc.dailyCapacityUnits().isPresent()) {
            units = loc.dailyCapacityUnits().getAsInt();
        }
        if (c != null && c.packages().isPresent()) {
            packages = c.packages().getAsInt();
        }
        capUnits[i] = units == Integer.MAX_VALUE ? units : Math.max(0, units - input.unitsUsed(i));
        capPackages[i] = packages == Integer.MAX_VALUE ? packages : Math.max(0, packages - input.packagesUsed(i));
    }

    @Override
    public int capacityUnitsLeft(int location) {
        loadCapacity(location);
        return capUnits[location];
    }

    @Override
    public int capacityPackagesLeft(int location) {
        loadCapacity(location);
        return capPackages[location];
    }

    @Override
    public LocalDate today(int location) {
        return LocalDate.ofInstant(now, locations.get(location).zone());
    }

    @Override
    public int usableUnits(int location) {
        return usableTotal[location];
    }

    @Override
    public int fullLines(int location) {
        return full[location];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Function<RoutingContext, T> compute) {
        if (memo == null) {
            memo = new HashMap<>();
        }
        Object v = memo.get(key);
        if (v == null) {
            v = compute.apply(this);
            memo.put(key, v);
        }
        return (T) v;
    }

    // ------------------------------------------------------------------ deciding

    RoutingDecision decide() {
        filter();
        rank();
        if (profile.strategy() == Strategy.SINGLE_LOCATION) {
            single();
        } else {
            minimise();
        }
        Map<String, Integer> unfulfilled = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (assigned[j] < qty[j]) {
                unfulfilled.put(lines[j].ref(), qty[j] - assigned[j]);
            }
        }
        if (!unfulfilled.isEmpty() && profile.fulfilment() == Fulfilment.SHIP_COMPLETE && !assignments.isEmpty()) {
            notes.add("ship complete: nothing is assigned because " + unfulfilled.size()
                    + " line(s) cannot be met in full now");
            assignments.clear();
            chosen.clear();
            splitReasons.clear();
            Arrays.fill(assigned, 0);
            unfulfilled.clear();
            for (int j = 0; j < n; j++) {
                unfulfilled.put(lines[j].ref(), qty[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            Integer missing = unfulfilled.get(lines[j].ref());
            if (missing != null) {
                reasons.add(unmetReason(j, missing));
            }
        }
        if (chosen.size() > 1) {
            explainSplit();
        }
        return new RoutingDecision(request, profile.name(), assignments, unfulfilled, reasons, this::explain);
    }

    private void filter() {
        Map<LocationId, String> excluded = request.excluded();
        for (int i = 0; i < m; i++) {
            if (!excluded.isEmpty() && excluded.containsKey(locations.get(i).id())) {
                excludedBy[i] = BY_REQUEST;
                continue;
            }
            int by = ADMITTED;
            for (int k = 0; k < pre.length; k++) {
                if (!pre[k].admits(this, i)) {
                    by = preIndex[k];
                    break;
                }
            }
            excludedBy[i] = by;
        }
        for (int j = 0; j < n; j++) {
            int count = 0;
            int[] which = new int[lineFilters.length];
            for (int k = 0; k < lineFilters.length; k++) {
                if (lineFilters[k].appliesTo(this, j)) {
                    which[count++] = k;
                }
            }
            applying[j] = Arrays.copyOf(which, count);
        }
        int[] admitted = new int[m];
        int count = 0;
        for (int i = 0; i < m; i++) {
            if (excludedBy[i] == ADMITTED) {
                admitted[count++] = i;
            }
        }
        // line by line along each SKU's row (one pass over the lines x locations matrix in memory order);
        // usableTotal and full of each admitted location add up over the lines in line order; a line the
        // location cannot ship in full within today's capacity is not in its cover mask
        int[] cap = new int[count];
        for (int x = 0; x < count; x++) {
            cap[x] = capacityUnitsLeft(admitted[x]);
        }
        for (int j = 0; j < n; j++) {
            int[] row = rows[j];
            int q = qty[j];
            int[] fs = applying[j];
            int offset = j * m;
            int w = j >>> 6;
            long bit = 1L << j;
            for (int x = 0; x < count; x++) {
                int i = admitted[x];
                int a = row[i];
                if (a > 0) {
                    for (int k : fs) {
                        if (!lineFilters[k].allows(this, j, i)) {
                            a = 0;
                            break;
                        }
                    }
                }
                usable[offset + i] = a;
                if (a >= q) {
                    usableTotal[i] += q;
                    full[i]++;
                    if (cap[x] >= q) {
                        masks[i * words + w] |= bit;
                    }
                } else {
                    usableTotal[i] += a;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            if (excludedBy[i] != ADMITTED) {
                continue;
            }
            for (int k = 0; k < post.length; k++) {
                if (!post[k].admits(this, i)) {
                    excludedBy[i] = postIndex[k];
                    break;
                }
            }
        }
    }

    private void rank() {
        int count = 0;
        int[] cands = new int[m];
        for (int i = 0; i < m; i++) {
            if (excludedBy[i] == ADMITTED) {
                cands[count++] = i;
            }
        }
        List<RankStep> steps = profile.rankers();
        int r = steps.size();
        costs = new double[r * count];
        for (int s = 0; s < r; s++) {
            RankStep step = steps.get(s);
            for (int c = 0; c < count; c++) {
                costs[s * count + c] = step.ranker().cost(this, cands[c]);
            }
        }
        final int size = count;
        double[] keys;
        if (profile.scoring() == Scoring.WEIGHTED) {
            keys = new double[size];
            lowest = new double[r];
            highest = new double[r];
            for (int s = 0; s < r; s++) {
                double w = steps.get(s).weight();
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < size; c++) {
                    double v = costs[s * size + c];
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                lowest[s] = lo;
                highest[s] = hi;
                for (int c = 0; c < size; c++) {
                    keys[c] += w * normalise(costs[s * size + c], lo, hi);
                }
            }
        } else {
            keys = null;
        }
        // the chain's keys once per candidate (not twice per comparison), rank-major like costs
        double[] chain;
        if (keys != null) {
            chain = keys;
        } else {
            chain = new double[r * size];
            for (int s = 0; s < r; s++) {
                RankStep step = steps.get(s);
                for (int c = 0; c < size; c++) {
                    chain[s * size + c] = step.key(costs[s * size + c]);
                }
            }
        }
        int steps1 = keys != null ? 1 : r;
        int[] order = new int[size];
        for (int c = 0; c < size; c++) {
            order[c] = c;
        }
        // stable, like Arrays.sort on objects, so the order is the one that sort gave
        mergeSort(order, new int[size], 0, size, (a, b) -> {
            for (int s = 0; s < steps1; s++) {
                int cmp = Double.compare(chain[s * size + a], chain[s * size + b]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return locations
                    .get(cands[a])
                    .id()
                    .compareTo(locations.get(cands[b]).id());
        });
        candidates = new int[size];
        position = new int[m];
        Arrays.fill(position, -1);
        int[] costIndex = new int[m];
        for (int p = 0; p < size; p++) {
            candidates[p] = cands[order[p]];
            position[candidates[p]] = p;
            costIndex[candidates[p]] = order[p];
        }
        this.costColumn = costIndex;
        this.weightedKeys = keys;
        this.candidateCount = size;
        for (int i = 0; i < m; i++) {
            capUnitsLeft[i] = excludedBy[i] == ADMITTED ? capacityUnitsLeft(i) : 0;
        }
    }

    /** Compares two ints, for sorting indices without boxing them. */
    private interface IntOrder {
        int compare(int a, int b);
    }

    /** Sorts {@code a[from, to)} stably by {@code order}: insertion sort for short runs, merge above. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, IntOrder order) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && order.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, order);
        mergeSort(a, tmp, mid, to, order);
        if (order.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && order.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    private int[] costColumn;
    private double[] weightedKeys;
    /** Per ranker, the lowest and highest finite cost over the candidates (weighted scoring only). */
    private double[] lowest;

    private double[] highest;
    private int candidateCount;

    private static double normalise(double v, double lo, double hi) {
        if (!Double.isFinite(v)) {
            return 1;
        }
        return hi > lo ? (v - lo) / (hi - lo) : 0;
    }

    // ------------------------------------------------------------------ strategies

    private int free(int j, int i) {
        int a = usable[j * m + i];
        if (taken != null) {
            Integer t = taken.get(key(j, i));
            if (t != null) {
                a -= t;
            }
        }
        return Math.min(a, capUnitsLeft[i]);
    }

    private long key(int j, int i) {
        return (long) group[j] * m + i;
    }

    private void assign(int j, int i, int units) {
        if (units <= 0) {
            return;
        }
        if (!chosen.contains(i)) {
            chosen.add(i);
        }
        String instructions = null;
        for (int k : applying[j]) {
            String w = lineFilters[k].workInstructions(this, j);
            if (w != null) {
                instructions = instructions == null ? w : instructions + "; " + w;
            }
        }
        assignments.add(new Assignment(
                lines[j].ref(), lines[j].sku(), locations.get(i).id(), units, Optional.ofNullable(instructions)));
        assigned[j] += units;
        if (capUnitsLeft[i] != Integer.MAX_VALUE) {
            capUnitsLeft[i] -= units;
        }
        if (taken != null) {
            taken.merge(key(j, i), units, Integer::sum);
        }
    }

    private void single() {
        for (int i : candidates) {
            boolean all = true;
            int units = 0;
            for (int j = 0; j < n && all; j++) {
                all = usable[j * m + i] >= qty[j];
                units += qty[j];
            }
            if (all && units <= capUnitsLeft[i] && (taken == null || fitsTogether(i))) {
                for (int j = 0; j < n; j++) {
                    assign(j, i, qty[j]);
                }
                notes.add("single location: " + locations.get(i).id() + " (rank " + (position[i] + 1)
                        + ") has every line in full");
                return;
            }
        }
        if (profile.fulfilment() == Fulfilment.SHIP_COMPLETE || candidates.length == 0) {
            notes.add("single location: no candidate has every line in full");
            return;
        }
        int best = -1;
        int bestUnits = 0;
        for (int i : candidates) {
            // what the location could ship: stock shared by lines of one SKU counts once, and without
            // splitting only whole lines
            int units = 0;
            int[] bySku = taken == null ? null : new int[n];
            for (int j = 0; j < n; j++) {
                int a = usable[j * m + i] - (bySku == null ? 0 : bySku[group[j]]);
                int u = Math.max(0, Math.min(qty[j], a));
                if (!profile.splitLines() && u < qty[j]) {
                    u = 0;
                }
                if (bySku != null) {
                    bySku[group[j]] += u;
                }
                units += u;
            }
            units = Math.min(units, capUnitsLeft[i]);
            if (units > bestUnits) {
                best = i;
                bestUnits = units;
            }
        }
        if (best < 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            if (profile.splitLines() || free(j, best) >= qty[j]) {
                assign(j, best, Math.min(qty[j], free(j, best)));
            }
        }
        notes.add("single location: no candidate has every line in full; "
                + locations.get(best).id() + " has the most units (" + assignedTotal() + " of " + wantedTotal() + ")");
    }

    private boolean fitsTogether(int i) {
        int[] bySku = new int[n];
        for (int j = 0; j < n; j++) {
            bySku[group[j]] += qty[j];
            if (bySku[group[j]] > usable[j * m + i]) {
                return false;
            }
        }
        return true;
    }

    private int assignedTotal() {
        int s = 0;
        for (int a : assigned) {
            s += a;
        }
        return s;
    }

    private int wantedTotal() {
        int s = 0;
        for (int q : qty) {
            s += q;
        }
        return s;
    }

    private void minimise() {
        int[] capacityBefore = capUnitsLeft.clone();
        int notesBefore = notes.size();
        minimiseWholeLines();
        if (profile.splitLines() && candidates.length <= SPLIT_SEARCH_CANDIDATES) {
            fewerShipmentsBySplitting(capacityBefore, notesBefore);
        }
    }

    /** Candidates up to which a plan is also sought among location sets that meet the lines only by splitting. */
    static final int SPLIT_SEARCH_CANDIDATES = 24;

    /**
     * The whole-line cover can need more locations than a set that meets every line by splitting some of
     * them (or leave lines unmet that such a set meets): on small candidate sets, look for the smallest set,
     * in rank order, whose usable units meet every line within its capacity, and take it when it ships fewer
     * parcels or meets more, within the search budget.
     */
    private void fewerShipmentsBySplitting(int[] capacityBefore, int notesBefore) {
        boolean complete = true;
        for (int j = 0; j < n; j++) {
            complete &= assigned[j] >= qty[j];
        }
        int current = chosen.size();
        int limit = complete ? current - 1 : profile.maxShipments();
        if (limit < 1) {
            return;
        }
        List<Assignment> keptAssignments = new ArrayList<>(assignments);
        int[] keptAssigned = assigned.clone();
        int[] keptCapacity = capUnitsLeft.clone();
        Map<Long, Integer> keptTaken = taken == null ? null : new HashMap<>(taken);
        List<Integer> keptChosen = new ArrayList<>(chosen);
        List<String> keptSplits = new ArrayList<>(splitReasons);
        int keptUnits = assignedTotal();
        long[] nodes = {0};
        for (int size = 1; size <= limit; size++) {
            int[] set = new int[size];
            if (trySets(set, 0, 0, capacityBefore, complete, keptUnits, nodes)) {
                // the whole-line phase's notes describe a plan that is no longer the decision
                notes.subList(notesBefore, notes.size()).clear();
                notes.add("splitting lines over " + size + " location(s) meets "
                        + (complete
                                ? "every line with fewer shipments than the whole-line cover (" + current + ")"
                                : "more of the request than the whole-line cover"));
                return;
            }
            if (nodes[0] > profile.searchBudget()) {
                break;
            }
        }
        assignments.clear();
        assignments.addAll(keptAssignments);
        System.arraycopy(keptAssigned, 0, assigned, 0, n);
        System.arraycopy(keptCapacity, 0, capUnitsLeft, 0, m);
        if (taken != null) {
            taken.clear();
            taken.putAll(keptTaken);
        }
        chosen.clear();
        chosen.addAll(keptChosen);
        splitReasons.clear();
        splitReasons.addAll(keptSplits);
    }

    /** Combinations of candidates in rank order; true once one was taken (its assignment is then in place). */
    private boolean trySets(
            int[] set, int depth, int from, int[] capacityBefore, boolean complete, int keptUnits, long[] nodes) {
        if (depth == set.length) {
            if (++nodes[0] > profile.searchBudget()) {
                return false;
            }
            for (int j = 0; j < n; j++) {
                long units = 0;
                for (int i : set) {
                    units += usable[j * m + i];
                }
                if (units < qty[j]) {
                    return false;
                }
            }
            return assignOver(set, capacityBefore, complete, keptUnits);
        }
        for (int c = from; c <= candidates.length - (set.length - depth); c++) {
            set[depth] = candidates[c];
            if (trySets(set, depth + 1, c + 1, capacityBefore, complete, keptUnits, nodes)) {
                return true;
            }
            if (nodes[0] > profile.searchBudget()) {
                return false;
            }
        }
        return false;
    }

    /** Assigns every line over these locations (whole from one where it can, else split in rank order). */
    private boolean assignOver(int[] set, int[] capacityBefore, boolean complete, int keptUnits) {
        assignments.clear();
        Arrays.fill(assigned, 0);
        System.arraycopy(capacityBefore, 0, capUnitsLeft, 0, m);
        if (taken != null) {
            taken.clear();
        }
        chosen.clear();
        splitReasons.clear();
        for (int j = 0; j < n; j++) {
            for (int i : set) {
                if (free(j, i) >= qty[j]) {
                    assign(j, i, qty[j]);
                    break;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            int want = qty[j] - assigned[j];
            if (want == 0) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            takeInTurn(j, want, set, parts);
            if (parts.size() > 1) {
                splitReasons.add("line " + lines[j].ref() + " (" + lines[j].sku() + ", " + qty[j]
                        + " units) split over " + String.join(", ", parts) + ": no candidate has all of it");
            }
        }
        boolean all = true;
        for (int j = 0; j < n; j++) {
            all &= assigned[j] >= qty[j];
        }
        return all || (!complete && assignedTotal() > keptUnits);
    }

    private void minimiseWholeLines() {
        long[] universe = new long[words];
        for (int i : candidates) {
            for (int w = 0; w < words; w++) {
                universe[w] |= masks[i * words + w];
            }
        }
        int[] cover = universeEmpty(universe) ? new int[0] : cover(universe);
        for (int i : cover) {
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        // every line from the best-ranked chosen location that has it in full
        List<Integer> byRank = new ArrayList<>(chosen);
        byRank.sort((a, b) -> Integer.compare(position[a], position[b]));
        for (int j = 0; j < n; j++) {
            for (int i : byRank) {
                if (free(j, i) >= qty[j]) {
                    assign(j, i, qty[j]);
                    break;
                }
            }
        }
        int misfits = 0;
        for (int j = 0; j < n; j++) {
            if (assigned[j] < qty[j] && (universe[j >>> 6] & (1L << j)) != 0) {
                misfits++;
            }
        }
        if (misfits > 0) {
            notes.add(misfits + " line(s) the chosen location(s) have in full did not fit within their capacity"
                    + " or the stock they share with lines of the same SKU; placed separately");
        }
        // what is left: whole lines from another location, or split over several
        for (int j = 0; j < n; j++) {
            if (assigned[j] < qty[j]) {
                fillRemaining(j);
            }
        }
        // a covering location that ended up supplying nothing (capacity, shared stock) ships nothing
        chosen.removeIf(i -> assignments.stream()
                .noneMatch(a -> a.location().equals(locations.get(i).id())));
    }

    private void fillRemaining(int j) {
        int want = qty[j] - assigned[j];
        if (!profile.splitLines() || assigned[j] == 0) {
            // first try to take the whole remainder from one location: a chosen one, else a new one
            for (int pass = 0; pass < 2; pass++) {
                for (int i : candidates) {
                    boolean isChosen = chosen.contains(i);
                    if ((pass == 0) != isChosen) {
                        continue;
                    }
                    if (!isChosen && chosen.size() >= profile.maxShipments()) {
                        continue;
                    }
                    if (free(j, i) >= want) {
                        assign(j, i, want);
                        return;
                    }
                }
            }
            if (!profile.splitLines()) {
                return;
            }
        }
        // split: chosen locations first (no new shipment), then new ones with the most units
        int[] byRank = chosen.stream()
                .sorted((a, b) -> Integer.compare(position[a], position[b]))
                .mapToInt(Integer::intValue)
                .toArray();
        List<String> parts = new ArrayList<>();
        want = takeInTurn(j, want, byRank, parts);
        while (want > 0 && chosen.size() < profile.maxShipments()) {
            int best = -1;
            int bestUnits = 0;
            for (int i : candidates) {
                if (chosen.contains(i)) {
                    continue;
                }
                int f = Math.min(want, free(j, i));
                if (f > bestUnits) {
                    best = i;
                    bestUnits = f;
                }
            }
            if (best < 0) {
                break;
            }
            assign(j, best, bestUnits);
            parts.add(locations.get(best).id() + " " + bestUnits);
            want -= bestUnits;
        }
        if (parts.size() > 1) {
            splitReasons.add("line " + lines[j].ref() + " (" + lines[j].sku() + ", " + qty[j] + " units) split over "
                    + String.join(", ", parts) + ": no candidate has all of it");
        }
    }

    /** Takes up to {@code want} units of line {@code j} from these locations in turn; returns what is still wanted. */
    private int takeInTurn(int j, int want, int[] from, List<String> parts) {
        for (int i : from) {
            int take = Math.min(want, free(j, i));
            if (take > 0) {
                assign(j, i, take);
                parts.add(locations.get(i).id() + " " + take);
                want -= take;
            }
            if (want == 0) {
                break;
            }
        }
        return want;
    }

    private boolean universeEmpty(long[] u) {
        for (long w : u) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The fewest candidates whose full lines cover the universe, best-ranked on ties. */
    private int[] cover(long[] universe) {
        // one candidate per distinct mask (the best-ranked), masks reduced to the universe
        List<Integer> distinct = new ArrayList<>();
        MaskSet seen = new MaskSet(candidates.length, words);
        long[] mk = new long[words];
        for (int i : candidates) {
            boolean empty = true;
            for (int w = 0; w < words; w++) {
                mk[w] = masks[i * words + w] & universe[w];
                empty &= mk[w] == 0;
            }
            if (!empty && seen.add(mk)) {
                distinct.add(i);
            }
        }
        for (int i : candidates) {
            if (containsAll(i, universe) && suppliesTogether(i, universe)) {
                notes.add("one shipment: " + locations.get(i).id() + " (rank " + (position[i] + 1)
                        + ") has every line in full");
                return new int[] {i};
            }
        }
        int maxK = profile.maxShipments();
        int[] dc = distinct.stream().mapToInt(Integer::intValue).toArray();
        Search search = new Search(dc, universe, profile.searchBudget());
        for (int k = 2; k <= maxK; k++) {
            search.run(k);
            int[] found = search.best != null ? search.best : search.unfit;
            if (found != null) {
                notes.add("exact search: " + k + " shipments is the fewest over " + dc.length
                        + " distinct candidate(s)" + (search.exhausted ? " (budget reached; best found kept)" : "")
                        + (search.best == null ? " (none of them fits within capacity and shared stock)" : "")
                        + ", " + search.nodes + " node(s)");
                return found;
            }
            if (search.exhausted) {
                break;
            }
        }
        int[] greedy = greedy(dc, universe, maxK);
        notes.add((search.exhausted
                        ? "greedy: the exact search reached its budget of " + profile.searchBudget() + " node(s)"
                        : "greedy: no cover within " + maxK + " shipment(s)")
                + "; " + greedy.length + " shipment(s) chosen");
        return greedy;
    }

    /**
     * Whether these locations can ship every line of the universe together, each line from the best-ranked
     * of them that still has it in full within its capacity (as the assignment will place them).
     */
    private boolean fits(int[] cover, int size, long[] universe) {
        int[] byRank = Arrays.copyOf(cover, size);
        for (int a = 1; a < size; a++) {
            for (int b = a; b > 0 && position[byRank[b]] < position[byRank[b - 1]]; b--) {
                int t = byRank[b];
                byRank[b] = byRank[b - 1];
                byRank[b - 1] = t;
            }
        }
        int[] cap = new int[size];
        for (int c = 0; c < size; c++) {
            cap[c] = capUnitsLeft[byRank[c]];
        }
        int[] took = taken == null ? null : new int[n * size];
        for (int j = 0; j < n; j++) {
            if ((universe[j >>> 6] & (1L << j)) == 0) {
                continue;
            }
            boolean placed = false;
            for (int c = 0; c < size && !placed; c++) {
                int a = usable[j * m + byRank[c]] - (took == null ? 0 : took[group[j] * size + c]);
                if (Math.min(a, cap[c]) >= qty[j]) {
                    if (cap[c] != Integer.MAX_VALUE) {
                        cap[c] -= qty[j];
                    }
                    if (took != null) {
                        took[group[j] * size + c] += qty[j];
                    }
                    placed = true;
                }
            }
            if (!placed) {
                return false;
            }
        }
        return true;
    }

    private boolean containsAll(int i, long[] universe) {
        for (int w = 0; w < words; w++) {
            if ((masks[i * words + w] & universe[w]) != universe[w]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the location can ship every line of the universe at once: their units within its capacity
     * left and, for lines of one SKU, within the stock they share.
     */
    private boolean suppliesTogether(int i, long[] universe) {
        long units = 0;
        int[] bySku = taken == null ? null : new int[n];
        for (int j = 0; j < n; j++) {
            if ((universe[j >>> 6] & (1L << j)) == 0) {
                continue;
            }
            units += qty[j];
            if (bySku != null) {
                bySku[group[j]] += qty[j];
                if (bySku[group[j]] > usable[j * m + i]) {
                    return false;
                }
            }
        }
        return units <= capUnitsLeft[i];
    }

    private int[] greedy(int[] dc, long[] universe, int maxK) {
        long[] covered = new long[words];
        List<Integer> picks = new ArrayList<>();
        while (picks.size() < maxK) {
            int best = -1;
            int bestGain = 0;
            for (int i : dc) {
                int gain = 0;
                for (int w = 0; w < words; w++) {
                    gain += Long.bitCount(masks[i * words + w] & universe[w] & ~covered[w]);
                }
                if (gain > bestGain) {
                    best = i;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;
            }
            picks.add(best);
            boolean done = true;
            for (int w = 0; w < words; w++) {
                covered[w] |= masks[best * words + w];
                done &= (covered[w] & universe[w]) == universe[w];
            }
            if (done) {
                break;
            }
        }
        return picks.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The masks seen so far (each {@code words} longs), an open-addressing hash set over one flat array:
     * no key object or boxing per candidate.
     */
    private static final class MaskSet {
        private final int words;
        private final long[] keys;
        private final boolean[] used;
        private final int slots;

        MaskSet(int capacity, int words) {
            this.words = words;
            int s = Integer.highestOneBit(Math.max(4, capacity * 2 + 1)) << 1;
            this.slots = s;
            this.keys = new long[s * words];
            this.used = new boolean[s];
        }

        /** Adds a copy of {@code mask}; false when an equal mask was added before. */
        boolean add(long[] mask) {
            int h = Arrays.hashCode(mask);
            h ^= h >>> 16;
            int slot = h & (slots - 1);
            while (used[slot]) {
                if (Arrays.equals(keys, slot * words, slot * words + words, mask, 0, words)) {
                    return false;
                }
                slot = (slot + 1) & (slots - 1);
            }
            used[slot] = true;
            System.arraycopy(mask, 0, keys, slot * words, words);
            return true;
        }
    }

    /** Depth-limited exact set cover: branch on the first uncovered line, candidates in rank order. */
    private final class Search {
        final int[] dc;
        final long[] universe;
        final int budget;
        long nodes;
        boolean exhausted;
        int[] best;
        int bestSum;
        // the best-ranked cover of the size searched that does not fit, kept when none fits
        int[] unfit;
        int unfitSum;
        final int[] stack;
        long[][] coveredAt;
        /** Whether capacity or stock shared by lines of one SKU can keep a cover from shipping its lines. */
        final boolean constrained;
        /** Per line, the candidates of {@link #dc} that have it in full, in the same (rank) order; built on first use. */
        final int[][] byLine;
        /** The most lines of the universe any one candidate has in full: a bound on what each pick covers. */
        final int mostLines;

        Search(int[] dc, long[] universe, int budget) {
            this.dc = dc;
            this.universe = universe;
            this.budget = budget;
            this.stack = new int[profile.maxShipments()];
            boolean c = taken != null;
            for (int i : dc) {
                c |= capUnitsLeft[i] != Integer.MAX_VALUE;
            }
            this.constrained = c;
            this.byLine = new int[n][];
            int most = 0;
            for (int i : dc) {
                int size = 0;
                for (int w = 0; w < words; w++) {
                    size += Long.bitCount(masks[i * words + w] & universe[w]);
                }
                most = Math.max(most, size);
            }
            this.mostLines = most;
        }

        private int[] having(int line) {
            int[] with = byLine[line];
            if (with == null) {
                int w = line >>> 6;
                long bit = 1L << line;
                int[] all = new int[dc.length];
                int count = 0;
                for (int i : dc) {
                    if ((masks[i * words + w] & bit) != 0) {
                        all[count++] = i;
                    }
                }
                with = Arrays.copyOf(all, count);
                byLine[line] = with;
            }
            return with;
        }

        void run(int k) {
            best = null;
            bestSum = Integer.MAX_VALUE;
            unfit = null;
            unfitSum = Integer.MAX_VALUE;
            coveredAt = new long[k + 1][words];
            dfs(0, k, 0);
        }

        private void dfs(int depth, int k, int sum) {
            if (exhausted) {
                return;
            }
            if (++nodes > budget) {
                exhausted = true;
                return;
            }
            long[] covered = coveredAt[depth];
            int line = -1;
            for (int w = 0; w < words && line < 0; w++) {
                long open = universe[w] & ~covered[w];
                if (open != 0) {
                    line = (w << 6) + Long.numberOfTrailingZeros(open);
                }
            }
            if (line < 0) {
                if (sum < bestSum) {
                    if (!constrained || fits(stack, depth, universe)) {
                        bestSum = sum;
                        best = Arrays.copyOf(stack, depth);
                    } else if (sum < unfitSum) {
                        unfitSum = sum;
                        unfit = Arrays.copyOf(stack, depth);
                    }
                }
                return;
            }
            if (depth == k) {
                return;
            }
            int open = 0;
            for (int w = 0; w < words; w++) {
                open += Long.bitCount(universe[w] & ~covered[w]);
            }
            if (open > (k - depth) * mostLines) {
                return; // even the largest candidates, one per pick left, cannot cover what is open
            }
            for (int i : having(line)) {
                int s = sum + position[i];
                if (s >= bestSum) {
                    break;
                }
                long[] next = coveredAt[depth + 1];
                for (int x = 0; x < words; x++) {
                    next[x] = covered[x] | masks[i * words + x];
                }
                stack[depth] = i;
                dfs(depth + 1, k, s);
                if (exhausted) {
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ explaining

    private String unmetReason(int j, int missing) {
        int total = 0;
        for (int i : candidates) {
            total += usable[j * m + i];
        }
        String base = "line " + lines[j].ref() + " (" + lines[j].sku() + "): " + missing + " of " + qty[j]
                + " unit(s) unassigned; ";
        if (candidates.length == 0) {
            return base + "no location is a candidate";
        }
        if (total == 0) {
            int raw = 0;
            for (int i : candidates) {
                raw += rows[j][i];
            }
            return base + (raw == 0 ? "no stock at any candidate" : "the line filters allow no candidate that has it");
        }
        if (total < qty[j]) {
            return base + "only " + total + " usable across " + candidates.length + " candidate(s)";
        }
        long withinCapacity = 0;
        boolean whole = false;
        for (int i : candidates) {
            int u = Math.min(usable[j * m + i], capacityUnitsLeft(i));
            withinCapacity += u;
            whole |= u >= qty[j];
        }
        if (withinCapacity < qty[j]) {
            return base + "only " + withinCapacity + " usable within today's capacity across " + candidates.length
                    + " candidate(s)";
        }
        if (profile.fulfilment() == Fulfilment.SHIP_COMPLETE && assignments.isEmpty()) {
            return base
                    + (profile.strategy() == Strategy.SINGLE_LOCATION
                            ? "ship complete and no single location has every line in full"
                            : "ship complete and the request cannot be met in full within " + profile.maxShipments()
                                    + " shipment(s)");
        }
        if (profile.strategy() == Strategy.SINGLE_LOCATION) {
            return base + "single location only and the chosen one lacks it";
        }
        if (!profile.splitLines() && !whole) {
            return base + "no candidate has all of it and lines may not be split";
        }
        return base + "the stock is spread over more than the " + profile.maxShipments() + " shipment(s) allowed";
    }

    private void explainSplit() {
        List<String> out = new ArrayList<>();
        out.add(chosen.size() + " shipments: no single candidate has every line in full within its capacity");
        if (candidates.length > 0) {
            int top = candidates[0];
            List<String> lacks = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (usable[j * m + top] < qty[j]) {
                    lacks.add(
                            lines[j].ref() + " (" + lines[j].sku() + " " + usable[j * m + top] + " of " + qty[j] + ")");
                }
            }
            if (!lacks.isEmpty()) {
                out.add("best-ranked " + locations.get(top).id() + " lacks " + String.join(", ", lacks));
            } else {
                out.add("best-ranked " + locations.get(top).id() + " has every line but not the capacity for all");
            }
        }
        splitReasons.addAll(0, out);
    }

    private Explanation explain() {
        List<LocationVerdict> verdicts = new ArrayList<>(m);
        List<RankStep> steps = profile.rankers();
        int r = steps.size();
        for (int i = 0; i < m; i++) {
            Location loc = locations.get(i);
            int by = excludedBy[i];
            if (by == BY_REQUEST) {
                verdicts.add(new LocationVerdict(
                        loc.id(),
                        Optional.of("excluded"),
                        request.excluded().get(loc.id()),
                        0,
                        List.of(),
                        false,
                        List.of()));
                continue;
            }
            if (by >= 0) {
                LocationFilter f = (LocationFilter) filters.get(by);
                verdicts.add(new LocationVerdict(
                        loc.id(), Optional.of(f.name()), f.reason(this, i), 0, List.of(), false, lineNotes(i)));
                continue;
            }
            List<LocationVerdict.Score> scores = new ArrayList<>(r);
            int col = costColumn[i];
            for (int s = 0; s < r; s++) {
                RankStep step = steps.get(s);
                double cost = costs[s * candidateCount + col];
                double weighted = step.key(cost);
                if (weightedKeys != null) {
                    weighted = step.weight() * normalise(cost, lowest[s], highest[s]);
                }
                scores.add(new LocationVerdict.Score(
                        step.ranker().name(), cost, step.ranker().describe(this, i, cost), weighted));
            }
            String summary = "has " + full[i] + " of " + n + " line(s) in full";
            if (weightedKeys != null) {
                summary += String.format(Locale.ROOT, ", score %.3f", weightedKeys[col]);
            }
            verdicts.add(new LocationVerdict(
                    loc.id(), Optional.empty(), summary, position[i] + 1, scores, chosen.contains(i), lineNotes(i)));
        }
        String outcome =
                assignments.isEmpty() ? "nothing assigned" : chosen.size() + " shipment(s) from " + chosenIds();
        int unmet = 0;
        for (int j = 0; j < n; j++) {
            if (assigned[j] < qty[j]) {
                unmet++;
            }
        }
        if (unmet > 0) {
            outcome += ", " + unmet + " line(s) not met in full";
        }
        String summary = "Routing " + request.reference() + " (" + n + " line(s), " + request.deliveryMethod()
                + ") with profile '" + profile.name() + "' [" + profile.strategy() + ", " + profile.fulfilment()
                + ", " + profile.scoring() + "]: " + outcome;
        List<String> allNotes = new ArrayList<>(notes);
        for (int j = 0; j < n; j++) {
            if (assigned[j] < qty[j]) {
                allNotes.add(unmetReason(j, qty[j] - assigned[j]));
            }
        }
        return new Explanation(summary, verdicts, splitReasons, allNotes);
    }

    private List<String> chosenIds() {
        List<String> ids = new ArrayList<>();
        for (int i : chosen) {
            ids.add(locations.get(i).id().value());
        }
        return ids;
    }

    private List<String> lineNotes(int i) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            int a = rows[j][i];
            if (a > 0 && excludedBy[i] != BY_REQUEST) {
                for (int k : applying[j]) {
                    if (!lineFilters[k].allows(this, j, i)) {
                        out.add("line " + lines[j].ref() + ": " + lineFilters[k].name() + ": "
                                + lineFilters[k].reason(this, j, i));
                        break;
                    }
                }
            }
        }
        if (excludedBy[i] == ADMITTED) {
            for (Assignment a : assignments) {
                if (a.location().equals(locations.get(i).id())) {
                    out.add("ships " + a.units() + "x " + a.sku() + " for line " + a.line()
                            + a.workInstructions().map(w -> " (" + w + ")").orElse(""));
                }
            }
        }
        return out;
    }
}
