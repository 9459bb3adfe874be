package io.aisle.pricing.elasticity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bayesian log-log demand regression with partial pooling, fitted by empirical Bayes in three levels:
 * <ol>
 *   <li>per product, a within-store regression (store fixed effects) of log units on log price, deal, feature, the
 *       competitors' log price index and annual seasonality gives the controls and the cross-price elasticity;</li>
 *   <li>per product-store unit, the own-price slope on the control-adjusted, store-demeaned data, with its standard
 *       error; unit slopes are normal around the product's elasticity with spread tau, estimated by the
 *       DerSimonian-Laird moment method;</li>
 *   <li>product elasticities are normal around a category mean with spread omega, estimated the same way.</li>
 * </ol>
 * Posteriors are the normal-normal conjugate updates down the tree. A unit (or a whole product) whose price barely
 * moved carries no slope information: its elasticity is the level above's posterior, widened by that level's spread,
 * so little price variation means "like the rest of the brand / category", honestly uncertain.
 */
public final class HierarchicalElasticity {
    /** Fitting choices; the defaults are the model, the others exist as benchmark baselines. */
    public record Options(boolean priceEffect, boolean pooling, double minLogPriceSd, int minObservations) {
        public static final Options DEFAULT = new Options(true, true, 0.01, 8);
        /** Baseline: same controls, no price term. */
        public static final Options NO_PRICE = new Options(false, true, 0.01, 8);
        /** Baseline: each unit's own least-squares slope, pooled only where it has none. */
        public static final Options UNPOOLED = new Options(true, false, 0.01, 8);
    }

    private static final double MIN_VARIANCE = 1e-6;

    private final Options options;

    public HierarchicalElasticity(Options options) {
        this.options = options;
    }

    public ElasticityFit fit(List<SalesObservation> data) {
        if (data.isEmpty()) throw new IllegalArgumentException("no sales observations to fit");
        Map<String, List<SalesObservation>> byProduct = new LinkedHashMap<>();
        for (SalesObservation o : data) byProduct.computeIfAbsent(o.product(), k -> new ArrayList<>()).add(o);

        Map<String, ProductStage> stages = new LinkedHashMap<>();
        byProduct.forEach((product, rows) -> stages.put(product, productStage(product, rows)));

        // Category level: product estimates pooled toward their precision-weighted mean.
        List<double[]> productEstimates = new ArrayList<>();
        for (ProductStage s : stages.values()) if (s.hasSlope()) productEstimates.add(new double[]{s.slope, s.slopeVar});
        double[] category = productEstimates.isEmpty() ? new double[]{-2.0, 1.0, 1.0} : randomEffects(productEstimates);
        double catMean = category[0], omega2 = Math.max(category[1], MIN_VARIANCE), catMeanVar = category[2];

        Map<String, ProductFit> products = new LinkedHashMap<>();
        Map<String, UnitFit> units = new LinkedHashMap<>();
        for (ProductStage s : stages.values()) {
            ElasticityEstimate pe;
            if (!options.priceEffect()) pe = new ElasticityEstimate(0, 0, Double.NaN, Double.NaN, s.rows, false);
            else if (s.hasSlope()) {
                double[] post = posterior(s.slope, s.slopeVar, catMean, omega2);
                pe = new ElasticityEstimate(post[0], Math.sqrt(post[1] + Math.pow(post[1] / omega2, 2) * catMeanVar), s.slope, Math.sqrt(s.slopeVar), s.rows, false);
            } else {
                pe = new ElasticityEstimate(catMean, Math.sqrt(omega2 + catMeanVar), Double.NaN, Double.NaN, s.rows, true);
            }
            double tau2 = Math.max(s.tau2, MIN_VARIANCE);
            int withVariation = 0;
            for (UnitStage u : s.units) {
                ElasticityEstimate ue;
                if (!options.priceEffect()) ue = new ElasticityEstimate(0, 0, Double.NaN, Double.NaN, u.n, false);
                else if (u.hasSlope()) {
                    withVariation++;
                    if (options.pooling()) {
                        double[] post = posterior(u.slope, u.slopeVar, pe.mean(), tau2);
                        double shrink = post[1] / tau2;
                        ue = new ElasticityEstimate(post[0], Math.sqrt(post[1] + shrink * shrink * pe.sd() * pe.sd()), u.slope, Math.sqrt(u.slopeVar), u.n, false);
                    } else {
                        ue = new ElasticityEstimate(u.slope, Math.sqrt(u.slopeVar), u.slope, Math.sqrt(u.slopeVar), u.n, false);
                    }
                } else {
                    ue = new ElasticityEstimate(pe.mean(), Math.sqrt(tau2 + pe.sd() * pe.sd()), Double.NaN, Double.NaN, u.n, true);
                }
                units.put(u.store + "\u0000" + s.product, unitFit(s, u, ue));
            }
            double tau = options.priceEffect() ? Math.sqrt(tau2) : 0;
            products.put(s.product, new ProductFit(s.product, pe, s.cross, Math.sqrt(s.crossVar), s.deal, s.feat, s.season, tau,
                    s.units.size(), withVariation));
        }
        return new ElasticityFit(catMean, Math.sqrt(omega2), products, units);
    }

