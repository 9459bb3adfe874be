package io.aisle.content.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every factual claim must map to a fact: each number, material, colour, size label, promised property and proper
 * name found by {@link Claims} is looked up in the draft's {@link Support}. One unsupported claim fails the text.
 */
public final class GroundingGate implements QualityGate {
    public static final String NAME = "grounding";

    @Override public String name() { return NAME; }

    @Override public GateResult check(Draft draft) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Claim c : Claims.in(draft.text(), draft.locale())) {
            if (supported(c, draft.support()) || !seen.add(c.kind() + ":" + c.canonical())) continue;
            String what = c.kind().name().toLowerCase(java.util.Locale.ROOT);
            findings.add(new Finding(NAME, "unsupported_" + what,
                    "remove the " + what + " '" + c.written() + "': the product's facts do not state it"));
        }
        return GateResult.of(NAME, findings);
    }

    static boolean supported(Claim c, Support s) {
        return switch (c.kind()) {
            case NUMBER -> {
                for (BigDecimal n : Claims.readings(c.written())) if (s.hasNumber(n)) yield true;
                yield false;
            }
            case SIZE -> s.hasToken(c.written());
            case NAME -> s.hasWord(c.canonical()) || allParts(c.canonical(), s);
            case MATERIAL, COLOUR, PROPERTY -> s.hasWord(c.canonical()) || s.hasWord(c.canonical().replace("-", ""))
                    || allParts(c.canonical(), s);
        };
    }

    private static boolean allParts(String hyphenated, Support s) {
        String[] parts = hyphenated.split("[-'’]+");
        if (parts.length < 2) return false;
        for (String part : parts) if (!part.isEmpty() && !s.hasWord(part)) return false;
        return true;
    }
}
