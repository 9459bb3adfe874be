package io.aisle.content.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Predicts how shoppers will engage with a text about a product (CTR and add-to-cart) from the text and the
 * product's key attribute values; candidates are ranked by its {@link EngagementScore#value}.
 *
 * <p>It starts from a documented prior, used before any experiment has run: base rates of 4% CTR and 8%
 * add-to-cart, and weights that favour mentioning the product's attributes (+1.5 CTR, +1.0 add-to-cart per unit of
 * attribute coverage), 40-120 words (+0.3), easy reading (+0.5 per 100 Flesch points) and penalise exclamation marks
 * (-0.3 each). {@link #learn} then updates both models from the outcomes of served variants. Learning replaces the
 * model atomically; scoring is thread-safe.
 */
public final class Discriminator {
    private static final int COVERAGE = TextFeatures.BUCKETS + TextFeatures.DENSE.indexOf("attribute_coverage");
    private static final int IN_BAND = TextFeatures.BUCKETS + TextFeatures.DENSE.indexOf("words_in_band");
    private static final int EASE = TextFeatures.BUCKETS + TextFeatures.DENSE.indexOf("reading_ease");
    private static final int BANGS = TextFeatures.BUCKETS + TextFeatures.DENSE.indexOf("exclamations");
    private static final int SIZE = TextFeatures.BUCKETS + TextFeatures.DENSE.size();

    private volatile Models models;
    private long outcomesSeen;

    private record Models(LogisticModel ctr, LogisticModel atc) {}

    private Discriminator(Models models) { this.models = models; }

    /** A discriminator holding only the prior. */
    public static Discriminator withPrior() {
        LogisticModel ctr = new LogisticModel(SIZE, logit(0.04), 0.1, 1e-5);
        LogisticModel atc = new LogisticModel(SIZE, logit(0.08), 0.1, 1e-5);
        ctr.set(COVERAGE, 1.5); atc.set(COVERAGE, 1.0);
        ctr.set(IN_BAND, 0.3); atc.set(IN_BAND, 0.2);
        ctr.set(EASE, 0.5); atc.set(EASE, 0.3);
        ctr.set(BANGS, -0.3); atc.set(BANGS, -0.2);
        return new Discriminator(new Models(ctr, atc));
    }

    public EngagementScore score(String text, List<String> keyValues, Locale locale) {
        TextFeatures.Vector x = TextFeatures.of(text, keyValues, locale);
        Models m = models;
        return EngagementScore.of(m.ctr().predict(x), m.atc().predict(x));
    }

    /** Learns from the outcomes of served variants ({@code epochs} passes), then swaps the models in. */
    public synchronized void learn(List<ServedOutcome> outcomes, int epochs, long seed) {
        LogisticModel ctr = models.ctr().copy();
        LogisticModel atc = models.atc().copy();
        List<LogisticModel.Example> clicks = new ArrayList<>();
        List<LogisticModel.Example> carts = new ArrayList<>();
        for (ServedOutcome o : outcomes) {
            TextFeatures.Vector x = TextFeatures.of(o.text(), o.keyValues(), o.locale());
            clicks.add(new LogisticModel.Example(x, o.clicks(), o.impressions() - o.clicks()));
            if (o.views() > 0) carts.add(new LogisticModel.Example(x, o.carts(), o.views() - o.carts()));
            outcomesSeen += o.impressions();
        }
        Random random = new Random(seed);
        for (int e = 0; e < epochs; e++) {
            ctr.epoch(clicks, random);
            atc.epoch(carts, random);
        }
        models = new Models(ctr, atc);
    }

    /** Impressions learned from so far; 0 while only the prior speaks. */
    public synchronized long outcomesSeen() { return outcomesSeen; }

    static double logit(double p) { return Math.log(p / (1 - p)); }
}
