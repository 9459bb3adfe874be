package io.aisle.embeddings.behaviour;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The half-steps of implicit ALS. With the other side's factors Y fixed, row u solves
 * <pre>(Y'Y + lambda I + sum_i (c_ui - 1) y_i y_i') x_u = sum_{i: r_ui > 0} c_ui y_i,   c_ui = 1 + alpha |r_ui|</pre>
 * where Y'Y is shared by all rows, so each row costs O(nnz k^2 + k^3) (Hu, Koren, Volinsky 2008). Each row depends only
 * on fixed inputs, so rows are solved in parallel and the result does not depend on the number of threads.
 */
final class Als {
    private static final int CHUNK = 512;

    private Als() {}

    /** F'F of a row-major {@code rows x k} matrix, summed in row order. */
    static double[] gram(double[] f, int rows, int k) {
        double[] g = new double[k * k];
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            for (int a = 0; a < k; a++) {
                double fa = f[base + a];
                if (fa == 0) continue;
                for (int b = a; b < k; b++) g[a * k + b] += fa * f[base + b];
            }
        }
        mirror(g, k);
        return g;
    }

    /**
     * Solves every row of {@code rows} against {@code fixed} into {@code out} (row-major, k wide). Rows without entries
     * get zeros.
     */
    static void solveAll(Interactions.Rows rows, double[] fixed, int k, double[] fixedGram, AlsParams p, double[] out,
                         ExecutorService pool) {
        List<Future<?>> tasks = new ArrayList<>();
        for (int from = 0; from < rows.count(); from += CHUNK) {
            int lo = from, hi = Math.min(rows.count(), from + CHUNK);
            tasks.add(pool.submit(() -> {
                RowSolver s = new RowSolver(k, fixedGram, p);
                for (int r = lo; r < hi; r++) s.solve(rows.col(), rows.val(), rows.start()[r], rows.start()[r + 1], fixed, out, r);
            }));
        }
        for (Future<?> t : tasks) {
            try {
                t.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("solving ALS rows failed", e.getCause());
            }
        }
    }

    /** One thread's scratch space and Cholesky solver. */
    static final class RowSolver {
        private final int k;
        private final double[] gram;
        private final AlsParams p;
        private final DMatrixRMaj a;
        private final DMatrixRMaj b;
        private final DMatrixRMaj x;
        private final LinearSolverDense<DMatrixRMaj> chol;

        RowSolver(int k, double[] gram, AlsParams p) {
            this.k = k;
            this.gram = gram;
            this.p = p;
            this.a = new DMatrixRMaj(k, k);
            this.b = new DMatrixRMaj(k, 1);
            this.x = new DMatrixRMaj(k, 1);
            this.chol = LinearSolverFactory_DDRM.chol(k);
        }

        /**
         * Solves one row whose entries are {@code cols/vals[from..to)} into row {@code outRow} of {@code out}.
         * Entries pointing at fixed rows that are all zero (unknown items) add nothing.
         */
        boolean solve(int[] cols, float[] vals, int from, int to, double[] fixed, double[] out, int outRow) {
            int base = outRow * k;
            if (from == to) {
                java.util.Arrays.fill(out, base, base + k, 0);
                return false;
            }
            double[] ad = a.data, bd = b.data;
            System.arraycopy(gram, 0, ad, 0, k * k);
            for (int d = 0; d < k; d++) ad[d * k + d] += p.lambda();
            java.util.Arrays.fill(bd, 0);
            for (int j = from; j < to; j++) {
                double r = vals[j];
                double c = 1 + p.alpha() * Math.abs(r);
                int yb = cols[j] * k;
                double cm1 = c - 1;
                for (int u = 0; u < k; u++) {
                    double yu = fixed[yb + u];
                    if (yu == 0) continue;
                    double s = cm1 * yu;
                    int row = u * k;
                    for (int v = u; v < k; v++) ad[row + v] += s * fixed[yb + v];
                    if (r > 0) bd[u] += c * yu;
                }
            }
            mirror(ad, k);
            if (!chol.setA(a)) throw new IllegalStateException("ALS system not positive definite; raise lambda");
            chol.solve(b, x);
            System.arraycopy(x.data, 0, out, base, k);
            return true;
        }
    }

    /** Copies the upper triangle onto the lower one. */
    private static void mirror(double[] m, int k) {
        for (int u = 0; u < k; u++) for (int v = u + 1; v < k; v++) m[v * k + u] = m[u * k + v];
    }
}
