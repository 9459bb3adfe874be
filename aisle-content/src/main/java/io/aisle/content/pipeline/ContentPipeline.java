package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;
import io.aisle.content.facts.ProductFacts;
import io.aisle.content.gate.BrandVoice;
import io.aisle.content.gate.Draft;
import io.aisle.content.gate.Finding;
import io.aisle.content.gate.GateResult;
import io.aisle.content.gate.QualityGate;
import io.aisle.content.gate.Support;
import io.aisle.content.gate.UniquenessGate;
import io.aisle.content.rank.Discriminator;
import io.aisle.content.rank.EngagementScore;
import io.aisle.core.port.GenerationException;
import io.aisle.core.port.GenerationRequest;
import io.aisle.core.port.GroundingFact;
import io.aisle.core.port.TextGenerator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one text: retrieved facts go to the generator for N candidates, every candidate passes through the quality
 * gates and is scored by the discriminator; the best passing candidate above the threshold is published. When none
 * passes, the gates' findings go back to the generator as feedback for another round; after the last round the
 * text goes to review. Published texts join the uniqueness index so later texts are compared with them.
 */
public final class ContentPipeline {
    private final TextGenerator generator;
    private final List<QualityGate> gates;
    private final UniquenessGate uniqueness;
    private final Discriminator discriminator;
    private final BrandVoice voice;
    private final PipelineSettings settings;

    public ContentPipeline(TextGenerator generator, List<QualityGate> gates, UniquenessGate uniqueness,
                           Discriminator discriminator, BrandVoice voice, PipelineSettings settings) {
        this.generator = generator;
        this.gates = List.copyOf(gates);
        this.uniqueness = uniqueness;
        this.discriminator = discriminator;
        this.voice = voice;
        this.settings = settings;
    }

    public TextGenerator generator() { return generator; }

    /** A product text; {@code segment} tailors email snippets ("new_visitor", "returning", ...) and may be empty. */
    public ContentOutcome product(ProductFacts facts, ContentKind kind, Locale locale, String segment) {
        if (!kind.perProduct()) throw new IllegalArgumentException(kind.wire() + " is not about one product");
        List<GroundingFact> grounding = new ArrayList<>(facts.grounding());
        if (segment != null && !segment.isBlank()) grounding.add(GroundingFact.of("segment", segment));
        return run(facts.product().id().value(), kind, locale, grounding, facts.primaryKeyword(), facts.keyValues());
    }

    /** The intro of a category page, from the category's products. */
    public ContentOutcome categoryIntro(String category, List<ProductFacts> products, Locale locale) {
        if (products.isEmpty()) throw new IllegalArgumentException("category '" + category + "' has no products");
        List<GroundingFact> f = new ArrayList<>();
        f.add(GroundingFact.of("category", category));
        f.add(GroundingFact.of("count", String.valueOf(products.size())));
        f.add(GroundingFact.of("currency", products.get(0).product().price().currency()));
        f.add(GroundingFact.of("price_min", products.stream().map(p -> p.product().price().amount()).min(Comparator.naturalOrder()).orElseThrow().toPlainString()));
        f.add(GroundingFact.of("price_max", products.stream().map(p -> p.product().price().amount()).max(Comparator.naturalOrder()).orElseThrow().toPlainString()));
        for (String m : top(products, io.aisle.content.facts.Attribute.Role.MATERIAL, 3)) f.add(GroundingFact.of("material", m));
        for (String a : top(products, io.aisle.content.facts.Attribute.Role.ACTIVITY, 3)) f.add(GroundingFact.of("activity", a));
        for (String c : top(products, io.aisle.content.facts.Attribute.Role.CLIMATE, 3)) f.add(GroundingFact.of("climate", c));
        products.stream().limit(2).forEach(p -> f.add(GroundingFact.of("name", p.product().title())));
        List<String> key = new ArrayList<>();
        f.forEach(g -> { if (!g.name().startsWith("price") && !g.name().equals("currency")) key.add(g.value()); });
        return run("category:" + category, ContentKind.CATEGORY_INTRO, locale, f, category.toLowerCase(Locale.ROOT), key);
    }

