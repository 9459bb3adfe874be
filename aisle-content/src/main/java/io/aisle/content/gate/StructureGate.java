package io.aisle.content.gate;

import java.util.ArrayList;
import java.util.List;

/** Length and shape per output type: characters, lines (bullets), no empty lines, no unfilled placeholders. */
public final class StructureGate implements QualityGate {
    public static final String NAME = "structure";
    private static final int MAX_LINE = 200;

    @Override public String name() { return NAME; }

    @Override public GateResult check(Draft draft) {
        List<Finding> findings = new ArrayList<>();
        String text = draft.text();
        var kind = draft.kind();
        if (text.length() < kind.minChars()) findings.add(new Finding(NAME, "too_short", "write at least " + kind.minChars() + " characters, not " + text.length()));
        if (text.length() > kind.maxChars()) findings.add(new Finding(NAME, "too_long", "write at most " + kind.maxChars() + " characters, not " + text.length()));
        String[] lines = text.split("\n", -1);
        if (lines.length < kind.minLines() || lines.length > kind.maxLines()) {
            findings.add(new Finding(NAME, "lines", kind.minLines() == kind.maxLines()
                    ? "write one paragraph with no line breaks"
                    : "write " + kind.minLines() + " to " + kind.maxLines() + " lines, not " + lines.length));
        }
        for (String line : lines) {
            if (line.isBlank() && lines.length > 1) { findings.add(new Finding(NAME, "empty_line", "leave no empty lines")); break; }
            if (line.length() > MAX_LINE && kind.maxLines() > 1) { findings.add(new Finding(NAME, "long_line", "keep each line under " + MAX_LINE + " characters")); break; }
        }
        if (text.contains("{") || text.contains("}")) findings.add(new Finding(NAME, "placeholder", "fill or remove every {placeholder}"));
        return GateResult.of(NAME, findings);
    }
}
