package io.aisle.content.rank;

import java.util.Arrays;

/**
 * Logistic regression over sparse inputs, trained by AdaGrad stochastic gradient descent with L2 shrinkage.
 * Starts from given weights (a prior) and keeps learning from each batch it is given. Not thread-safe for training;
 * {@link #copy} before sharing a snapshot.
 */
public final class LogisticModel {
    private final double[] weights;
    private final double[] gradSquares;
    private double bias;
    private double biasGradSquares;
    private final double rate;
    private final double l2;

    public LogisticModel(int size, double bias, double rate, double l2) {
        this.weights = new double[size];
        this.gradSquares = new double[size];
        this.bias = bias;
        this.rate = rate;
        this.l2 = l2;
    }

    private LogisticModel(LogisticModel o) {
        this.weights = o.weights.clone();
        this.gradSquares = o.gradSquares.clone();
        this.bias = o.bias;
        this.biasGradSquares = o.biasGradSquares;
        this.rate = o.rate;
        this.l2 = o.l2;
    }

    public LogisticModel copy() { return new LogisticModel(this); }

    /** Sets one weight, for priors. */
    public void set(int index, double weight) { weights[index] = weight; }

    public double weight(int index) { return weights[index]; }

    public double bias() { return bias; }

    public double predict(TextFeatures.Vector x) {
        double z = bias;
        for (int i = 0; i < x.index().length; i++) z += weights[x.index()[i]] * x.value()[i];
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    /**
     * One pass over aggregated examples: each carries how many positive and negative outcomes it stands for, so a
     * served variant with 400 impressions and 12 clicks is one example, not 400.
     */
    public void epoch(java.util.List<Example> examples, java.util.Random random) {
        Example[] order = examples.toArray(new Example[0]);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Example t = order[i]; order[i] = order[j]; order[j] = t;
        }
        for (Example e : order) {
            double total = e.positives() + e.negatives();
            if (total <= 0) continue;
            double p = predict(e.x());
            // Gradient of the summed log loss of all outcomes the example stands for, scaled per outcome.
            double g = p - e.positives() / total;
            double scale = Math.min(1, Math.sqrt(total) / 10);
            biasGradSquares += g * g;
            bias -= rate * scale * g / Math.sqrt(biasGradSquares + 1e-8);
            for (int i = 0; i < e.x().index().length; i++) {
                int k = e.x().index()[i];
                double gk = g * e.x().value()[i] + l2 * weights[k];
                gradSquares[k] += gk * gk;
                weights[k] -= rate * scale * gk / Math.sqrt(gradSquares[k] + 1e-8);
            }
        }
    }

    /** An input with the count of positive and negative outcomes observed for it. */
    public record Example(TextFeatures.Vector x, double positives, double negatives) {}

    @Override public String toString() { return "LogisticModel[bias=" + bias + ", nonzero=" + Arrays.stream(weights).filter(w -> w != 0).count() + "]"; }
}
