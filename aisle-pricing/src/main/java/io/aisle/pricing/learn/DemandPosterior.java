package io.aisle.pricing.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

import java.util.SplittableRandom;

/**
 * Bayesian linear regression of log units on a feature vector (intercept, centred log price, deal, seasonal
 * terms...): independent normal priors on the coefficients, and a noise variance estimated from the residuals under an
 * inverse-gamma prior centred on the population's noise (so a noisy product is learnt cautiously and a quiet one
 * quickly). The data enter as discounted sufficient statistics: a forgetting factor below 1 shrinks old evidence
 * every observation, so the posterior keeps up when demand drifts.
 */
public final class DemandPosterior {
    /** Prior strength of the noise variance, in pseudo-observations. */
    private static final double NOISE_PRIOR_WEIGHT = 4;

    private final DMatrixRMaj priorPrecision;
    private final DMatrixRMaj priorShift;
    private final DMatrixRMaj sxx;
    private final DMatrixRMaj sxy;
    private double syy;
    private double n;
    private final double priorNoiseVar;
    private final double forgetting;
    private DMatrixRMaj precision;
    private DMatrixRMaj mean;
    private double noiseVar;

    /**
     * @param priorMean  prior means of the coefficients
     * @param priorSd    prior sds (independent coefficients)
     * @param noiseSd    prior guess of the log-units noise sd
     * @param forgetting weight kept by old evidence per observation, in (0, 1]
     */
    public DemandPosterior(double[] priorMean, double[] priorSd, double noiseSd, double forgetting) {
        if (priorMean.length != priorSd.length) throw new IllegalArgumentException("prior mean and sd differ in length");
        if (!(forgetting > 0 && forgetting <= 1)) throw new IllegalArgumentException("forgetting must be in (0, 1]");
        if (!(noiseSd > 0)) throw new IllegalArgumentException("noise sd must be > 0");
        int k = priorMean.length;
        priorPrecision = new DMatrixRMaj(k, k);
        priorShift = new DMatrixRMaj(k, 1);
        for (int i = 0; i < k; i++) {
            if (!(priorSd[i] > 0)) throw new IllegalArgumentException("prior sd must be > 0");
            priorPrecision.set(i, i, 1 / (priorSd[i] * priorSd[i]));
            priorShift.set(i, 0, priorMean[i] / (priorSd[i] * priorSd[i]));
        }
        sxx = new DMatrixRMaj(k, k);
        sxy = new DMatrixRMaj(k, 1);
        priorNoiseVar = noiseSd * noiseSd;
        this.forgetting = forgetting;
        noiseVar = priorNoiseVar;
        refresh();
    }

    public int dimension() { return priorShift.numRows; }

    /** Current estimate of the noise sd. */
    public double noiseSd() { return Math.sqrt(noiseVar); }

    /** Adds one observation of {@code logUnits} at features {@code x}. */
    public void observe(double[] x, double logUnits) {
        if (x.length != dimension()) throw new IllegalArgumentException("expected " + dimension() + " features, got " + x.length);
        if (forgetting < 1) {
            CommonOps_DDRM.scale(forgetting, sxx);
            CommonOps_DDRM.scale(forgetting, sxy);
            syy *= forgetting;
            n *= forgetting;
        }
        for (int i = 0; i < x.length; i++) {
            sxy.add(i, 0, x[i] * logUnits);
            for (int j = 0; j < x.length; j++) sxx.add(i, j, x[i] * x[j]);
        }
        syy += logUnits * logUnits;
        n += 1;
        refresh();
    }

    /** Posterior for the current noise estimate, then the noise re-estimated from its residuals, then once more. */
    private void refresh() {
        for (int pass = 0; pass < 2; pass++) {
            precision = priorPrecision.copy();
            CommonOps_DDRM.addEquals(precision, 1 / noiseVar, sxx);
            DMatrixRMaj rhs = priorShift.copy();
            CommonOps_DDRM.addEquals(rhs, 1 / noiseVar, sxy);
            mean = new DMatrixRMaj(dimension(), 1);
            if (!CommonOps_DDRM.solveSPD(precision.copy(), rhs, mean)) throw new IllegalStateException("posterior precision is not positive definite");
            if (n == 0) return;
            // Residual sum of squares at the posterior mean: syy - 2 m'sxy + m'sxx m.
            DMatrixRMaj sm = new DMatrixRMaj(dimension(), 1);
            CommonOps_DDRM.mult(sxx, mean, sm);
            double sse = syy - 2 * CommonOps_DDRM.dot(mean, sxy) + CommonOps_DDRM.dot(mean, sm);
            noiseVar = (NOISE_PRIOR_WEIGHT * priorNoiseVar + Math.max(0, sse)) / (NOISE_PRIOR_WEIGHT + n);
        }
    }

    public double[] mean() { return mean.data.clone(); }

    public double[][] covariance() {
        DMatrixRMaj cov = covarianceMatrix();
        double[][] out = new double[dimension()][dimension()];
        for (int i = 0; i < dimension(); i++) for (int j = 0; j < dimension(); j++) out[i][j] = cov.get(i, j);
        return out;
    }

    private DMatrixRMaj covarianceMatrix() {
        DMatrixRMaj cov = new DMatrixRMaj(dimension(), dimension());
        if (!CommonOps_DDRM.invertSPD(precision.copy(), cov)) throw new IllegalStateException("posterior precision is not positive definite");
        return cov;
    }

    /** One coefficient vector drawn from the posterior. */
    public double[] sample(SplittableRandom rng) {
        int k = dimension();
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
        if (!chol.decompose(covarianceMatrix())) throw new IllegalStateException("posterior covariance is not positive definite");
        DMatrixRMaj l = chol.getT(null);
        double[] out = mean();
        double[] z = new double[k];
        for (int i = 0; i < k; i++) z[i] = rng.nextGaussian();
        for (int i = 0; i < k; i++) for (int j = 0; j <= i; j++) out[i] += l.get(i, j) * z[j];
        return out;
    }
}
