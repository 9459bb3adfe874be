package io.aisle.content.gate;

/** A check every candidate text must pass before it can be published, whichever backend wrote it. */
public interface QualityGate {
    /** Lower-case name shown beside results ({@code grounding}). */
    String name();

    GateResult check(Draft draft);
}
