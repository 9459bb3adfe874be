package io.aisle.bench.pricing;

import io.aisle.bench.BenchReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole pricing benchmark on a small synthetic panel in the OJ file format with known elasticities. */
class PricingBenchmarkTest {
    /** Brand b has elasticity -(1.5 + 0.2 b); prices wander 10% around 0.03-0.05 per ounce. */
    private static Path panel(Path dir) throws IOException {
        Random rng = new Random(11);
        StringBuilder csv = new StringBuilder("\"store\",\"brand\",\"week\",\"logmove\",\"constant\"");
        for (int b = 1; b <= 11; b++) csv.append(",\"price").append(b).append('"');
        csv.append(",\"deal\",\"feat\",\"profit\"\n");
        for (int store = 1; store <= 6; store++) {
            for (int week = 40; week < 100; week++) {
                double[] prices = new double[11];
                for (int b = 0; b < 11; b++) prices[b] = (0.03 + 0.002 * b) * Math.exp(0.1 * rng.nextGaussian());
                for (int brand = 1; brand <= 11; brand++) {
                    boolean feat = rng.nextDouble() < 0.15;
                    double y = 8 - (1.5 + 0.2 * brand) * Math.log(prices[brand - 1] / (0.03 + 0.002 * (brand - 1)))
                            + (feat ? 0.5 : 0) + 0.3 * rng.nextGaussian();
                    csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.6f,1", store, brand, week, y));
                    for (double p : prices) csv.append(String.format(Locale.ROOT, ",%.6f", p));
                    csv.append(String.format(Locale.ROOT, ",%d,%d,0%n", rng.nextDouble() < 0.1 ? 1 : 0, feat ? 1 : 0));
                }
            }
        }
        Files.writeString(dir.resolve("orangeJuice_yx.csv"), csv);
        return dir;
    }

    @Test
    void reportsElasticitiesHoldoutAndPoliciesAgainstAnExactOracle(@TempDir Path dir) throws IOException {
        BenchReport report = new PricingBenchmark(new PricingBenchmark.Options(panel(dir), 12, 10, 3), m -> {}).run();
        Map<String, Map<String, Double>> rows = report.rows();
        assertThat(rows.get("oj-01-tropicana-premium-64").get("elasticity")).isCloseTo(-1.7, within(0.15));
        assertThat(rows.get("oj-11-dominicks-128").get("elasticity")).isCloseTo(-3.7, within(0.15));
        assertThat(rows.get("elasticity-aisle").get("holdout_rmse_log_units"))
                .isLessThan(rows.get("elasticity-no-price").get("holdout_rmse_log_units"));
        for (String system : new String[]{"oracle", "keep-price", "test-and-learn", "aisle", "aisle-category-prior"}) {
            assertThat(rows.get(system).get("guardrail_violations")).as(system).isZero();
            assertThat(rows.get(system).get("beats_oracle_products")).as(system).isZero();
            assertThat(rows.get(system).get("profit_vs_oracle")).as(system).isLessThanOrEqualTo(1.0 + 1e-12);
        }
        assertThat(rows.get("aisle").get("profit_vs_oracle")).isGreaterThan(rows.get("keep-price").get("profit_vs_oracle"));
    }
}