    /** The unit's intercept at its reference prices, so the intercept and elasticity posteriors are nearly independent. */
    private UnitFit unitFit(ProductStage s, UnitStage u, ElasticityEstimate e) {
        double sumResid = 0, sumSq = 0;
        double[] r = new double[u.rows.size()];
        for (int i = 0; i < r.length; i++) {
            SalesObservation o = u.rows.get(i);
            double control = s.controls(o, u.meanLogComp);
            r[i] = o.logUnits() - e.mean() * (Math.log(o.price()) - u.meanLogPrice) - control;
            sumResid += r[i];
        }
        double intercept = sumResid / r.length;
        for (double v : r) sumSq += (v - intercept) * (v - intercept);
        double noise = Math.sqrt(sumSq / Math.max(1, r.length - 2));
        double refComp = Double.isFinite(u.meanLogComp) ? Math.exp(u.meanLogComp) : 0;
        return new UnitFit(u.store, s.product, e, intercept, noise / Math.sqrt(r.length), Math.exp(u.meanLogPrice), refComp, noise);
    }

    /** Normal-normal update of an estimate (mean, variance) with a prior (mean, variance): posterior mean and variance. */
    static double[] posterior(double estimate, double estimateVar, double priorMean, double priorVar) {
        double precision = 1 / estimateVar + 1 / priorVar;
        return new double[]{(estimate / estimateVar + priorMean / priorVar) / precision, 1 / precision};
    }

    /**
     * DerSimonian-Laird random effects over (estimate, variance) pairs: returns the pooled mean, the between-group
     * variance, and the variance of the pooled mean.
     */
    static double[] randomEffects(List<double[]> estimates) {
        double sw = 0, swb = 0, sw2 = 0;
        for (double[] e : estimates) {
            double w = 1 / e[1];
            sw += w;
            swb += w * e[0];
            sw2 += w * w;
        }
        double fixed = swb / sw;
        double q = 0;
        for (double[] e : estimates) q += (e[0] - fixed) * (e[0] - fixed) / e[1];
        double denom = sw - sw2 / sw;
        double between = estimates.size() < 2 || denom <= 0 ? 0 : Math.max(0, (q - (estimates.size() - 1)) / denom);
        double sw2r = 0, swbr = 0;
        for (double[] e : estimates) {
            double w = 1 / (e[1] + between);
            sw2r += w;
            swbr += w * e[0];
        }
        return new double[]{swbr / sw2r, between, 1 / sw2r};
    }

