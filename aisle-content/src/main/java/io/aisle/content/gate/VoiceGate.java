package io.aisle.content.gate;

import io.aisle.content.ContentKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Brand voice: banned and required phrases, hype and exclamation limits, and the reading-ease floor for prose. */
public final class VoiceGate implements QualityGate {
    public static final String NAME = "voice";
    private static final Pattern SHOUTING = Pattern.compile("\\b[A-Z]{5,}\\b");

    private final BrandVoice voice;

    public VoiceGate(BrandVoice voice) { this.voice = voice; }

    @Override public String name() { return NAME; }

    @Override public GateResult check(Draft draft) {
        List<Finding> findings = new ArrayList<>();
        String lower = draft.text().toLowerCase(Locale.ROOT);
        for (String b : voice.banned()) {
            if (containsPhrase(lower, b)) findings.add(new Finding(NAME, "banned_phrase", "do not use '" + b + "'"));
        }
        if (draft.kind() == ContentKind.DESCRIPTION) {
            for (String r : voice.required()) {
                if (!lower.contains(r.toLowerCase(Locale.ROOT))) findings.add(new Finding(NAME, "required_phrase", "include '" + r + "'"));
            }
        }
        int hype = 0;
        for (String h : voice.hypeWords()) if (containsPhrase(lower, h)) hype++;
        if (hype > voice.maxHype()) findings.add(new Finding(NAME, "hype", "tone down: " + hype + " superlatives, at most " + voice.maxHype()));
        long bangs = draft.text().chars().filter(c -> c == '!').count();
        if (bangs > voice.maxExclamations()) findings.add(new Finding(NAME, "exclamations", "use at most " + voice.maxExclamations() + " exclamation marks"));
        var shouting = SHOUTING.matcher(draft.text());
        while (shouting.find()) {
            // A value the catalogue itself writes in capitals (a brand such as TENCEL) is not shouting.
            if (!draft.support().hasToken(shouting.group())) {
                findings.add(new Finding(NAME, "shouting", "do not write '" + shouting.group() + "' in capitals"));
                break;
            }
        }
        if (prose(draft.kind())) {
            double ease = Readability.fleschReadingEase(draft.text(), draft.locale());
            if (ease < voice.minReadingEase()) {
                findings.add(new Finding(NAME, "hard_to_read", String.format(Locale.ROOT,
                        "use shorter sentences and words: reading ease %.0f, at least %.0f", ease, voice.minReadingEase())));
            }
        }
        return GateResult.of(NAME, findings);
    }

    private static boolean prose(ContentKind kind) {
        return kind == ContentKind.DESCRIPTION || kind == ContentKind.CATEGORY_INTRO || kind == ContentKind.EMAIL_SNIPPET;
    }

    static boolean containsPhrase(String lowerText, String phrase) {
        int i = lowerText.indexOf(phrase);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(lowerText.charAt(i - 1));
            int end = i + phrase.length();
            boolean endOk = end >= lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
            if (startOk && endOk) return true;
            i = lowerText.indexOf(phrase, i + 1);
        }
        return false;
    }
}
