package io.aisle.content.pipeline;

import io.aisle.core.validation.Errors;

/**
 * How hard the pipeline tries: candidates per round, rounds before a text goes to review, and the discriminator
 * score a passing candidate needs to publish without a person.
 *
 * @param minScore expected add-to-carts per impression ({@link io.aisle.content.rank.EngagementScore#value}); 0 publishes any passing text
 */
public record PipelineSettings(int candidates, int maxRounds, double minScore) {
    public static final int MAX_CANDIDATES = 10;
    public static final int MAX_ROUNDS = 5;

    public PipelineSettings {
        Errors errors = new Errors();
        if (candidates < 1 || candidates > MAX_CANDIDATES) errors.add("candidates", "must be 1.." + MAX_CANDIDATES + ", got " + candidates);
        if (maxRounds < 1 || maxRounds > MAX_ROUNDS) errors.add("max_rounds", "must be 1.." + MAX_ROUNDS + ", got " + maxRounds);
        if (!(minScore >= 0 && minScore < 1)) errors.add("min_score", "must be in [0, 1), got " + minScore);
        errors.throwIfAny();
    }

    public static PipelineSettings defaults() { return new PipelineSettings(3, 3, 0); }
}
