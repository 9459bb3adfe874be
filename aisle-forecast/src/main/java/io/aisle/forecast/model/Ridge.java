package io.aisle.forecast.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Ridge least squares through EJML; column 0 is taken as the intercept and not penalised. */
final class Ridge {
    private Ridge() {}

    /** Coefficients of {@code y ~ x} with penalty {@code lambda}; zeros where the system cannot be solved. */
    static double[] fit(double[][] x, double[] y, double lambda) {
        int n = x.length, p = x[0].length;
        DMatrixRMaj a = new DMatrixRMaj(x);
        DMatrixRMaj b = new DMatrixRMaj(n, 1, true, y);
        DMatrixRMaj ata = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(a, a, ata);
        for (int j = 1; j < p; j++) ata.add(j, j, lambda);
        ata.add(0, 0, 1e-9);
        DMatrixRMaj atb = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(a, b, atb);
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solve(ata, atb, beta)) return new double[p];
        double[] out = beta.getData().clone();
        for (double v : out) if (!Double.isFinite(v)) return new double[p];
        return out;
    }
}
