package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;

import java.util.List;
import java.util.Locale;

/** How one text request ended: published automatically, or sent to a person for review. */
public sealed interface ContentOutcome {
    String subject();

    ContentKind kind();

    Locale locale();

    /** Every candidate of every round, in order. */
    List<Candidate> candidates();

    /** The best candidate passed every gate and scored above the threshold. */
    record Published(String subject, ContentKind kind, Locale locale, Candidate chosen, List<Candidate> candidates)
            implements ContentOutcome {
        public Published { candidates = List.copyOf(candidates); }
    }

    /** No candidate passed within the allowed rounds; a person decides. */
    record Escalated(String subject, ContentKind kind, Locale locale, String reason, List<Candidate> candidates)
            implements ContentOutcome {
        public Escalated { candidates = List.copyOf(candidates); }
    }
}
