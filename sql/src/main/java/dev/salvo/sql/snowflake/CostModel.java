package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the warehouse credits (and price) a run consumed, from how long each cluster ran. Billing as Snowflake
 * documents it ("Overview of warehouses", docs.snowflake.com/en/user-guide/warehouses-overview, "Warehouse size" and its
 * billing notes): per second, with a minimum of 60 seconds each time a cluster starts (resumes); a multi-cluster
 * warehouse is billed per running cluster. Every number this class produces is an ESTIMATE: the cluster intervals come
 * from polling, cloud-services credits are reported separately (and billed only above 10% of the day's compute), and
 * your contract's price per credit is yours to give.
 *
 * @param creditsPerHour credits per hour of one cluster
 * @param pricePerCredit price of one credit in your currency, null when unknown (then only credits are estimated)
 */
public record CostModel(double creditsPerHour, Double pricePerCredit) {
    /** Snowflake's minimum billed seconds each time a cluster starts. */
    public static final int MINIMUM_SECONDS_PER_START = 60;

    /** Checks the values. */
    public CostModel {
        if (!(creditsPerHour > 0) || Double.isInfinite(creditsPerHour)) {
            throw new SalvoException(
                    "cost model: credits per hour must be a positive number, but was " + creditsPerHour);
        }
        if (pricePerCredit != null && (!(pricePerCredit >= 0) || pricePerCredit.isInfinite())) {
            throw new SalvoException(
                    "cost model: the price per credit must be zero or positive, but was " + pricePerCredit);
        }
    }

    /**
     * @param size the warehouse size
     * @param type the warehouse type
     * @param pricePerCredit price per credit, null when unknown
     * @return the model with the documented rate of that size and type
     */
    public static CostModel of(WarehouseSize size, WarehouseType type, Double pricePerCredit) {
        return new CostModel(type.creditsPerHour(size), pricePerCredit);
    }

    /**
     * One cluster running from {@code startMillis} to {@code endMillis}.
     *
     * @param startMillis start, epoch ms
     * @param endMillis end, epoch ms
     * @param started true when the cluster started (resumed) at {@code startMillis}, so the 60-second minimum applies;
     *     false when it was already running when observation began
     */
    public record ClusterInterval(long startMillis, long endMillis, boolean started) {
        /** Checks the values. */
        public ClusterInterval {
            if (endMillis < startMillis) {
                throw new SalvoException("cost model: a cluster interval must end after it starts, but ran from "
                        + startMillis + " to " + endMillis);
            }
        }
    }

    /**
     * @param interval one cluster's running time
     * @return billed seconds: whole seconds rounded up, at least {@value #MINIMUM_SECONDS_PER_START} for a start
     */
    public static long billedSeconds(ClusterInterval interval) {
        long seconds = (interval.endMillis() - interval.startMillis() + 999) / 1000;
        return interval.started() ? Math.max(MINIMUM_SECONDS_PER_START, seconds) : seconds;
    }

    /**
     * Cluster intervals from a run's warehouse samples: cluster k runs while {@code startedClusters >= k}; an interval
     * that begins after the first sample is a start (the minimum applies); one still running at the last sample lasts
     * {@code tailMillis} longer (e.g. the warehouse's AUTO_SUSPEND, which the run causes to be billed).
     *
     * @param samples samples in time order
     * @param tailMillis how long a cluster running at the last sample is counted beyond it
     * @return the intervals
     */
    public static List<ClusterInterval> intervals(List<WarehouseSample> samples, long tailMillis) {
        List<ClusterInterval> out = new ArrayList<>();
        int maxClusters = samples.stream()
                .mapToInt(WarehouseSample::startedClusters)
                .max()
                .orElse(0);
        for (int k = 1; k <= maxClusters; k++) {
            Long start = null;
            boolean started = false;
            for (int i = 0; i < samples.size(); i++) {
                WarehouseSample s = samples.get(i);
                boolean running = s.startedClusters() >= k;
                if (running && start == null) {
                    start = s.epochMillis();
                    started = i > 0;
                } else if (!running && start != null) {
                    out.add(new ClusterInterval(start, s.epochMillis(), started));
                    start = null;
                }
            }
            if (start != null) {
                out.add(new ClusterInterval(
                        start, samples.get(samples.size() - 1).epochMillis() + tailMillis, started));
            }
        }
        return out;
    }

    /**
     * Estimates a run's cost.
     *
     * @param intervals every cluster's running time
     * @param queries the run's queries (requests executed)
     * @param runSeconds the run's measured duration
     * @param shareByKind the key to split credits by request kind (e.g. each kind's total EXECUTION_TIME from the query
     *     history, or its query count when no history was read); empty for no split
     * @return the estimate
     */
    public CostEstimate estimate(
            List<ClusterInterval> intervals,
            long queries,
            double runSeconds,
            Map<String, ? extends Number> shareByKind) {
        long seconds = 0;
        for (ClusterInterval i : intervals) {
            seconds += billedSeconds(i);
        }
        double credits = seconds * creditsPerHour / 3600.0;
        double total = 0;
        for (Number n : shareByKind.values()) {
            total += n.doubleValue();
        }
        Map<String, Double> byKind = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Number> e : shareByKind.entrySet()) {
            byKind.put(e.getKey(), total == 0 ? 0 : credits * e.getValue().doubleValue() / total);
        }
        return new CostEstimate(
                creditsPerHour,
                seconds,
                credits,
                pricePerCredit == null ? null : credits * pricePerCredit,
                pricePerCredit,
                byKind,
                queries == 0 ? null : credits * 1000 / queries,
                credits == 0 ? null : queries / credits,
                runSeconds > 0 && credits > 0 ? queries / runSeconds / credits : null);
    }

    /**
     * A run's estimated cost. Every value is an estimate.
     *
     * @param creditsPerHour the rate used, per cluster
     * @param billedClusterSeconds billed seconds summed over clusters
     * @param credits estimated warehouse credits
     * @param price credits times the price per credit, null when no price was given
     * @param pricePerCredit the price used, null when none
     * @param creditsByKind credits split by the share key
     * @param creditsPer1000Queries credits per 1,000 queries, null without queries
     * @param queriesPerCredit queries per credit, null when no credits
     * @param qpsPerCredit throughput (queries/s) per credit spent, null when not measurable
     */
    public record CostEstimate(
            double creditsPerHour,
            long billedClusterSeconds,
            double credits,
            Double price,
            Double pricePerCredit,
            Map<String, Double> creditsByKind,
            Double creditsPer1000Queries,
            Double queriesPerCredit,
            Double qpsPerCredit) {}
}
