package io.aisle.content.gate;

import io.aisle.content.ContentKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text must not be a near-duplicate of another product's text of the same kind (see {@link NearDuplicates}).
 * The pipeline registers each published text with {@link #register}, so later products are checked against it.
 */
public final class UniquenessGate implements QualityGate {
    public static final String NAME = "uniqueness";

    private final Map<ContentKind, NearDuplicates> byKind = new EnumMap<>(ContentKind.class);

    public UniquenessGate() {
        for (ContentKind k : ContentKind.values()) byKind.put(k, new NearDuplicates());
    }

    @Override public String name() { return NAME; }

    @Override public GateResult check(Draft draft) {
        // Titles are short and mostly the product name, and bullets are a spec sheet: products with the same
        // attributes rightly share lines, so shingle overlap says little there.
        if (draft.kind() == ContentKind.SEO_TITLE || draft.kind() == ContentKind.BULLETS) return GateResult.of(NAME, List.of());
        List<Finding> findings = new ArrayList<>();
        byKind.get(draft.kind()).nearest(draft.subject(), draft.text()).ifPresent(m -> findings.add(new Finding(NAME,
                "near_duplicate", String.format(Locale.ROOT, "reword: %.0f%% the same as the text of %s", 100 * m.jaccard(), m.key()))));
        return GateResult.of(NAME, findings);
    }

    /** Stores a published text so others are compared with it. */
    public void register(ContentKind kind, String subject, String text) { byKind.get(kind).put(subject, text); }
}
