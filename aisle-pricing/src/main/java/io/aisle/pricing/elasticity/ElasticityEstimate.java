package io.aisle.pricing.elasticity;

/**
 * A posterior own-price elasticity (normal: mean and sd) with what it rests on.
 *
 * @param rawSlope      the unpooled least-squares slope (NaN when the unit's price hardly varied)
 * @param rawSe         its standard error
 * @param observations  periods behind it
 * @param fromPriorOnly true when the data had no usable price variation and the estimate is the pooled prior
 */
public record ElasticityEstimate(double mean, double sd, double rawSlope, double rawSe, int observations, boolean fromPriorOnly) {
    /** The {@code z}-sigma interval's lower end (more elastic). */
    public double lo(double z) { return mean - z * sd; }

    public double hi(double z) { return mean + z * sd; }
}
