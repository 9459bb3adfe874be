package io.aisle.vision;

import java.util.Locale;

/** Alt text for a generated image, composed only from the product's own attributes and the scene drawn. */
public final class AltText {
    private static final int MAX = 150;

    private AltText() {}

    public static String compose(ProductFacts facts, ScenePreset preset) {
        StringBuilder s = new StringBuilder();
        if (!facts.brand().isBlank() && !facts.title().toLowerCase(Locale.ROOT).contains(facts.brand().toLowerCase(Locale.ROOT))) {
            s.append(facts.brand()).append(' ');
        }
        s.append(facts.title().strip());
        if (!facts.colour().isBlank()) s.append(" in ").append(facts.colour().toLowerCase(Locale.ROOT));
        if (!facts.material().isBlank()) s.append(", ").append(facts.material().toLowerCase(Locale.ROOT));
        s.append(switch (preset) {
            case MAIN_WHITE -> " on a plain white background";
            case STUDIO -> " in a studio setting with a soft shadow";
            case ROOM -> " standing on a wooden floor in a sunlit room";
        });
        String text = s.toString().replaceAll("\\s+", " ");
        if (text.length() > MAX) text = text.substring(0, MAX - 1).strip() + "…";
        return text;
    }
}
