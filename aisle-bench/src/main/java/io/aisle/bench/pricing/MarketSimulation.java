package io.aisle.bench.pricing;

import io.aisle.pricing.elasticity.ElasticityFit;
import io.aisle.pricing.elasticity.ProductFit;
import io.aisle.pricing.elasticity.Seasonality;
import io.aisle.pricing.elasticity.UnitFit;
import io.aisle.pricing.guard.Guardrails;
import io.aisle.pricing.guard.InfeasibleGuardrailsException;
import io.aisle.pricing.guard.PriceBounds;
import io.aisle.pricing.guard.PriceLadder;
import io.aisle.pricing.guard.ProductInput;
import io.aisle.pricing.learn.DemandPosterior;
import io.aisle.pricing.learn.ThompsonPricer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pricing policies run on simulated products whose true curves are drawn from the spread of the fitted OJ model
 * (store-brand elasticities with their posterior uncertainty, noise, feature-advertising lift for promotion weeks,
 * seasonality, cross-price effect).
 * Each product starts with a short history at one or two price points; every policy then prices it for
 * {@link #PERIODS} periods under the same guardrails and the same demand noise. Profit is the true expected profit
 * of each chosen price (noise only reaches the learners through their observations). The oracle is an exact dynamic
 * programme over the ladder prices and periods with the true curves and the same guardrails.
 */
final class MarketSimulation {
    static final int PERIODS = 52;
    static final int HISTORY = 8;
    static final int DRIFT_PERIOD = 26;
    static final LocalDate START = LocalDate.of(2026, 1, 5);
    static final PriceLadder LADDER = PriceLadder.endingIn("9");
    /** Aisle's exploration cap and forgetting, the same in the stationary and the drifting runs. */
    static final double MAX_EXPECTED_LOSS = 0.03;
    static final double FORGETTING = 0.99;

    /** Cumulative true expected profit and guardrail violations of one policy over all products. */
    record Totals(double profit, double[] perProduct, int violations) {}

    private final List<HiddenProduct> products;
    private final Population population;

    MarketSimulation(List<HiddenProduct> products, Population population) {
        this.products = products;
        this.population = population;
    }

    List<HiddenProduct> products() { return products; }

    /** Draws {@code count} hidden products from the fitted hierarchy. */
    static MarketSimulation draw(ElasticityFit fit, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<UnitFit> units = new ArrayList<>(fit.units().values());
        List<HiddenProduct> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UnitFit u = units.get(rng.nextInt(units.size()));
            ProductFit pf = fit.product(u.product());
            double elasticity = clamp(u.elasticity().mean() + u.elasticity().sd() * rng.nextGaussian(), -6, -0.5);
            double noise = clamp(u.noiseSd(), 0.1, 1.0);
            double[] season = pf.season().clone();
            double amp = 0.5 + rng.nextDouble();
            for (int j = 0; j < season.length; j++) season[j] *= amp;
            double p0 = snap(u.refPrice() * OjPanel.OUNCES[OjPanel.brandOf(u.product()) - 1]);
            double margin = 0.2 + 0.25 * rng.nextDouble();
            double cost = Math.round(p0 * (1 - margin) * 100) / 100.0;
            double competitor = Math.round(p0 * (0.9 + 0.2 * rng.nextDouble()) * 100) / 100.0;
            boolean[] promos = new boolean[HISTORY + PERIODS];
            for (int t = 0; t < promos.length; t++) promos[t] = rng.nextDouble() < 0.12;
            Double map = rng.nextBoolean() ? Math.round(p0 * 0.8 * 100) / 100.0 : null;
            Guardrails g = new Guardrails(true, 0.10, 0.15, map, 0.7, 1.3, null, null, LADDER, false);
            out.add(new HiddenProduct("sim-" + i + "-" + u.product(), elasticity, u.intercept(), p0, cost, noise,
                    pf.featLift(), season, clamp(pf.crossElasticity(), 0, 3), competitor, promos, g, rng.nextBoolean() ? 1 : 2,
                    pf.elasticity().mean(), Math.hypot(pf.elasticity().sd(), pf.storeSpread())));
        }
        return new MarketSimulation(out, Population.of(fit));
    }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    /** Nearest price ending in 9 cents. */
    static double snap(double price) {
        long cents = Math.round(price * 100);
        long snapped = Math.round((cents - 9) / 10.0) * 10 + 9;
        return snapped / 100.0;
    }

    /** The product as the pricer sees it in period {@code t}, priced at {@code current} now. */
    static ProductInput input(HiddenProduct p, double current, int t, boolean drift) {
        return new ProductInput(p.id(), p.cost(), current, List.of(), p.competitor(t, drift, DRIFT_PERIOD), null, null, null, p.guardrails());
    }

    static LocalDate date(int t) { return START.plusWeeks(t); }

    /** Learner features: intercept, log price relative to the starting price, promotion, seasonality, competitor log ratio. */
    static double[] features(HiddenProduct p, int t, double price, boolean drift) {
        double[] x = new double[4 + Seasonality.TERMS];
        x[0] = 1;
        x[1] = Math.log(price / p.refPrice());
        x[2] = p.promoted(t) ? 1 : 0;
        x[3] = Math.log(p.competitor(t, drift, DRIFT_PERIOD) / p.competitorPrice());
        Seasonality.features(t, x, 4);
        return x;
    }

    /** The policies compared, each a fresh state per product. */
    enum Kind { ORACLE, KEEP_PRICE, TEST_AND_LEARN, AISLE, AISLE_CATEGORY_PRIOR }

    Map<Kind, Totals> run(boolean drift, long seed) {
        Map<Kind, double[]> profits = new LinkedHashMap<>();
        Map<Kind, Integer> violations = new HashMap<>();
        for (Kind k : Kind.values()) { profits.put(k, new double[products.size()]); violations.put(k, 0); }
        for (int i = 0; i < products.size(); i++) {
            HiddenProduct p = products.get(i);
            // The same noise stream per product for every policy: they differ only by the prices they choose.
            double[] noise = new double[HISTORY + PERIODS];
            SplittableRandom nr = new SplittableRandom(seed * 31 + i);
            for (int s = 0; s < noise.length; s++) noise[s] = nr.nextGaussian() * p.noiseSd();
            for (Kind k : Kind.values()) {
                double[] prices = k == Kind.ORACLE ? oracle(p, drift) : learnAndPrice(k, p, drift, noise, new SplittableRandom(seed * 7919 + i));
                double total = 0;
                int broken = 0;
                double current = p.refPrice();
                for (int t = 0; t < PERIODS; t++) {
                    if (!PriceBounds.of(input(p, current, t, drift), date(t)).violations(prices[t]).isEmpty()) broken++;
                    total += p.expectedProfit(t, prices[t], drift, DRIFT_PERIOD);
                    current = prices[t];
                }
                profits.get(k)[i] = total;
                violations.merge(k, broken, Integer::sum);
            }
        }
        Map<Kind, Totals> out = new LinkedHashMap<>();
        profits.forEach((k, v) -> out.put(k, new Totals(java.util.Arrays.stream(v).sum(), v, violations.get(k))));
        return out;
    }

    /** Exact best price path with the true curves: forward dynamic programme over ladder prices reachable under the guardrails. */
    double[] oracle(HiddenProduct p, boolean drift) {
        List<Map<Long, Double>> value = new ArrayList<>();
        List<Map<Long, Long>> parent = new ArrayList<>();
        Map<Long, Double> prev = Map.of(Math.round(p.refPrice() * 100), 0.0);
        for (int t = 0; t < PERIODS; t++) {
            Map<Long, Double> cur = new HashMap<>();
            Map<Long, Long> from = new HashMap<>();
            for (Map.Entry<Long, Double> e : prev.entrySet()) {
                List<Double> candidates;
                try {
                    candidates = PriceBounds.of(input(p, e.getKey() / 100.0, t, drift), date(t)).candidates();
                } catch (InfeasibleGuardrailsException dead) {
                    continue;
                }
                for (double c : candidates) {
                    long key = Math.round(c * 100);
                    double v = e.getValue() + p.expectedProfit(t, c, drift, DRIFT_PERIOD);
                    if (v > cur.getOrDefault(key, Double.NEGATIVE_INFINITY)) { cur.put(key, v); from.put(key, e.getKey()); }
                }
            }
            value.add(cur);
            parent.add(from);
            prev = cur;
        }
        long best = prev.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double[] path = new double[PERIODS];
        for (int t = PERIODS - 1; t >= 0; t--) {
            path[t] = best / 100.0;
            best = parent.get(t).get(best);
        }
        return path;
    }

    private double[] learnAndPrice(Kind kind, HiddenProduct p, boolean drift, double[] noise, SplittableRandom rng) {
        double[] prices = new double[PERIODS];
        DemandPosterior posterior = switch (kind) {
            case AISLE -> aislePrior(p, p.brandElasticity(), p.brandElasticitySd());
            case AISLE_CATEGORY_PRIOR -> aislePrior(p, population.elasticityMean(), population.elasticitySd());
            case TEST_AND_LEARN -> vaguePrior(p);
            default -> null;
        };
        // History: HISTORY periods at the starting price, or alternating with a 5% lower one.
        double low = snap(p.refPrice() * 0.95);
        for (int h = -HISTORY; h < 0; h++) {
            double price = p.historyPoints() == 2 && (h & 1) == 0 ? low : p.refPrice();
            double y = p.meanLog(h, price, drift, DRIFT_PERIOD) + noise[p.slot(h)];
            if (posterior != null) posterior.observe(features(p, h, price, drift), y);
        }
        ThompsonPricer ts = new ThompsonPricer(1, MAX_EXPECTED_LOSS);
        double current = p.refPrice();
        for (int t = 0; t < PERIODS; t++) {
            ProductInput in = input(p, current, t, drift);
            final int period = t;
            double price = switch (kind) {
                case KEEP_PRICE -> nearest(in, date(t), current);
                case TEST_AND_LEARN -> t < 8
                        ? nearest(in, date(t), p.refPrice() * ((t & 1) == 0 ? 1.05 : 0.95))
                        : ts.choose(posterior, in, date(t), x -> features(p, period, x, drift), rng).meanChoice();
                case AISLE, AISLE_CATEGORY_PRIOR -> ts.choose(posterior, in, date(t), x -> features(p, period, x, drift), rng).price();
                case ORACLE -> throw new IllegalStateException("the oracle plans its whole path");
            };
            double y = p.meanLog(t, price, drift, DRIFT_PERIOD) + noise[p.slot(t)];
            // Test-and-learn estimates once, from its history and test periods, then exploits that estimate.
            if (kind == Kind.AISLE || kind == Kind.AISLE_CATEGORY_PRIOR || (kind == Kind.TEST_AND_LEARN && t < 8)) posterior.observe(features(p, t, price, drift), y);
            prices[t] = price;
            current = price;
        }
        return prices;
    }

    /** The allowed price nearest {@code target}. */
    private static double nearest(ProductInput in, LocalDate date, double target) {
        double best = Double.NaN;
        for (double c : PriceBounds.of(in, date).candidates()) if (Double.isNaN(best) || Math.abs(c - target) < Math.abs(best - target)) best = c;
        return best;
    }

    /**
     * Aisle's prior for a new product: the elasticity of its brand from the hierarchy (or of the whole category), the
     * population's promotion lift, cross effect and noise.
     */
    private DemandPosterior aislePrior(HiddenProduct p, double elasticity, double elasticitySd) {
        double[] mean = new double[4 + Seasonality.TERMS];
        double[] sd = new double[mean.length];
        sd[0] = 20; // the level is unknown: a flat prior, learnt from the history

        mean[1] = elasticity;
        sd[1] = elasticitySd;
        mean[2] = population.promoLift();
        sd[2] = 0.5;
        mean[3] = population.crossElasticity();
        sd[3] = 1.0;
        for (int j = 4; j < mean.length; j++) sd[j] = 0.3;
        return new DemandPosterior(mean, sd, population.noiseSd(), FORGETTING);
    }

    /** Test-and-learn's least squares: flat on level, price, promotion and competitor; no forgetting. */
    private DemandPosterior vaguePrior(HiddenProduct p) {
        double[] mean = new double[4 + Seasonality.TERMS];
        double[] sd = new double[mean.length];
        java.util.Arrays.fill(sd, 0, 4, 100);
        // Seasonal terms are weakly held at zero as for Aisle: sixteen weeks cannot identify a year's pattern.
        java.util.Arrays.fill(sd, 4, sd.length, 0.3);
        return new DemandPosterior(mean, sd, population.noiseSd(), 1.0);
    }
}
