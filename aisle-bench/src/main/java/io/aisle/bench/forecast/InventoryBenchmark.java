package io.aisle.bench.forecast;

import io.aisle.bench.BenchReport;
import io.aisle.forecast.AisleForecaster;
import io.aisle.forecast.ForecastConfig;
import io.aisle.forecast.Panel;
import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.inventory.DemandSamples;
import io.aisle.forecast.inventory.InventorySimulation;
import io.aisle.forecast.inventory.LeadTime;
import io.aisle.forecast.inventory.ReplenishmentPolicy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays the orange-juice test weeks (the forecast benchmark's three 12-week windows, 913 series) under weekly
 * review with an uncertain lead time (1, 2 or 3 weeks with probabilities 0.6, 0.3, 0.1), lost sales. Aisle orders up
 * to a service-level quantile of its forecast demand over lead time plus review; the baseline orders up to a 4-week
 * moving average times (mean lead time + 1) times a cover factor. For each baseline cover, Aisle's row is the highest
 * service level whose holding is at most the baseline's, so stock-outs are compared at equal or lower holding.
 */
public final class InventoryBenchmark {
    private static final LeadTime LEAD = new LeadTime(new int[] {1, 2, 3}, new double[] {0.6, 0.3, 0.1});
    private static final double[] COVERS = {1.0, 1.5, 2.0};
    private static final double[] SERVICE = {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99};
    private static final int[] TEST_WEEKS = {125, 137, 149};
    private static final int SAMPLES = 400;

    private InventoryBenchmark() {}

    public static BenchReport run(Path data, PrintStream log) {
        OrangeJuiceData oj = OrangeJuiceData.load(data);
        int h = ForecastBenchmark.HORIZON;
        var series = oj.panel().series();
        int n = series.size();
        // Per window and series: sorted demand samples over lead time + review from each week of the window.
        double[][][][] samples = new double[TEST_WEEKS.length][n][h][];
        for (int w = 0; w < TEST_WEEKS.length; w++) {
            int o = TEST_WEEKS[w] - oj.firstWeek();
            Panel panel = oj.truncated(o);
            int window = w + 1;
            long t0 = System.nanoTime();
            List<QuantileForecast> fs = new AisleForecaster(ForecastConfig.defaults().withBoostedRounds(0).withPaths(200))
                    .forecast(panel, o, h, m -> log.printf("  window %d: %s%n", window, m)).forecasts();
            log.printf("  window %d: forecasts in %.1f s%n", window, (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < h; k++) samples[w][i][k] = DemandSamples.over(fs.get(i), k, LEAD, 1, SAMPLES, 17L * i + k);
            }
        }
        BenchReport report = new BenchReport("inventory", "dominicks-oj");
        InventorySimulation sim = new InventorySimulation(LEAD, 7);
        for (double cover : COVERS) {
            InventorySimulation.Outcome base = InventorySimulation.Outcome.zero();
            InventorySimulation.Outcome[] ours = new InventorySimulation.Outcome[SERVICE.length];
            java.util.Arrays.fill(ours, InventorySimulation.Outcome.zero());
            for (int w = 0; w < TEST_WEEKS.length; w++) {
                int o = TEST_WEEKS[w] - oj.firstWeek();
                for (int i = 0; i < n; i++) {
                    double[] units = series.get(i).units();
                    double[] demand = new double[o + h];
                    System.arraycopy(units, 0, demand, 0, o + h);
                    double start = new ReplenishmentPolicy.MovingAverage(4, LEAD.mean() + 1, 1.0).orderUpTo(o, demand);
                    base = base.plus(sim.replay(demand, o, o + h, start,
                            new ReplenishmentPolicy.MovingAverage(4, LEAD.mean() + 1, cover)));
                    double[][] s = samples[w][i];
                    for (int j = 0; j < SERVICE.length; j++) {
                        int origin = o;
                        ReplenishmentPolicy aisle = new ReplenishmentPolicy.ForecastQuantile(
                                t -> s[Math.min(h - 1, Math.max(0, t - origin))], SERVICE[j]);
                        ours[j] = ours[j].plus(sim.replay(demand, o, o + h, start, aisle));
                    }
                }
            }
            int best = -1;
            for (int j = 0; j < SERVICE.length; j++) if (ours[j].holdingUnits() <= base.holdingUnits()) best = j;
            String suffix = String.format("-cover-%.1f", cover);
            put(report, "moving-average" + suffix, base, Double.NaN);
            if (best >= 0) put(report, "aisle" + suffix, ours[best], SERVICE[best]);
            log.printf("  cover %.1f: baseline stock-out weeks %d, holding %.0f; aisle at service %.2f: %d, %.0f%n", cover,
                    base.stockoutPeriods(), base.holdingUnits(), best >= 0 ? SERVICE[best] : Double.NaN,
                    best >= 0 ? ours[best].stockoutPeriods() : -1, best >= 0 ? ours[best].holdingUnits() : Double.NaN);
        }
        return report;
    }

    private static void put(BenchReport r, String system, InventorySimulation.Outcome o, double service) {
        r.put(system, "stockout_weeks", o.stockoutPeriods());
        r.put(system, "lost_units_pct", 100 * o.lostUnits() / Math.max(1, o.demandUnits()));
        r.put(system, "holding_unit_weeks", o.holdingUnits());
        r.put(system, "fill_rate", o.fillRate());
        if (!Double.isNaN(service)) r.put(system, "service_level", service);
    }
}
