package io.aisle.features.segment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means with k-means++ seeding and Lloyd iterations over dense float vectors, seeded so the same input gives the
 * same clusters (replay and rebuild must reproduce segments exactly).
 */
public final class KMeans {
    private final int k;
    private final int maxIterations;
    private final long seed;

    public KMeans(int k, int maxIterations, long seed) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        this.k = k;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    /** The fitted centroids and each point's cluster. */
    public record Result(float[][] centroids, int[] assignment, int iterations, double inertia) {}

    /** Clusters {@code points} (all of one dimension); fewer distinct points than k gives fewer useful clusters. */
    public Result fit(float[][] points) {
        if (points.length == 0) throw new IllegalArgumentException("no points to cluster");
        int dim = points[0].length;
        for (float[] p : points) {
            if (p.length != dim) throw new IllegalArgumentException("points differ in dimension: " + dim + " and " + p.length);
        }
        int clusters = Math.min(k, points.length);
        float[][] centroids = seed(points, clusters);
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            changed = false;
            for (int i = 0; i < points.length; i++) {
                int best = nearest(centroids, points[i]);
                if (best != assignment[i]) {
                    assignment[i] = best;
                    changed = true;
                }
            }
            centroids = recentre(points, assignment, centroids);
        }
        double inertia = 0;
        for (int i = 0; i < points.length; i++) inertia += distance2(points[i], centroids[assignment[i]]);
        return new Result(centroids, assignment, iteration, inertia);
    }

    /** Index of the centroid nearest to {@code point} (ties to the lower index). */
    public static int nearest(float[][] centroids, float[] point) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double d = distance2(point, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    static double distance2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /** k-means++: each next centre drawn with probability proportional to its squared distance from the chosen ones. */
    private float[][] seed(float[][] points, int clusters) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centroids = new float[clusters][];
        centroids[0] = points[random.nextInt(points.length)].clone();
        double[] d2 = new double[points.length];
        for (int i = 0; i < points.length; i++) d2[i] = distance2(points[i], centroids[0]);
        for (int c = 1; c < clusters; c++) {
            double total = 0;
            for (double d : d2) total += d;
            int pick;
            if (total == 0) {
                pick = random.nextInt(points.length);
            } else {
                double r = random.nextDouble() * total;
                pick = 0;
                while (pick < points.length - 1 && (r -= d2[pick]) > 0) pick++;
            }
            centroids[c] = points[pick].clone();
            for (int i = 0; i < points.length; i++) d2[i] = Math.min(d2[i], distance2(points[i], centroids[c]));
        }
        return centroids;
    }

    private static float[][] recentre(float[][] points, int[] assignment, float[][] previous) {
        int dim = points[0].length;
        double[][] sums = new double[previous.length][dim];
        int[] counts = new int[previous.length];
        for (int i = 0; i < points.length; i++) {
            int c = assignment[i];
            counts[c]++;
            for (int j = 0; j < dim; j++) sums[c][j] += points[i][j];
        }
        float[][] next = new float[previous.length][];
        for (int c = 0; c < previous.length; c++) {
            if (counts[c] == 0) {
                next[c] = previous[c]; // an emptied cluster keeps its centre rather than vanishing
                continue;
            }
            next[c] = new float[dim];
            for (int j = 0; j < dim; j++) next[c][j] = (float) (sums[c][j] / counts[c]);
        }
        return next;
    }
}
