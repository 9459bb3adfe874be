package io.aisle.content.gate;

import java.util.List;

/** What one gate said about one text: passed or not, and the findings behind a failure. */
public record GateResult(String gate, boolean passed, List<Finding> findings) {
    public GateResult { findings = List.copyOf(findings); }

    public static GateResult of(String gate, List<Finding> findings) { return new GateResult(gate, findings.isEmpty(), findings); }
}
