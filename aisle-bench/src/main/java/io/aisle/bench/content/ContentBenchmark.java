package io.aisle.bench.content;

import io.aisle.bench.BenchReport;
import io.aisle.content.ContentKind;
import io.aisle.content.ContentStudio;
import io.aisle.content.facts.FactRetriever;
import io.aisle.content.facts.ProductFacts;
import io.aisle.content.facts.SearchTerms;
import io.aisle.content.pipeline.ContentOutcome;
import io.aisle.content.pipeline.ContentPipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aisle bench content}: product descriptions for a real catalogue (Magento Luma, 191 products with
 * human-written copy), the human copy as reference row {@code human} and the built-in pipeline as {@code aisle}.
 * Grounding violations come from {@link RecordLookupCheck}, a checker independent of the pipeline's gates; attribute
 * coverage from {@link AttributeCoverage}; near duplicates are products whose text shares at least half its word
 * 3-shingles (Jaccard) with another product's text; throughput is the whole pipeline on one thread (facts, 3
 * candidates, gates, ranking, publishing). The discriminator rows come from {@link EngagementSimulation}.
 */
public final class ContentBenchmark {
    public static final String NOTE = """
            grounding_violations: distinct tokens (numbers, materials, colours, size labels) a text states that its raw
              record does not contain, found by an independent record-lookup checker; human copy is checked the same way.
            engagement_auc: held-out AUC of predicted click-through on simulated shoppers (see EngagementSimulation for
              the assumed response model); length-only is a logistic regression on length alone, aisle-prior the
              discriminator before learning.""";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Path catalogue;
    private final int shoppers;
    private final long seed;
    private final Consumer<String> log;

    public ContentBenchmark(Path catalogue, int shoppers, long seed, Consumer<String> log) {
        this.catalogue = catalogue;
        this.shoppers = shoppers;
        this.seed = seed;
        this.log = log;
    }

    public BenchReport run() {
        LumaCatalogue luma = LumaCatalogue.read(catalogue);
        log.accept("read " + luma.entries().size() + " products, reviews for " + luma.reviews().size());
        FactRetriever retriever = new FactRetriever(luma.products(), luma.reviews(), SearchTerms.none());
        List<ProductFacts> facts = luma.entries().stream().map(e -> retriever.facts(e.product())).toList();

        ContentPipeline pipeline = ContentStudio.builtIn().pipeline();
        List<String> aisle = new ArrayList<>();
        int published = 0;
        int rounds = 0;
        for (ProductFacts f : facts) {
            ContentOutcome o = pipeline.product(f, ContentKind.DESCRIPTION, Locale.ENGLISH, "");
            if (o instanceof ContentOutcome.Published p) {
                aisle.add(p.chosen().text());
                published++;
                rounds += p.chosen().round() + 1;
            } else {
                aisle.add("");
            }
        }
        List<String> human = luma.entries().stream().map(LumaCatalogue.Entry::humanText).toList();

        BenchReport report = new BenchReport("content", "magento-luma");
        RecordLookupCheck check = new RecordLookupCheck(luma.entries().stream().map(LumaCatalogue.Entry::raw).toList());
        quality(report, "human", luma, human, check);
        quality(report, "aisle", luma, aisle, check);
        report.put("aisle", "published_rate", (double) published / facts.size());
        report.put("aisle", "mean_rounds", published == 0 ? 0 : (double) rounds / published);
        double[] rates = throughput(facts);
        report.put("aisle", "descriptions_per_s", rates[0]);
        report.put("aisle", "descriptions_per_cpu_s", rates[1]);

        Map<String, String> humanById = new HashMap<>();
        luma.entries().forEach(e -> humanById.put(e.product().id().value(), e.humanText()));
        EngagementSimulation.Result sim = EngagementSimulation.run(facts, humanById, shoppers, seed);
        log.accept("simulated " + sim.impressions() + " impressions over " + sim.variants() + " variants; "
                + sim.winners() + " experiments found a winner");
        report.put("length-only", "engagement_auc", sim.lengthOnlyAuc());
        report.put("aisle-prior", "engagement_auc", sim.priorAuc());
        report.put("aisle", "engagement_auc", sim.discriminatorAuc());
        report.put("aisle", "cart_auc", sim.discriminatorCartAuc());
        return report;
    }

    private void quality(BenchReport report, String system, LumaCatalogue luma, List<String> texts, RecordLookupCheck check) {
        int violations = 0, withViolations = 0;
        double coverage = 0;
        long valuesHit = 0, values = 0, words = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            var raw = luma.entries().get(i).raw();
            String text = texts.get(i);
            List<String> v = text.isEmpty() ? List.of() : check.violations(raw, text);
            violations += v.size();
            if (!v.isEmpty()) {
                withViolations++;
                if (examples.size() < 3) examples.add(raw.path("sku").asText() + " " + v);
            }
            AttributeCoverage.Counts c = AttributeCoverage.of(raw, text);
            coverage += c.attributeShare();
            valuesHit += c.valuesMentioned();
            values += c.values();
            words += WORD.matcher(text).results().count();
        }
        if (!examples.isEmpty()) log.accept(system + " violations, e.g. " + String.join("; ", examples));
        report.put(system, "grounding_violations", violations);
        report.put(system, "products_with_violations", (double) withViolations / texts.size());
        report.put(system, "attribute_coverage", coverage / texts.size());
        report.put(system, "attribute_value_coverage", values == 0 ? 0 : (double) valuesHit / values);
        report.put(system, "near_duplicate_rate", nearDuplicateRate(texts));
        report.put(system, "mean_words", (double) words / texts.size());
    }

    /** Share of non-empty texts whose word 3-shingles overlap another text's by Jaccard 0.5 or more. */
    static double nearDuplicateRate(List<String> texts) {
        List<Set<String>> sets = new ArrayList<>();
        for (String t : texts) sets.add(shingles(t));
        int dup = 0, n = 0;
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).isEmpty()) continue;
            n++;
            for (int j = 0; j < sets.size(); j++) {
                if (i == j || sets.get(j).isEmpty()) continue;
                Set<String> a = sets.get(i), b = sets.get(j);
                int common = 0;
                for (String s : a) if (b.contains(s)) common++;
                if ((double) common / (a.size() + b.size() - common) >= 0.5) { dup++; break; }
            }
        }
        return n == 0 ? 0 : (double) dup / n;
    }

    private static Set<String> shingles(String text) {
        List<String> w = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) w.add(m.group());
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.size(); i++) out.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
        return out;
    }

    /**
     * Descriptions per second through the whole pipeline on one thread, after warm-up passes: per wall-clock second,
     * and per second of this thread's CPU time (which other processes on a busy machine do not inflate).
     */
    private double[] throughput(List<ProductFacts> facts) {
        for (int i = 0; i < 3; i++) pass(facts);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long done = 0;
        while (System.nanoTime() - start < 5_000_000_000L) done += pass(facts);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new double[] {done / wall, done / cpu};
    }

    private static int pass(List<ProductFacts> facts) {
        ContentPipeline pipeline = ContentStudio.builtIn().pipeline();
        for (ProductFacts f : facts) pipeline.product(f, ContentKind.DESCRIPTION, Locale.ENGLISH, "");
        return facts.size();
    }
}
