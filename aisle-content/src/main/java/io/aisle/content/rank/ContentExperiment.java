package io.aisle.content.rank;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.experiment.Assignment;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.Variant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a product's candidate texts as the variants of an experiment (surface {@code content}): each shopper gets
 * one variant, by a deterministic hash of the experiment id and the shopper's key; shopper events are attributed to
 * the variant that shopper was served (listing impressions, clicks, page views, add-to-carts); a variant whose
 * click-through interval lies above every other's is the winner to promote. Thread-safe.
 */
public final class ContentExperiment {
    public static final String SURFACE = "content";
    /** Impressions each variant needs before a winner may be called. */
    public static final long MIN_IMPRESSIONS = 200;

    private final Experiment experiment;
    private final ProductId product;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();

    private ContentExperiment(Experiment experiment, ProductId product, List<String> texts) {
        this.experiment = experiment;
        this.product = product;
        for (int i = 0; i < texts.size(); i++) {
            String name = experiment.variants().get(i).name();
            this.texts.put(name, texts.get(i));
            counts.put(name, new long[4]);
        }
    }

    /** Starts an experiment over {@code texts}; the first is the control (the text served today). */
    public static ContentExperiment start(ProductId product, List<String> texts, Instant now) {
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            variants.add(new Variant(i == 0 ? "control" : "v" + i, 1, i == 0, Map.of("text_index", String.valueOf(i))));
        }
        String id = ("content-" + product.value().toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9_-]", "-");
        if (id.length() > 64) id = id.substring(0, 64);
        return new ContentExperiment(Experiment.start(id, "copy of " + product.value(), SURFACE, 1.0, variants, now), product, texts);
    }

    public Experiment experiment() { return experiment; }

    public ProductId product() { return product; }

    /** The variant {@code actorKey} is served. */
    public Assignment assign(String actorKey) {
        long h = mix((experiment.id() + "|" + actorKey).hashCode() * 0x9E3779B97F4A7C15L);
        double u = (h >>> 11) * 0x1.0p-53;
        double total = experiment.variants().stream().mapToDouble(Variant::weight).sum();
        double acc = 0;
        Variant chosen = experiment.variants().get(experiment.variants().size() - 1);
        for (Variant v : experiment.variants()) {
            acc += v.weight() / total;
            if (u < acc) { chosen = v; break; }
        }
        return new Assignment(experiment.id(), actorKey, chosen.name(), chosen.control(), chosen.config());
    }

    public String text(String variant) { return texts.get(variant); }

    /** Counts one shopper event toward the variant its actor is served, when it is about this product. */
    public void observe(ShopperEvent e) {
        if (!experiment.covers(e.timestamp())) return;
        int slot = switch (e.name()) {
            case VIEW_ITEM_LIST -> 0;
            case SELECT_ITEM -> 1;
            case VIEW_ITEM -> 2;
            case ADD_TO_CART -> 3;
            default -> -1;
        };
        if (slot < 0) return;
        boolean mentions = false;
        for (EventItem item : e.items()) if (item.itemId().equals(product)) { mentions = true; break; }
        if (!mentions) return;
        String variant = assign(e.actor().key()).variant();
        synchronized (counts) { counts.get(variant)[slot]++; }
    }

    /** Each variant's outcome so far. */
    public List<ServedOutcome> outcomes(List<String> keyValues, Locale locale) {
        List<ServedOutcome> out = new ArrayList<>();
        synchronized (counts) {
            for (Variant v : experiment.variants()) {
                long[] c = counts.get(v.name());
                out.add(new ServedOutcome(product.value(), v.name(), texts.get(v.name()), keyValues, locale,
                        c[0], Math.min(c[1], c[0]), c[2], Math.min(c[3], c[2])));
            }
        }
        return out;
    }

    /** The variant to promote: enough impressions everywhere and a CTR interval above every other variant's. */
    public Optional<String> winner() {
        List<ServedOutcome> o = outcomes(List.of(), Locale.ENGLISH);
        if (o.stream().anyMatch(x -> x.impressions() < MIN_IMPRESSIONS)) return Optional.empty();
        for (ServedOutcome a : o) {
            double low = wilson(a.clicks(), a.impressions(), -1);
            boolean beatsAll = o.stream().filter(b -> b != a).allMatch(b -> low > wilson(b.clicks(), b.impressions(), 1));
            if (beatsAll) return Optional.of(a.variant());
        }
        return Optional.empty();
    }

    /** Wilson score interval bound at 95%: {@code side} -1 for the lower, +1 for the upper. */
    static double wilson(long successes, long trials, int side) {
        if (trials == 0) return side < 0 ? 0 : 1;
        double z = 1.96, n = trials, p = successes / n;
        double centre = p + z * z / (2 * n);
        double margin = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return (centre + side * margin) / (1 + z * z / n);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
