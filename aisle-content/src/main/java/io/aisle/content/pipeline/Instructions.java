package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;
import io.aisle.content.gate.BrandVoice;
import io.aisle.content.gate.Finding;

import java.util.List;
import java.util.Locale;

/** The standing instructions sent with every request: task, language, voice, limits, and last round's feedback. */
final class Instructions {
    private Instructions() {}

    static String of(ContentKind kind, Locale locale, BrandVoice voice, String keyword, List<Finding> feedback) {
        StringBuilder b = new StringBuilder();
        b.append("You write the ").append(kind.wire().replace('_', ' ')).append(" for an online shop, in ")
                .append(locale.getDisplayLanguage(Locale.ENGLISH)).append(".\n");
        b.append("Use only the facts given. Do not state any material, colour, size, number, price, property or name that "
                + "the facts do not contain. Keep attribute values as written in the facts.\n");
        b.append("Length: ").append(kind.minChars()).append(" to ").append(kind.maxChars()).append(" characters. ");
        b.append(kind.maxLines() == 1 ? "One paragraph, no line breaks, no markup.\n"
                : kind.minLines() + " to " + kind.maxLines() + " lines, one point per line, no bullet symbols.\n");
        if (!keyword.isEmpty()) b.append("Mention '").append(keyword).append("' once or twice.\n");
        if (!voice.guide().isEmpty()) b.append("Voice: ").append(voice.guide()).append('\n');
        if (!voice.banned().isEmpty()) b.append("Never write: ").append(String.join(", ", voice.banned())).append('\n');
        if (!voice.required().isEmpty()) b.append("Always include: ").append(String.join(", ", voice.required())).append('\n');
        if (!feedback.isEmpty()) {
            b.append("Your previous attempt was rejected. Fix these:\n");
            for (Finding f : feedback) b.append("- ").append(f.message()).append('\n');
        }
        b.append("Answer with the text only.");
        return b.toString();
    }
}
