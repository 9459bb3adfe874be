package io.aisle.content.pipeline;

import io.aisle.content.gate.Finding;
import io.aisle.content.gate.GateResult;
import io.aisle.content.rank.EngagementScore;

import java.util.List;

/**
 * One generated text with everything said about it: the gates' results and the discriminator's score.
 *
 * @param round the refinement round that produced it, from 0
 */
public record Candidate(int round, int index, String text, String backend, List<GateResult> gates, EngagementScore score) {
    public Candidate { gates = List.copyOf(gates); }

    /** Whether every gate passed. */
    public boolean passed() { return gates.stream().allMatch(GateResult::passed); }

    public List<Finding> findings() { return gates.stream().flatMap(g -> g.findings().stream()).toList(); }
}
