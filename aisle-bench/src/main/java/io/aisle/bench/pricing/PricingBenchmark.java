package io.aisle.bench.pricing;

import io.aisle.bench.BenchReport;
import io.aisle.core.validation.ValidationException;
import io.aisle.pricing.elasticity.ElasticityFit;
import io.aisle.pricing.elasticity.HierarchicalElasticity;
import io.aisle.pricing.elasticity.ProductFit;
import io.aisle.pricing.elasticity.SalesObservation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pricing on Dominick's orange juice: (1) per-brand own- and cross-price elasticities with 90% intervals from the
 * hierarchical fit of the whole panel; (2) a holdout of the last 20 weeks, RMSE of predicted log units against a
 * no-price-effect model and unpooled store slopes, fitted in the same run; (3) a pricing simulation of products drawn
 * from the fitted model, where Aisle learns while pricing against an oracle, keep-price and a +/-5% test-and-learn
 * policy, with and without a mid-run drift. Run with
 * {@code aisle bench pricing --data ../shared/data/dominicks-oj [--products 300] [--json FILE]}.
 */
public final class PricingBenchmark {
    /** Benchmark inputs. */
    public record Options(Path data, int products, int holdoutWeeks, long seed) {
        public Options {
            if (data == null) throw new ValidationException("--data", "is required");
            if (products < 1) throw new ValidationException("--products", "must be >= 1, got " + products);
            if (holdoutWeeks < 1) throw new ValidationException("--holdout-weeks", "must be >= 1, got " + holdoutWeeks);
        }
    }

    private static final double Z90 = 1.6448536;

    private final Options options;
    private final Consumer<String> progress;

    public PricingBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() {
        BenchReport report = new BenchReport("pricing", options.data().getFileName().toString());
        OjPanel panel = OjPanel.read(options.data());
        progress.accept("read " + panel.rows().size() + " store-brand-weeks");

        // Holdout first: every model is fitted on the weeks before the last holdoutWeeks and scored after them.
        int cut = panel.lastWeek() - options.holdoutWeeks();
        List<SalesObservation> train = panel.rows().stream().filter(o -> o.week() <= cut).toList();
        List<SalesObservation> test = panel.rows().stream().filter(o -> o.week() > cut).toList();
        Map<String, HierarchicalElasticity.Options> models = Map.of("elasticity-aisle", HierarchicalElasticity.Options.DEFAULT,
                "elasticity-no-price", HierarchicalElasticity.Options.NO_PRICE, "elasticity-unpooled", HierarchicalElasticity.Options.UNPOOLED);
        for (String name : List.of("elasticity-no-price", "elasticity-unpooled", "elasticity-aisle")) {
            ElasticityFit fit = new HierarchicalElasticity(models.get(name)).fit(train);
            double sse = 0;
            int n = 0;
            for (SalesObservation o : test) {
                if (fit.unit(o.store(), o.product()) == null) continue;
                double e = o.logUnits() - fit.predictLogUnits(o);
                sse += e * e;
                n++;
            }
            report.put(name, "holdout_rmse_log_units", Math.sqrt(sse / n));
            report.put(name, "holdout_rows", n);
            progress.accept(name + " holdout done");
        }

        ElasticityFit fit = new HierarchicalElasticity(HierarchicalElasticity.Options.DEFAULT).fit(panel.rows());
        for (ProductFit p : fit.products().values()) {
            String row = "oj-" + p.product();
            report.put(row, "elasticity", p.elasticity().mean());
            report.put(row, "elasticity_lo90", p.elasticity().lo(Z90));
            report.put(row, "elasticity_hi90", p.elasticity().hi(Z90));
            report.put(row, "store_spread", p.storeSpread());
            report.put(row, "cross_elasticity", p.crossElasticity());
            report.put(row, "deal_lift", p.dealLift());
            report.put(row, "feat_lift", p.featLift());
        }
        report.put("oj-category", "elasticity", fit.categoryMean());
        report.put("oj-category", "elasticity_lo90", fit.categoryMean() - Z90 * fit.categorySd());
        report.put("oj-category", "elasticity_hi90", fit.categoryMean() + Z90 * fit.categorySd());
        progress.accept("full fit done; simulating " + options.products() + " products x " + MarketSimulation.PERIODS + " periods");

        MarketSimulation sim = MarketSimulation.draw(fit, options.products(), options.seed());
        Map<MarketSimulation.Kind, MarketSimulation.Totals> steady = sim.run(false, options.seed());
        progress.accept("stationary run done");
        Map<MarketSimulation.Kind, MarketSimulation.Totals> drift = sim.run(true, options.seed());
        double oracle = steady.get(MarketSimulation.Kind.ORACLE).profit();
        double oracleDrift = drift.get(MarketSimulation.Kind.ORACLE).profit();
        for (MarketSimulation.Kind k : MarketSimulation.Kind.values()) {
            String row = switch (k) {
                case ORACLE -> "oracle";
                case KEEP_PRICE -> "keep-price";
                case TEST_AND_LEARN -> "test-and-learn";
                case AISLE -> "aisle";
                case AISLE_CATEGORY_PRIOR -> "aisle-category-prior";
            };
            report.put(row, "profit_vs_oracle", steady.get(k).profit() / oracle);
            report.put(row, "profit_vs_oracle_median_product", medianRatio(steady.get(k).perProduct(), steady.get(MarketSimulation.Kind.ORACLE).perProduct()));
            report.put(row, "profit_vs_oracle_drift", drift.get(k).profit() / oracleDrift);
            report.put(row, "guardrail_violations", steady.get(k).violations() + drift.get(k).violations());
            report.put(row, "beats_oracle_products", beats(steady.get(k).perProduct(), steady.get(MarketSimulation.Kind.ORACLE).perProduct())
                    + beats(drift.get(k).perProduct(), drift.get(MarketSimulation.Kind.ORACLE).perProduct()));
        }
        report.put("aisle", "simulated_products", options.products());
        return report;
    }

    private static double medianRatio(double[] policy, double[] oracle) {
        double[] r = new double[policy.length];
        for (int i = 0; i < r.length; i++) r[i] = policy[i] / oracle[i];
        java.util.Arrays.sort(r);
        return r[r.length / 2];
    }

    /** Products where a policy beat the oracle by more than rounding: must be 0 if the oracle is a true optimum. */
    private static int beats(double[] policy, double[] oracle) {
        int n = 0;
        for (int i = 0; i < policy.length; i++) if (policy[i] > oracle[i] * (1 + 1e-9)) n++;
        return n;
    }
}
