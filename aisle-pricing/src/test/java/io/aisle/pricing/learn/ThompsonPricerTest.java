package io.aisle.pricing.learn;

import io.aisle.pricing.guard.Guardrails;
import io.aisle.pricing.guard.PriceBounds;
import io.aisle.pricing.guard.PriceLadder;
import io.aisle.pricing.guard.ProductInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThompsonPricerTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    @Test
    void posteriorConcentratesOnTheTrueCurveAndLearnsTheNoise() {
        DemandPosterior posterior = new DemandPosterior(new double[]{0, -2}, new double[]{10, 1}, 0.5, 1.0);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            double lp = 0.1 * rng.nextGaussian();
            posterior.observe(new double[]{1, lp}, 4 - 3.2 * lp + 0.1 * rng.nextGaussian());
        }
        assertThat(posterior.mean()[1]).isCloseTo(-3.2, within(0.1));
        assertThat(posterior.noiseSd()).isCloseTo(0.1, within(0.02));
        assertThat(Math.sqrt(posterior.covariance()[1][1])).isLessThan(0.1);
    }

    @Test
    void forgettingFollowsADriftingElasticity() {
        DemandPosterior forgetful = new DemandPosterior(new double[]{0, -2}, new double[]{10, 1}, 0.2, 0.95);
        DemandPosterior stubborn = new DemandPosterior(new double[]{0, -2}, new double[]{10, 1}, 0.2, 1.0);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            double e = i < 200 ? -2 : -4;
            double lp = 0.1 * rng.nextGaussian();
            double y = 4 + e * lp + 0.1 * rng.nextGaussian();
            forgetful.observe(new double[]{1, lp}, y);
            stubborn.observe(new double[]{1, lp}, y);
        }
        assertThat(Math.abs(forgetful.mean()[1] + 4)).isLessThan(Math.abs(stubborn.mean()[1] + 4));
    }

    @Test
    void explorationStaysInsideGuardrailsAndTheLossCap() {
        Guardrails g = new Guardrails(true, 0.2, 0.1, null, null, null, null, null, PriceLadder.endingIn("9"), false);
        ProductInput p = new ProductInput("p", 1.0, 2.0, List.of(), null, null, null, null, g);
        DemandPosterior wide = new DemandPosterior(new double[]{4, -2.5}, new double[]{0.5, 1.5}, 0.3, 1.0);
        ThompsonPricer pricer = new ThompsonPricer(1, 0.05);
        SplittableRandom rng = new SplittableRandom(1);
        List<Double> candidates = PriceBounds.of(p, AS_OF).candidates();
        double[] mean = wide.mean();
        double best = candidates.stream().mapToDouble(c -> (c - 1.0) * Math.exp(mean[0] + mean[1] * Math.log(c / 2.0))).max().orElseThrow();
        int distinct = (int) java.util.stream.IntStream.range(0, 200).mapToDouble(i -> {
            double price = pricer.choose(wide, p, AS_OF, x -> new double[]{1, Math.log(x / 2.0)}, rng).price();
            assertThat(PriceBounds.of(p, AS_OF).violations(price)).isEmpty();
            assertThat((price - 1.0) * Math.exp(mean[0] + mean[1] * Math.log(price / 2.0))).isGreaterThanOrEqualTo(best * 0.95 - 1e-9);
            return price;
        }).distinct().count();
        assertThat(distinct).isGreaterThan(1);
    }
}
