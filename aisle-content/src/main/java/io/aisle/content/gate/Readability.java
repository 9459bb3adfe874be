package io.aisle.content.gate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading ease on the Flesch scale (higher is easier, 60-70 is plain English), with each language's adaptation:
 * Flesch (English), Amstad (German), Kandel-Moles (French), Fernández Huerta (Spanish). Syllables are counted as
 * vowel groups, which is close enough to rank texts and to hold a floor.
 */
public final class Readability {
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+|\\n");

    private Readability() {}

    public static double fleschReadingEase(String text, Locale locale) {
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words++;
            syllables += syllables(m.group().toLowerCase(Locale.ROOT), locale);
        }
        if (words == 0) return 0;
        int sentences = 0;
        Matcher s = SENTENCE_END.matcher(text.strip());
        while (s.find()) sentences++;
        String stripped = text.strip();
        if (!stripped.isEmpty() && ".!?".indexOf(stripped.charAt(stripped.length() - 1)) < 0) sentences++;
        sentences = Math.max(1, sentences);
        double asl = (double) words / sentences;
        double asw = (double) syllables / words;
        return switch (locale.getLanguage()) {
            case "de" -> 180 - asl - 58.5 * asw;
            case "fr" -> 207 - 1.015 * asl - 73.6 * asw;
            case "es" -> 206.84 - 0.60 * (100 * asw) - 1.02 * (100.0 / asl);
            default -> 206.835 - 1.015 * asl - 84.6 * asw;
        };
    }

    static int syllables(String word, Locale locale) {
        int count = 0;
        boolean inVowel = false;
        for (int i = 0; i < word.length(); i++) {
            boolean vowel = "aeiouyàâäéèêëîïôöùûüáíóúœæ".indexOf(word.charAt(i)) >= 0;
            if (vowel && !inVowel) count++;
            inVowel = vowel;
        }
        // English drops a final silent e ("made", "wide").
        if (locale.getLanguage().equals("en") && word.length() > 2 && word.endsWith("e") && !word.endsWith("le") && count > 1) count--;
        return Math.max(1, count);
    }
}
