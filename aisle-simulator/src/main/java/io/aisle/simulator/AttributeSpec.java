package io.aisle.simulator;

import io.aisle.core.catalog.AttributeValue;

import java.util.List;

/** How one attribute of a category is drawn, and how much its value moves the price. */
sealed interface AttributeSpec {
    String name();

    /** Draws a value; {@link Drawn#logPremium()} is added to the log of the price. */
    Drawn draw(Rng rng);

    /** A drawn value and its effect on log price. */
    record Drawn(AttributeValue value, double logPremium) {}

    /**
     * One of a list of words, ordered cheapest first; {@code premium} is the log-price gap between first and last.
     * When {@code skewed}, earlier values are more common (black before teal).
     */
    record Choice(String name, List<String> values, double premium, boolean skewed, double[] cumulative)
            implements AttributeSpec {
        Choice(String name, List<String> values, double premium, boolean skewed) {
            this(name, List.copyOf(values), premium, skewed, weights(values.size(), skewed));
        }

        @Override public Drawn draw(Rng rng) {
            int i = rng.pickCumulative(cumulative);
            return new Drawn(new AttributeValue.Text(values.get(i)), premium * position(i, values.size()));
        }
    }

    /** One of a list of quantities with a unit, cheapest first. */
    record Numbers(String name, String unit, double[] values, double premium, double[] cumulative) implements AttributeSpec {
        Numbers(String name, String unit, double[] values, double premium) {
            this(name, unit, values.clone(), premium, weights(values.length, false));
        }

        @Override public Drawn draw(Rng rng) {
            int i = rng.pickCumulative(cumulative);
            return new Drawn(new AttributeValue.Number(values[i], unit), premium * position(i, values.length));
        }
    }

    /** A quantity uniform in [min, max] rounded to {@code decimals}; {@code premium} as for a choice (negative: lighter costs more). */
    record Range(String name, String unit, double min, double max, int decimals, double premium) implements AttributeSpec {
        @Override public Drawn draw(Rng rng) {
            double u = rng.nextDouble();
            double scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : StrictMath.pow(10, decimals);
            double v = Math.round((min + (max - min) * u) * scale) / scale;
            return new Drawn(new AttributeValue.Number(v, unit), premium * (u - 0.5));
        }
    }

    /** A yes/no property, true with probability {@code likelihood}; a true value adds {@code premium}. */
    record Flag(String name, double likelihood, double premium) implements AttributeSpec {
        @Override public Drawn draw(Rng rng) {
            boolean v = rng.chance(likelihood);
            return new Drawn(new AttributeValue.Flag(v), v ? premium : 0);
        }
    }

    /** Position in [-0.5, 0.5] of value i of n, so premiums centre on the category median. */
    private static double position(int i, int n) { return n < 2 ? 0 : (double) i / (n - 1) - 0.5; }

    private static double[] weights(int n, boolean skewed) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += skewed ? 1 / StrictMath.pow(i + 1, 0.8) : 1;
            cumulative[i] = total;
        }
        return cumulative;
    }
}
