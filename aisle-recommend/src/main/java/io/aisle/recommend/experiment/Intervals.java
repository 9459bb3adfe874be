package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Estimate;

/**
 * 95% confidence intervals for experiment metrics. Each method returns null when the data cannot support an
 * interval (nothing observed, a rate of zero under a logarithm, fewer than two values for a variance).
 */
public final class Intervals {
    /** The standard normal's 97.5% quantile: two-sided 95%. */
    public static final double Z95 = 1.959963984540054;

    private Intervals() {}

    /**
     * Wilson score interval for a proportion {@code successes / trials}: stays inside [0, 1] and keeps its coverage
     * near 95% for small counts and rates near 0 or 1, where the textbook p ± z·se interval fails.
     */
    public static Estimate wilson(long successes, long trials) {
        if (trials <= 0) return null;
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be 0.." + trials + ", got " + successes);
        }
        double n = trials;
        double x = successes;
        double z2 = Z95 * Z95;
        double centre = (x + z2 / 2) / (n + z2);
        double half = Z95 / (n + z2) * Math.sqrt(x * (n - x) / n + z2 / 4);
        return new Estimate(x / n, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The mean of {@code n} values from their sum and sum of squares, with a Student t interval (n - 1 degrees of
     * freedom); null below two values.
     */
    public static Estimate mean(long n, double sum, double sumSquares) {
        if (n < 2) return null;
        double mean = sum / n;
        double half = t975(n - 1) * Math.sqrt(variance(n, sum, sumSquares) / n);
        return new Estimate(mean, mean - half, mean + half);
    }

    /**
     * Relative difference of two proportions, {@code pt / pc - 1}, with the log-ratio (Katz) interval:
     * var(ln pt/pc) = (1 - pt)/xt + (1 - pc)/xc. Null when either proportion is zero.
     */
    public static Estimate relativeDifference(long xt, long nt, long xc, long nc) {
        if (xt <= 0 || nt <= 0 || xc <= 0 || nc <= 0) return null;
        double pt = (double) xt / nt;
        double pc = (double) xc / nc;
        double se = Math.sqrt((1 - pt) / xt + (1 - pc) / xc);
        return ratioInterval(pt / pc, se, Z95);
    }

    /**
     * Relative difference of two means, {@code mt / mc - 1}, by the delta method on the log ratio with each group's
     * own variance (Welch): var(ln mt/mc) = st²/(nt·mt²) + sc²/(nc·mc²), t quantile at the Welch–Satterthwaite
     * degrees of freedom. Null when either mean is not positive or a group has fewer than two values.
     */
    public static Estimate relativeDifferenceOfMeans(long nt, double sumT, double squaresT, long nc, double sumC,
                                                     double squaresC) {
        if (nt < 2 || nc < 2) return null;
        double mt = sumT / nt;
        double mc = sumC / nc;
        if (!(mt > 0) || !(mc > 0)) return null;
        double a = variance(nt, sumT, squaresT) / (nt * mt * mt);
        double b = variance(nc, sumC, squaresC) / (nc * mc * mc);
        double se = Math.sqrt(a + b);
        if (se == 0) return ratioInterval(mt / mc, 0, Z95);
        double df = (a + b) * (a + b) / (a * a / (nt - 1) + b * b / (nc - 1));
        return ratioInterval(mt / mc, se, t975(df));
    }

    /**
     * The t distribution's 97.5% quantile. Degrees of freedom are rounded down (a slightly wider, safe interval);
     * up to 30 from a table of exact values, above that the Cornish–Fisher expansion around the normal quantile
     * (within 4e-8 of the exact value there).
     */
    public static double t975(double df) {
        if (!(df >= 1)) throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        double v = Math.floor(Math.min(df, 1e9));
        if (v <= T975.length) return T975[(int) v - 1];
        double z = Z95;
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        return z + (z3 + z) / (4 * v)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }

    /** t quantiles at 97.5% for 1 to 30 degrees of freedom, computed to double precision from the t distribution. */
    private static final double[] T975 = {
            12.706204736174705, 4.302652729749464, 3.1824463052837095, 2.7764451051977943, 2.5705818356363155,
            2.44691185114497, 2.3646242515927853, 2.3060041352041667, 2.2621571627982053, 2.228138851986275,
            2.2009851600916397, 2.178812829667229, 2.1603686564627926, 2.144786687917804, 2.1314495455597755,
            2.1199052992212546, 2.109815577833317, 2.1009220402410387, 2.0930240544083096, 2.085963447265865,
            2.0796138447276804, 2.0738730679040263, 2.0686576104190486, 2.063898561628026, 2.0595385527532977,
            2.055529438642873, 2.0518305164802855, 2.048407141795245, 2.0452296421327043, 2.042272456301238};

    /** Sample variance (n - 1 in the denominator) from a sum and a sum of squares, never below zero. */
    static double variance(long n, double sum, double sumSquares) {
        double mean = sum / n;
        return Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
    }

    private static Estimate ratioInterval(double ratio, double seOfLog, double quantile) {
        double log = Math.log(ratio);
        return new Estimate(ratio - 1, Math.exp(log - quantile * seOfLog) - 1, Math.exp(log + quantile * seOfLog) - 1);
    }
}
