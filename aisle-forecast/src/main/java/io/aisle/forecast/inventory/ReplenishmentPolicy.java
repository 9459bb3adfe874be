package io.aisle.forecast.inventory;

/** How much stock to hold after each periodic review: an order-up-to level for the coming lead time plus review. */
public sealed interface ReplenishmentPolicy {

    /** The order-up-to level at period {@code t}, knowing demand only before {@code t}. */
    double orderUpTo(int t, double[] demand);

    /** Order up to a quantile of forecast demand over lead time plus one review period. */
    record ForecastQuantile(java.util.function.IntFunction<double[]> sortedDemandAt, double serviceLevel) implements ReplenishmentPolicy {
        @Override public double orderUpTo(int t, double[] demand) {
            return DemandSamples.quantile(sortedDemandAt.apply(t), serviceLevel);
        }
    }

    /** The common rule of thumb: a moving average of recent demand times (lead time + review) times a cover factor. */
    record MovingAverage(int window, double periods, double cover) implements ReplenishmentPolicy {
        @Override public double orderUpTo(int t, double[] demand) {
            double s = 0;
            int n = 0;
            for (int k = Math.max(0, t - window); k < t; k++) {
                if (Double.isNaN(demand[k])) continue;
                s += demand[k];
                n++;
            }
            return n == 0 ? 0 : s / n * periods * cover;
        }
    }
}