    private ProductStage productStage(String product, List<SalesObservation> rows) {
        Map<String, UnitStage> units = new LinkedHashMap<>();
        for (SalesObservation o : rows) units.computeIfAbsent(o.store(), st -> new UnitStage(st)).rows.add(o);
        boolean hasComp = rows.stream().allMatch(o -> Double.isFinite(o.competitorPrice()));
        for (UnitStage u : units.values()) u.means(hasComp);

        // Within-store regression: every column demeaned by its store's mean, so store levels drop out.
        int price = options.priceEffect() ? 1 : 0;
        int k = price + 2 + (hasComp ? 1 : 0) + Seasonality.TERMS;
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), k);
        DMatrixRMaj y = new DMatrixRMaj(rows.size(), 1);
        int row = 0;
        double[] f = new double[k];
        Map<String, double[]> unitMeans = new HashMap<>();
        for (UnitStage u : units.values()) {
            double[] mean = new double[k];
            for (SalesObservation o : u.rows) {
                features(o, hasComp, price, f);
                for (int j = 0; j < k; j++) mean[j] += f[j] / u.rows.size();
            }
            unitMeans.put(u.store, mean);
            for (SalesObservation o : u.rows) {
                features(o, hasComp, price, f);
                for (int j = 0; j < k; j++) x.set(row, j, f[j] - mean[j]);
                y.set(row, 0, o.logUnits() - u.meanLogUnits);
                row++;
            }
        }
        DMatrixRMaj xtx = new DMatrixRMaj(k, k);
        DMatrixRMaj xty = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.multTransA(x, x, xtx);
        CommonOps_DDRM.multTransA(x, y, xty);
        // A column that never varies (no feature weeks, a price that never moved) carries no information: left out
        // with a zero coefficient, so the normal equations stay well posed.
        int[] active = java.util.stream.IntStream.range(0, k).filter(j -> xtx.get(j, j) > 1e-8 * rows.size()).toArray();
        int a = active.length;
        DMatrixRMaj xtxA = new DMatrixRMaj(a, a);
        DMatrixRMaj xtyA = new DMatrixRMaj(a, 1);
        for (int i = 0; i < a; i++) {
            xtyA.set(i, 0, xty.get(active[i], 0));
            for (int j = 0; j < a; j++) xtxA.set(i, j, xtx.get(active[i], active[j]));
        }
        DMatrixRMaj invA = new DMatrixRMaj(a, a);
        if (!CommonOps_DDRM.invertSPD(xtxA, invA)) throw new IllegalArgumentException("product " + product + ": regressors are collinear");
        DMatrixRMaj betaA = new DMatrixRMaj(a, 1);
        CommonOps_DDRM.mult(invA, xtyA, betaA);
        DMatrixRMaj beta = new DMatrixRMaj(k, 1);
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        for (int i = 0; i < a; i++) {
            beta.set(active[i], 0, betaA.get(i, 0));
            for (int j = 0; j < a; j++) inv.set(active[i], active[j], invA.get(i, j));
        }
        DMatrixRMaj fitted = new DMatrixRMaj(rows.size(), 1);
        CommonOps_DDRM.mult(x, beta, fitted);
        double sse = 0;
        for (int i = 0; i < rows.size(); i++) sse += Math.pow(y.get(i, 0) - fitted.get(i, 0), 2);
        double s2 = sse / Math.max(1, rows.size() - k - units.size());

        ProductStage s = new ProductStage(product, rows.size(), new ArrayList<>(units.values()));
        s.deal = beta.get(price, 0);
        s.feat = beta.get(price + 1, 0);
        s.hasComp = hasComp;
        s.cross = hasComp ? beta.get(price + 2, 0) : 0;
        s.crossVar = hasComp ? s2 * inv.get(price + 2, price + 2) : 0;
        s.season = new double[Seasonality.TERMS];
        for (int j = 0; j < Seasonality.TERMS; j++) s.season[j] = beta.get(k - Seasonality.TERMS + j, 0);

        // Unit slopes on the control-adjusted data, then their random-effects pooling into the product estimate.
        List<double[]> slopes = new ArrayList<>();
        if (options.priceEffect()) {
            for (UnitStage u : s.units) {
                u.slope(s, options);
                if (u.hasSlope()) slopes.add(new double[]{u.slope, u.slopeVar});
            }
        }
        if (!slopes.isEmpty()) {
            double[] re = randomEffects(slopes);
            s.slope = re[0];
            s.tau2 = re[1];
            s.slopeVar = re[2];
        } else {
            s.slope = Double.NaN;
            s.tau2 = 0.25; // no store varied its price: a moderate store spread around the category prior
        }
        return s;
    }

    private static void features(SalesObservation o, boolean hasComp, int price, double[] f) {
        int j = 0;
        if (price == 1) f[j++] = Math.log(o.price());
        f[j++] = o.deal() ? 1 : 0;
        f[j++] = o.feat() ? 1 : 0;
        if (hasComp) f[j++] = Math.log(o.competitorPrice());
        Seasonality.features(o.week(), f, j);
    }

    /** Level-2 working state of one product. */
    private static final class ProductStage {
        final String product;
        final int rows;
        final List<UnitStage> units;
        double deal, feat, cross, crossVar, slope = Double.NaN, slopeVar = Double.NaN, tau2;
        double[] season;
        boolean hasComp;

        ProductStage(String product, int rows, List<UnitStage> units) {
            this.product = product;
            this.rows = rows;
            this.units = units;
        }

        boolean hasSlope() { return Double.isFinite(slope); }

        /** The controls' contribution to log units, competitor price centred at the unit's mean. */
        double controls(SalesObservation o, double meanLogComp) {
            double v = (o.deal() ? deal : 0) + (o.feat() ? feat : 0) + Seasonality.logLift(season, o.week());
            if (hasComp) v += cross * (Math.log(o.competitorPrice()) - meanLogComp);
            return v;
        }
    }

    /** Level-1 working state of one product in one store. */
    private static final class UnitStage {
        final String store;
        final List<SalesObservation> rows = new ArrayList<>();
        int n;
        double meanLogPrice, meanLogUnits, meanLogComp = Double.NaN, slope = Double.NaN, slopeVar = Double.NaN;

        UnitStage(String store) { this.store = store; }

        void means(boolean hasComp) {
            n = rows.size();
            double lp = 0, lu = 0, lc = 0;
            for (SalesObservation o : rows) {
                lp += Math.log(o.price());
                lu += o.logUnits();
                if (hasComp) lc += Math.log(o.competitorPrice());
            }
            meanLogPrice = lp / n;
            meanLogUnits = lu / n;
            if (hasComp) meanLogComp = lc / n;
        }

        boolean hasSlope() { return Double.isFinite(slope); }

        void slope(ProductStage s, Options options) {
            if (n < options.minObservations()) return;
            double[] dx = new double[n], dy = new double[n];
            double my = 0;
            for (int i = 0; i < n; i++) {
                SalesObservation o = rows.get(i);
                dx[i] = Math.log(o.price()) - meanLogPrice;
                dy[i] = o.logUnits() - s.controls(o, meanLogComp);
                my += dy[i] / n;
            }
            double sxx = 0, sxy = 0;
            for (int i = 0; i < n; i++) {
                dy[i] -= my;
                sxx += dx[i] * dx[i];
                sxy += dx[i] * dy[i];
            }
            if (Math.sqrt(sxx / n) < options.minLogPriceSd()) return;
            double b = sxy / sxx;
            double sse = 0;
            for (int i = 0; i < n; i++) sse += Math.pow(dy[i] - b * dx[i], 2);
            slope = b;
            slopeVar = Math.max(sse / (n - 2) / sxx, MIN_VARIANCE);
        }
    }
}
