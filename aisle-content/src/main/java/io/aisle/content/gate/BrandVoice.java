package io.aisle.content.gate;

import java.util.List;
import java.util.Locale;

/**
 * The merchant's voice guide, as rules a gate can check: phrases never to use, phrases every text must carry,
 * how loud the copy may be, and a reading-ease floor for prose.
 *
 * @param banned          phrases that fail a text wherever they appear (case-insensitive)
 * @param required        phrases every product description must contain
 * @param hypeWords       superlatives and empty praise; at most {@code maxHype} of them per text
 * @param maxExclamations exclamation marks allowed per text
 * @param minReadingEase  Flesch reading-ease floor for prose (descriptions, intros, emails)
 * @param guide           the voice in words, sent to LLM backends as instructions
 */
public record BrandVoice(List<String> banned, List<String> required, List<String> hypeWords, int maxHype,
                         int maxExclamations, double minReadingEase, String guide) {
    public BrandVoice {
        banned = banned.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        required = List.copyOf(required);
        hypeWords = hypeWords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        guide = guide == null ? "" : guide;
    }

    /** A plain, factual voice: no hype, no shouting, readable by most shoppers. */
    public static BrandVoice plainSpoken() {
        return new BrandVoice(
                List.of("world-class", "best ever", "guaranteed", "revolutionary", "cheap", "miracle", "game-changer",
                        "game changer", "like no other", "unbeatable", "risk-free", "cure", "clinically proven"),
                List.of(),
                List.of("amazing", "incredible", "ultimate", "perfect", "best", "stunning", "awesome", "unparalleled",
                        "extraordinary", "must-have", "iconic", "legendary", "superior"),
                1, 0, 30,
                "Plain, friendly and factual. Short sentences. No superlatives, no exclamation marks, no claims the facts "
                        + "do not support. Address the shopper as 'you' sparingly.");
    }
}