    /** A comparison guide for 2 to 5 products. */
    public ContentOutcome comparison(List<ProductFacts> products, Locale locale) {
        if (products.size() < 2 || products.size() > 5) throw new IllegalArgumentException("a comparison covers 2 to 5 products, got " + products.size());
        List<GroundingFact> f = new ArrayList<>();
        List<String> key = new ArrayList<>();
        f.add(GroundingFact.of("currency", products.get(0).product().price().currency()));
        for (ProductFacts p : products) {
            String id = p.product().id().value();
            f.add(new GroundingFact(id, "name", p.product().title()));
            f.add(new GroundingFact(id, "price", p.product().price().amount().toPlainString()));
            for (String m : p.values(io.aisle.content.facts.Attribute.Role.MATERIAL)) f.add(new GroundingFact(id, "material", m));
            for (String a : p.values(io.aisle.content.facts.Attribute.Role.ACTIVITY)) f.add(new GroundingFact(id, "activity", a));
            for (String s : p.values(io.aisle.content.facts.Attribute.Role.SIZE)) f.add(new GroundingFact(id, "size", s));
            if (!p.distinctive().isEmpty()) f.add(new GroundingFact(id, "distinctive", p.distinctive()));
            key.add(p.product().title());
        }
        // Comparison facts carry subjects; the grounding support must see them all as this text's facts.
        List<GroundingFact> asOwn = f.stream().map(g -> GroundingFact.of(g.name(), g.value())).toList();
        String subject = "compare:" + String.join("+", products.stream().map(p -> p.product().id().value()).toList());
        return run(subject, ContentKind.COMPARISON, locale, f, asOwn, "", key);
    }

    private ContentOutcome run(String subject, ContentKind kind, Locale locale, List<GroundingFact> facts, String keyword,
                               List<String> keyValues) {
        return run(subject, kind, locale, facts, facts, keyword, keyValues);
    }

    private ContentOutcome run(String subject, ContentKind kind, Locale locale, List<GroundingFact> facts,
                               List<GroundingFact> supportFacts, String keyword, List<String> keyValues) {
        Support support = Support.of(supportFacts);
        long base = mix((subject + "|" + kind.wire() + "|" + locale).hashCode());
        List<Candidate> all = new ArrayList<>();
        List<Finding> feedback = List.of();
        for (int round = 0; round < settings.maxRounds(); round++) {
            String instructions = Instructions.of(kind, locale, voice, keyword, feedback);
            List<Candidate> roundCandidates = new ArrayList<>();
            for (int i = 0; i < settings.candidates(); i++) {
                long seed = mix(base + 31L * round + i);
                GenerationRequest request = new GenerationRequest(kind.wire(), instructions, List.of(), facts, locale,
                        kind.maxChars(), 0.7, seed);
                roundCandidates.add(candidate(round, i, request, subject, kind, locale, support, keyword, keyValues));
            }
            all.addAll(roundCandidates);
            Optional<Candidate> best = roundCandidates.stream().filter(Candidate::passed)
                    .filter(c -> c.score().value() >= settings.minScore())
                    .max(Comparator.comparingDouble(c -> c.score().value()));
            if (best.isPresent()) {
                uniqueness.register(kind, subject, best.get().text());
                return new ContentOutcome.Published(subject, kind, locale, best.get(), all);
            }
            feedback = feedbackFrom(roundCandidates);
        }
        boolean anyPassed = all.stream().anyMatch(Candidate::passed);
        String reason = anyPassed
                ? "no passing candidate scored " + settings.minScore() + " or more"
                : "no candidate passed the gates in " + settings.maxRounds() + " rounds: "
                + String.join("; ", feedbackFrom(all).stream().map(Finding::message).limit(3).toList());
        return new ContentOutcome.Escalated(subject, kind, locale, reason, all);
    }

    private Candidate candidate(int round, int index, GenerationRequest request, String subject, ContentKind kind,
                                Locale locale, Support support, String keyword, List<String> keyValues) {
        String text;
        String backend = generator.backend();
        try {
            var generated = generator.generate(request);
            text = generated.text().strip();
            backend = generated.backend();
        } catch (GenerationException e) {
            GateResult failed = GateResult.of("generation", List.of(new Finding("generation", "failed", e.getMessage())));
            return new Candidate(round, index, "", backend, List.of(failed), EngagementScore.of(0, 0));
        }
        Draft draft = new Draft(kind, subject, text, locale, support, keyword);
        List<GateResult> results = new ArrayList<>(gates.size());
        for (QualityGate g : gates) results.add(g.check(draft));
        return new Candidate(round, index, text, backend, results, discriminator.score(text, keyValues, locale));
    }

    /** The distinct findings of a round, most frequent first: what the next round is asked to fix. */
    private static List<Finding> feedbackFrom(List<Candidate> candidates) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Finding> byMessage = new HashMap<>();
        for (Candidate c : candidates) {
            Set<String> once = new LinkedHashSet<>();
            for (Finding f : c.findings()) if (once.add(f.message())) { counts.merge(f.message(), 1, Integer::sum); byMessage.putIfAbsent(f.message(), f); }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(e -> byMessage.get(e.getKey())).toList();
    }

    private static List<String> top(List<ProductFacts> products, io.aisle.content.facts.Attribute.Role role, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (ProductFacts p : products) for (String v : p.values(role)) counts.merge(v, 1, Integer::sum);
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

}
