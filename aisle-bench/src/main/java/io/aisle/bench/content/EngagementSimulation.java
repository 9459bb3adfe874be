package io.aisle.bench.content;

import io.aisle.content.ContentKind;
import io.aisle.content.compose.Composer;
import io.aisle.content.facts.ProductFacts;
import io.aisle.content.gate.Readability;
import io.aisle.content.rank.Auc;
import io.aisle.content.rank.ContentExperiment;
import io.aisle.content.rank.Discriminator;
import io.aisle.content.rank.LogisticModel;
import io.aisle.content.rank.ServedOutcome;
import io.aisle.content.rank.TextFeatures;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.port.GenerationRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Simulated content experiments on a real catalogue, to measure whether the discriminator learns what shoppers
 * respond to. Each product's variants (composer candidates, shortened and padded versions, the human copy) are
 * served through a {@link ContentExperiment} to simulated shoppers whose clicks and add-to-carts follow a hidden
 * response model; the events are attributed to variants; the discriminator learns from the outcomes of 70% of the
 * products and is scored by AUC on the impressions of the other 30%, beside a length-only logistic regression
 * trained on the same outcomes and the discriminator's untrained prior.
 *
 * <p>The hidden model (the simulation's assumption, not a finding): click logit = logit(4%) + product effect
 * N(0, 0.5) + 2.0 x (attribute coverage - 0.5) + 0.4 if 40-120 words + 0.3 x (reading ease - 60) / 30
 * - 0.6 per hype word + 0.4 if it names an activity; add-to-cart logit = logit(10%) + 1.5 x (coverage of colours and
 * sizes) - 0.5 if over 150 words.
 */
final class EngagementSimulation {
    private static final List<String> HYPE = List.of("amazing", "perfect", "incredible", "ultimate", "love");
    private static final List<String> FLUFF = List.of("You will love it.", "It is simply perfect for everyday life.",
            "An amazing choice that people keep coming back to.", "Our team thinks it is incredible.");

    record Result(double discriminatorAuc, double priorAuc, double lengthOnlyAuc, double discriminatorCartAuc,
                  long impressions, int variants, int winners) {}

    private record Served(ProductFacts facts, ContentExperiment experiment, boolean train) {}

    static Result run(List<ProductFacts> catalogue, Map<String, String> humanText, int shoppersPerProduct, long seed) {
        Random random = new Random(seed);
        Composer composer = new Composer();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Served> served = new ArrayList<>();
        long impressions = 0;
        int variantCount = 0;
        for (ProductFacts f : catalogue) {
            List<String> texts = variants(f, composer, humanText.get(f.product().id().value()), random);
            variantCount += texts.size();
            ContentExperiment exp = ContentExperiment.start(f.product().id(), texts, start);
            double productEffect = random.nextGaussian() * 0.5;
            String pid = f.product().id().value();
            for (int s = 0; s < shoppersPerProduct; s++) {
                Actor actor = Actor.anonymous("sim-" + pid + "-" + s);
                String text = exp.text(exp.assign(actor.key()).variant());
                Instant t = start.plusSeconds(60L * s + 1);
                exp.observe(event(EventName.VIEW_ITEM_LIST, actor, pid, t, s, 0));
                impressions++;
                if (random.nextDouble() < sigmoid(clickLogit(text, f) + productEffect)) {
                    exp.observe(event(EventName.SELECT_ITEM, actor, pid, t.plusSeconds(1), s, 1));
                    exp.observe(event(EventName.VIEW_ITEM, actor, pid, t.plusSeconds(2), s, 2));
                    if (random.nextDouble() < sigmoid(cartLogit(text, f))) exp.observe(event(EventName.ADD_TO_CART, actor, pid, t.plusSeconds(3), s, 3));
                }
            }
            served.add(new Served(f, exp, random.nextDouble() < 0.7));
        }
        List<ServedOutcome> train = new ArrayList<>();
        List<ServedOutcome> test = new ArrayList<>();
        int winners = 0;
        for (Served s : served) {
            List<ServedOutcome> o = s.experiment().outcomes(s.facts().keyValues(), Locale.ENGLISH);
            (s.train() ? train : test).addAll(o);
            if (s.experiment().winner().isPresent()) winners++;
        }
        Discriminator prior = Discriminator.withPrior();
        double priorAuc = auc(test, o -> prior.score(o.text(), o.keyValues(), o.locale()).ctr(), false);
        Discriminator learned = Discriminator.withPrior();
        learned.learn(train, 40, seed);
        double auc = auc(test, o -> learned.score(o.text(), o.keyValues(), o.locale()).ctr(), false);
        double cartAuc = auc(test, o -> learned.score(o.text(), o.keyValues(), o.locale()).addToCart(), true);
        LogisticModel lengthOnly = new LogisticModel(3, Math.log(0.04 / 0.96), 0.1, 1e-5);
        List<LogisticModel.Example> examples = train.stream()
                .map(o -> new LogisticModel.Example(lengthVector(o.text()), o.clicks(), o.impressions() - o.clicks())).toList();
        Random r = new Random(seed);
        for (int e = 0; e < 40; e++) lengthOnly.epoch(examples, r);
        double lengthAuc = auc(test, o -> lengthOnly.predict(lengthVector(o.text())), false);
        return new Result(auc, priorAuc, lengthAuc, cartAuc, impressions, variantCount, winners);
    }

    private static List<String> variants(ProductFacts f, Composer composer, String human, Random random) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            texts.add(composer.generate(GenerationRequest.of(ContentKind.DESCRIPTION.wire(), "", f.grounding(), Locale.ENGLISH,
                    ContentKind.DESCRIPTION.maxChars(), random.nextLong())).text());
        }
        String[] sentences = texts.get(0).split("(?<=\\.) ");
        texts.add(String.join(" ", java.util.Arrays.copyOf(sentences, Math.max(1, sentences.length / 2))));
        texts.add(texts.get(1) + " " + FLUFF.get(random.nextInt(FLUFF.size())) + " " + FLUFF.get(random.nextInt(FLUFF.size())));
        if (human != null && !human.isBlank()) texts.add(human);
        return texts;
    }

    static double clickLogit(String text, ProductFacts f) {
        String lower = text.toLowerCase(Locale.ROOT);
        int words = text.split("\\s+").length;
        double coverage = coverage(lower, f.keyValues());
        double z = Math.log(0.04 / 0.96) + 2.0 * (coverage - 0.5);
        if (words >= 40 && words <= 120) z += 0.4;
        z += 0.3 * (Readability.fleschReadingEase(text, Locale.ENGLISH) - 60) / 30;
        for (String h : HYPE) if (lower.contains(h)) z -= 0.6;
        for (String a : f.values(io.aisle.content.facts.Attribute.Role.ACTIVITY)) if (lower.contains(a.toLowerCase(Locale.ROOT))) { z += 0.4; break; }
        return z;
    }

    static double cartLogit(String text, ProductFacts f) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> options = new ArrayList<>(f.values(io.aisle.content.facts.Attribute.Role.COLOUR));
        options.addAll(f.values(io.aisle.content.facts.Attribute.Role.SIZE));
        double z = Math.log(0.1 / 0.9) + 1.5 * coverage(lower, options);
        if (text.split("\\s+").length > 150) z -= 0.5;
        return z;
    }

    private static double coverage(String lower, List<String> values) {
        if (values.isEmpty()) return 0;
        int hit = 0;
        for (String v : values) if (lower.contains(v.toLowerCase(Locale.ROOT))) hit++;
        return (double) hit / values.size();
    }

    /** The length-only baseline's inputs: log words, words / 100 and its square. */
    static TextFeatures.Vector lengthVector(String text) {
        double w = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return new TextFeatures.Vector(new int[] {0, 1, 2}, new double[] {Math.log1p(w), w / 100, (w / 100) * (w / 100)});
    }

    private static double auc(List<ServedOutcome> outcomes, Function<ServedOutcome, Double> score, boolean carts) {
        List<Auc.Group> groups = new ArrayList<>();
        for (ServedOutcome o : outcomes) {
            double s = score.apply(o);
            groups.add(carts ? new Auc.Group(s, o.carts(), o.views() - o.carts()) : new Auc.Group(s, o.clicks(), o.impressions() - o.clicks()));
        }
        return Auc.of(groups);
    }

    private static ShopperEvent event(EventName name, Actor actor, String product, Instant t, int shopper, int step) {
        return new ShopperEvent(EventId.of("sim-" + product + "-" + shopper + "-" + step), name, actor, "s-" + shopper, t,
                List.of(EventItem.of(product)), null, null, null, null, null, null, null, null);
    }

    private static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }
}
