package io.aisle.content.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DiscriminatorTest {
    private static final List<String> MATERIALS = List.of("Wool", "Fleece", "Nylon", "Cotton", "Polyester", "Hemp");
    private static final List<String> COLOURS = List.of("Black", "Red", "Blue", "Green", "Gray", "Orange");
    private static final List<String> FILLER = List.of("It is a good choice.", "Many people like it.", "It is easy to wear.",
            "It arrives folded.", "Check the size chart.");

    /** Simulated outcomes: shoppers click more when the text names the product's attributes; length alone does not matter. */
    private static List<ServedOutcome> simulate(int products, long seed) {
        Random r = new Random(seed);
        List<ServedOutcome> out = new ArrayList<>();
        for (int p = 0; p < products; p++) {
            List<String> keys = List.of(MATERIALS.get(r.nextInt(MATERIALS.size())), COLOURS.get(r.nextInt(COLOURS.size())),
                    COLOURS.get(r.nextInt(COLOURS.size())) + " trim", "size " + (r.nextInt(5) + 1));
            double productEffect = r.nextGaussian() * 0.3;
            for (int v = 0; v < 5; v++) {
                StringBuilder text = new StringBuilder("A hoodie.");
                int mentioned = 0;
                for (String k : keys) if (r.nextBoolean()) { text.append(" Made with ").append(k).append('.'); mentioned++; }
                int filler = r.nextInt(8);
                for (int i = 0; i < filler; i++) text.append(' ').append(FILLER.get(r.nextInt(FILLER.size())));
                double coverage = (double) mentioned / keys.size();
                double ctr = 1 / (1 + Math.exp(-(Math.log(0.05 / 0.95) + 2.5 * coverage - 1.25 + productEffect)));
                int impressions = 400;
                int clicks = 0;
                for (int i = 0; i < impressions; i++) if (r.nextDouble() < ctr) clicks++;
                out.add(new ServedOutcome("p" + p, "v" + v, text.toString(), keys, Locale.ENGLISH, impressions, clicks, clicks, clicks / 3));
            }
        }
        return out;
    }

    private static TextFeatures.Vector lengthOnly(String text) {
        double w = text.split("\\s+").length;
        return new TextFeatures.Vector(new int[] {0, 1, 2}, new double[] {Math.log1p(w), w / 100, w * w / 10_000});
    }

    private static double auc(List<ServedOutcome> test, java.util.function.ToDoubleFunction<ServedOutcome> score) {
        return Auc.of(test.stream().map(o -> new Auc.Group(score.applyAsDouble(o), o.clicks(), o.impressions() - o.clicks())).toList());
    }

    @Test void learns_from_served_variants_and_beats_a_length_only_model_on_held_out_products() {
        List<ServedOutcome> train = simulate(150, 1);
        List<ServedOutcome> test = simulate(60, 2);

        Discriminator d = Discriminator.withPrior();
        double prior = auc(test, o -> d.score(o.text(), o.keyValues(), o.locale()).ctr());
        d.learn(train, 30, 7);
        double learned = auc(test, o -> d.score(o.text(), o.keyValues(), o.locale()).ctr());

        LogisticModel length = new LogisticModel(3, Math.log(0.05 / 0.95), 0.1, 1e-5);
        List<LogisticModel.Example> examples = train.stream()
                .map(o -> new LogisticModel.Example(lengthOnly(o.text()), o.clicks(), o.impressions() - o.clicks())).toList();
        Random r = new Random(3);
        for (int e = 0; e < 30; e++) length.epoch(examples, r);
        double lengthAuc = auc(test, o -> length.predict(lengthOnly(o.text())));

        assertThat(learned).isGreaterThan(lengthAuc + 0.05);
        assertThat(learned).isGreaterThanOrEqualTo(prior - 0.01);
        assertThat(d.outcomesSeen()).isEqualTo(150L * 5 * 400);
    }

    @Test void the_prior_prefers_a_text_that_names_the_attributes() {
        Discriminator d = Discriminator.withPrior();
        List<String> keys = List.of("Wool", "Black", "Gray");
        double named = d.score("A solid hoodie in Wool. Choose Black or Gray. It suits cool days.", keys, Locale.ENGLISH).value();
        double vague = d.score("A hoodie! You will love it! Buy now!", keys, Locale.ENGLISH).value();
        assertThat(named).isGreaterThan(vague);
    }

    @Test void auc_counts_ties_as_half() {
        assertThat(Auc.of(List.of(new Auc.Group(0.5, 10, 10)))).isEqualTo(0.5);
        assertThat(Auc.of(List.of(new Auc.Group(0.9, 10, 0), new Auc.Group(0.1, 0, 10)))).isEqualTo(1.0);
    }
}
