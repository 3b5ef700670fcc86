package dev.omskit.routing.simulation;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.routing.RoutingDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link WhatIf} replay: per profile the {@link ProfileMetrics}, as {@link #rows()} of
 * numbers (one value per profile, the first profile being the baseline deltas are taken against), the
 * decisions themselves, and the orders decided differently. {@link #toText()} renders the side-by-side
 * table a merchant reads:
 *
 * <pre>
 * metric                   | current | candidate | delta
 * -------------------------+---------+-----------+------
 * shipments                |       4 |         8 |    +4
 * </pre>
 *
 * <p>Immutable.
 */
public final class SimulationReport {
    /** Orders replayed. */
    public static final String ORDERS = "orders";
    /** Orders met in full. */
    public static final String ORDERS_COMPLETE = "orders complete";
    /** Shipments. */
    public static final String SHIPMENTS = "shipments";
    /** Orders in more than one shipment. */
    public static final String ORDERS_SPLIT = "orders split";
    /** Shipments per order, 2 decimals. */
    public static final String AVERAGE_SHIPMENTS = "avg shipments per order";
    /** Lines from more than one location. */
    public static final String LINES_SPLIT = "lines split over locations";
    /** Units not assigned. */
    public static final String UNITS_UNFULFILLED = "units unfulfilled";
    /** Lines not met in full. */
    public static final String LINES_UNFULFILLABLE = "lines unfulfillable";
    /** Km from shipping locations to destinations, 1 decimal. */
    public static final String DISTANCE_KM = "distance km";
    /** Orders shipped whose distance is unknown. */
    public static final String ORDERS_WITHOUT_DISTANCE = "orders without geo (no km)";
    /** Shipping cost by the rate table; only when the simulation has one. */
    public static final String SHIPPING_COST = "shipping cost";
    /** Shipments the rate table cannot price; only when the simulation has one. */
    public static final String SHIPMENTS_WITHOUT_RATE = "shipments without a rate";
    /** Orders decided differently from the first profile. */
    public static final String ORDERS_DIFFERING = "orders decided differently";

    private final List<ProfileMetrics> metrics;
    private final List<List<RoutingDecision>> decisions;
    private final List<Row> rows;
    private final List<Difference> differences;
    private final int differing;

    SimulationReport(
            List<ProfileMetrics> metrics,
            List<List<RoutingDecision>> decisions,
            List<Integer> differingFromFirst,
            List<Difference> differences,
            int differing) {
        this.metrics = List.copyOf(metrics);
        List<List<RoutingDecision>> ds = new ArrayList<>();
        decisions.forEach(d -> ds.add(List.copyOf(d)));
        this.decisions = List.copyOf(ds);
        this.differences = List.copyOf(differences);
        this.differing = differing;
        this.rows = List.copyOf(buildRows(metrics, differingFromFirst));
    }

    /**
     * One metric across the profiles.
     *
     * @param metric the metric's name, one of the constants of {@link SimulationReport}
     * @param values one per profile, in profile order
     */
    public record Row(String metric, List<BigDecimal> values) {
        public Row {
            values = List.copyOf(values);
        }

        /** The value for the profile at this position. */
        public BigDecimal value(int profile) {
            return values.get(profile);
        }

        /** The value for the profile at this position minus the first profile's. */
        public BigDecimal delta(int profile) {
            return values.get(profile).subtract(values.get(0));
        }
    }

    /** The profiles' names, in the order given; the first is the baseline. */
    public List<String> profiles() {
        return metrics.stream().map(ProfileMetrics::profile).toList();
    }

    /** The metrics per profile, in profile order. */
    public List<ProfileMetrics> metrics() {
        return metrics;
    }

    /** The metrics of the profile with this name. */
    public ProfileMetrics metrics(String profile) {
        return metrics.get(indexOf(profile));
    }

    /** The decisions of the profile with this name, one per order, in batch order. */
    public List<RoutingDecision> decisions(String profile) {
        return decisions.get(indexOf(profile));
    }

    /** Every metric as numbers, in display order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of this metric. */
    public Row row(String metric) {
        for (Row r : rows) {
            if (r.metric().equals(metric)) {
                return r;
            }
        }
        throw InvalidArgumentException.of(
                "metric",
                "UNKNOWN",
                "the report has no metric '" + metric + "'; it has "
                        + rows.stream().map(Row::metric).toList());
    }

    /** How many orders at least two profiles decided differently. */
    public int differingOrders() {
        return differing;
    }

    /** The first of those orders (as many as the simulation shows), with every profile's decision. */
    public List<Difference> differences() {
        return differences;
    }

    private int indexOf(String profile) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).profile().equals(profile)) {
                return i;
            }
        }
        throw InvalidArgumentException.of(
                "profile", "UNKNOWN", "the report has no profile '" + profile + "'; it has " + profiles());
    }

    private static List<Row> buildRows(List<ProfileMetrics> metrics, List<Integer> differingFromFirst) {
        List<Row> out = new ArrayList<>();
        out.add(row(ORDERS, metrics, m -> whole(m.orders())));
        out.add(row(ORDERS_COMPLETE, metrics, m -> whole(m.ordersComplete())));
        out.add(row(SHIPMENTS, metrics, m -> whole(m.shipments())));
        out.add(row(ORDERS_SPLIT, metrics, m -> whole(m.ordersSplit())));
        out.add(row(AVERAGE_SHIPMENTS, metrics, ProfileMetrics::averageShipmentsPerOrder));
        out.add(row(LINES_SPLIT, metrics, m -> whole(m.linesSplit())));
        out.add(row(UNITS_UNFULFILLED, metrics, m -> whole(m.unitsUnfulfilled())));
        out.add(row(LINES_UNFULFILLABLE, metrics, m -> whole(m.linesUnfulfillable())));
        out.add(row(
                DISTANCE_KM, metrics, m -> BigDecimal.valueOf(m.distanceKm()).setScale(1, RoundingMode.HALF_UP)));
        out.add(row(ORDERS_WITHOUT_DISTANCE, metrics, m -> whole(m.ordersWithoutDistance())));
        if (metrics.get(0).shippingCost().isPresent()) {
            out.add(row(
                    SHIPPING_COST, metrics, m -> m.shippingCost().orElseThrow().amount()));
            out.add(row(SHIPMENTS_WITHOUT_RATE, metrics, m -> whole(m.shipmentsWithoutRate())));
        }
        List<BigDecimal> diff = new ArrayList<>();
        differingFromFirst.forEach(d -> diff.add(whole(d)));
        out.add(new Row(ORDERS_DIFFERING, diff));
        return out;
    }

    private static Row row(
            String metric, List<ProfileMetrics> metrics, java.util.function.Function<ProfileMetrics, BigDecimal> f) {
        List<BigDecimal> values = new ArrayList<>(metrics.size());
        metrics.forEach(m -> values.add(f.apply(m)));
        return new Row(metric, values);
    }

    private static BigDecimal whole(int n) {
        return BigDecimal.valueOf(n);
    }

    /**
     * The report as text: a title, the table (metric | each profile | delta of each later profile against
     * the first; with two profiles the last column is just {@code delta}), then the orders decided
     * differently with each profile's decision.
     */
    public String toText() {
        List<String> names = profiles();
        int p = names.size();
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(names);
        for (int i = 1; i < p; i++) {
            header.add(p == 2 ? "delta" : "delta " + names.get(i));
        }
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            String unit = r.metric().equals(SHIPPING_COST)
                    ? " ("
                            + metrics.get(0)
                                    .shippingCost()
                                    .orElseThrow()
                                    .currency()
                                    .getCurrencyCode() + ")"
                    : "";
            cells.add(r.metric() + unit);
            for (int i = 0; i < p; i++) {
                cells.add(number(r.value(i)));
            }
            for (int i = 1; i < p; i++) {
                BigDecimal d = r.delta(i);
                cells.add(d.signum() > 0 ? "+" + number(d) : d.signum() == 0 ? "0" : number(d));
            }
            table.add(cells);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> cells : table) {
                width[c] = Math.max(width[c], cells.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("What-if over ")
                .append(metrics.get(0).orders())
                .append(" order(s): ")
                .append(String.join(
                        " vs ", names.stream().map(n -> "'" + n + "'").toList()))
                .append('\n');
        line(sb, header, width);
        for (int c = 0; c < width.length; c++) {
            sb.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (List<String> cells : table) {
            line(sb, cells, width);
        }
        if (differing == 0) {
            sb.append("Every order is decided the same way.\n");
        } else {
            sb.append("Orders decided differently: ").append(differing);
            if (differences.size() < differing) {
                sb.append(" (first ").append(differences.size()).append(" shown)");
            }
            sb.append('\n');
            int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
            for (Difference d : differences) {
                sb.append("  #")
                        .append(d.index() + 1)
                        .append(' ')
                        .append(d.reference())
                        .append('\n');
                for (int i = 0; i < p; i++) {
                    sb.append("    ")
                            .append(pad(names.get(i) + ":", nameWidth + 1, true))
                            .append(' ')
                            .append(d.decisions().get(i))
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append(" | ");
            }
            sb.append(pad(cells.get(c), width[c], c == 0));
        }
        sb.append('\n');
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + fill : fill + s;
    }

    private static String number(BigDecimal v) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setMinimumFractionDigits(Math.max(0, v.scale()));
        f.setMaximumFractionDigits(Math.max(0, v.scale()));
        return f.format(v);
    }

    @Override
    public String toString() {
        return "SimulationReport{profiles=" + profiles() + ", orders="
                + metrics.get(0).orders() + ", differing=" + differing + "}";
    }
}
