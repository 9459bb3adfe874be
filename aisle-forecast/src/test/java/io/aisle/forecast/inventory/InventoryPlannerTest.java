package io.aisle.forecast.inventory;

import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.SeriesKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryPlannerTest {
    private final InventoryPlanner planner = new InventoryPlanner(1);

    /** Normal-ish demand paths around {@code mean} with spread {@code sd}, flat over the horizon. */
    static QuantileForecast demand(double mean, double sd, int horizon, long seed) {
        Random rnd = new Random(seed);
        double[][] paths = new double[500][horizon];
        for (double[] p : paths) for (int h = 0; h < horizon; h++) p[h] = Math.max(0, mean + sd * rnd.nextGaussian());
        double[] probs = {0.1, 0.5, 0.9};
        double[][] q = new double[horizon][];
        double[] m = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            q[h] = new double[] {mean - 1.28 * sd, mean, mean + 1.28 * sd};
            m[h] = mean;
        }
        return new QuantileForecast(new SeriesKey("s", "l"), 0, probs, q, m, paths);
    }

    @Test
    void reorder_point_rises_with_service_level_and_lead_time() {
        QuantileForecast f = demand(100, 20, 8, 1);
        ReorderPlan p90 = planner.reorder(f, LeadTime.fixed(2), 0.90, 1, 50, 1000);
        ReorderPlan p99 = planner.reorder(f, LeadTime.fixed(2), 0.99, 1, 50, 1000);
        ReorderPlan longer = planner.reorder(f, new LeadTime(new int[] {2, 4}, new double[] {0.5, 0.5}), 0.90, 1, 50, 1000);
        assertThat(p90.meanLeadDemand()).isBetween(190.0, 210.0);
        assertThat(p99.reorderPoint()).isGreaterThan(p90.reorderPoint());
        assertThat(longer.reorderPoint()).isGreaterThan(p90.reorderPoint());
        assertThat(p90.safetyStock()).isPositive();
        assertThat(p90.orderNow()).isZero();
        assertThat(planner.reorder(f, LeadTime.fixed(2), 0.9, 1, 50, 10).orderNow()).isPositive();
    }

    @Test
    void newsvendor_quantity_follows_the_critical_ratio() {
        QuantileForecast f = demand(100, 20, 4, 2);
        double cheapLeftovers = planner.newsvendor(f, 1, 9, 1);
        double dearLeftovers = planner.newsvendor(f, 1, 1, 9);
        assertThat(cheapLeftovers).isBetween(115.0, 135.0); // about the 0.9 quantile
        assertThat(dearLeftovers).isBetween(65.0, 85.0);    // about the 0.1 quantile
    }

    @Test
    void limited_stock_goes_where_it_saves_most_and_beats_an_even_split() {
        List<QuantileForecast> locs = List.of(demand(100, 10, 2, 3), demand(20, 5, 2, 4), demand(60, 30, 2, 5));
        int[] alloc = planner.allocate(150, locs, 1, 1, 5);
        assertThat(alloc[0] + alloc[1] + alloc[2]).isLessThanOrEqualTo(150);
        assertThat(alloc[0]).isGreaterThan(alloc[1]);
        int[] even = {50, 50, 50};
        assertThat(planner.expectedCost(alloc, locs, 1, 1, 5)).isLessThan(planner.expectedCost(even, locs, 1, 1, 5));
    }

    @Test
    void ample_stock_is_not_all_pushed_out() {
        int[] alloc = planner.allocate(10_000, List.of(demand(10, 2, 2, 6)), 1, 1, 2);
        assertThat(alloc[0]).isBetween(8, 20);
    }

    @Test
    void simulation_counts_stockouts_and_holding() {
        double[] demand = new double[20];
        java.util.Arrays.fill(demand, 10);
        InventorySimulation sim = new InventorySimulation(LeadTime.fixed(0), 1);
        var generous = sim.replay(demand, 0, 20, 10, new ReplenishmentPolicy.MovingAverage(4, 1, 2.0));
        var stingy = sim.replay(demand, 0, 20, 10, new ReplenishmentPolicy.MovingAverage(4, 1, 0.5));
        assertThat(generous.stockoutPeriods()).isZero();
        assertThat(generous.fillRate()).isEqualTo(1.0);
        assertThat(stingy.stockoutPeriods()).isPositive();
        assertThat(generous.holdingUnits()).isGreaterThan(stingy.holdingUnits());
    }

    @Test
    void refuses_bad_inputs_naming_them() {
        QuantileForecast f = demand(10, 1, 2, 7);
        assertThatThrownBy(() -> planner.reorder(f, LeadTime.fixed(1), 1.5, 1, 1, 0)).hasMessageContaining("serviceLevel");
        assertThatThrownBy(() -> new LeadTime(new int[] {1, 2}, new double[] {0.5, 0.2})).hasMessageContaining("leadTime.probs");
        assertThatThrownBy(() -> planner.allocate(-1, List.of(f), 1, 1, 1)).hasMessageContaining("stock");
    }
}
