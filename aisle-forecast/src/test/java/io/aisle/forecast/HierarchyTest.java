package io.aisle.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HierarchyTest {

    @Test
    void reconciled_forecasts_add_up_across_skus_categories_locations_and_regions() {
        Panel panel = TestPanels.synthetic(4, 3, 40, 6, 7);
        Hierarchy hierarchy = new Hierarchy(panel, sku -> sku.endsWith("0") || sku.endsWith("1") ? "a" : "b",
                loc -> loc.equals("store-0") ? "north" : "south");
        Panel nodes = hierarchy.nodePanel();
        AisleForecaster forecaster = new AisleForecaster(ForecastConfig.defaults().withPaths(40).withGlobalModel(false));
        List<QuantileForecast> base = forecaster.forecast(nodes, 40, 6, m -> {}).forecasts();
        List<QuantileForecast> rec = hierarchy.reconcile(base, null);

        for (int n = 0; n < hierarchy.aggregates(); n++) {
            int[] members = hierarchy.members(n);
            for (int h = 0; h < 6; h++) {
                double sum = 0;
                for (int i : members) sum += rec.get(hierarchy.aggregates() + i).mean()[h];
                assertThat(rec.get(n).mean()[h]).as(hierarchy.nodes().get(n) + " step " + h).isCloseTo(sum, within(1e-6));
                for (int k = 0; k < 40; k++) {
                    double path = 0;
                    for (int i : members) path += rec.get(hierarchy.aggregates() + i).paths()[k][h];
                    assertThat(rec.get(n).paths()[k][h]).isCloseTo(path, within(1e-6));
                }
            }
        }
        assertThat(hierarchy.nodes().get(0)).isEqualTo(new SeriesKey("total", "total"));
    }

    @Test
    void coherent_base_forecasts_are_left_unchanged() {
        Panel panel = TestPanels.synthetic(2, 2, 30, 3, 3);
        Hierarchy hierarchy = new Hierarchy(panel, sku -> "all", loc -> "all");
        int b = panel.size(), n = hierarchy.nodes().size();
        List<QuantileForecast> base = new java.util.ArrayList<>();
        for (int r = 0; r < n; r++) {
            double v = 0;
            for (int i : hierarchy.members(r)) v += i + 1;
            double[] mean = {v, v, v};
            base.add(new QuantileForecast(hierarchy.nodes().get(r), 30, new double[] {0.5}, new double[][] {{v}, {v}, {v}}, mean, new double[0][3]));
        }
        List<QuantileForecast> rec = hierarchy.reconcile(base, null);
        for (int r = 0; r < n; r++) assertThat(rec.get(r).mean()[0]).isCloseTo(base.get(r).mean()[0], within(1e-9));
        assertThat(b).isEqualTo(4);
    }
}
