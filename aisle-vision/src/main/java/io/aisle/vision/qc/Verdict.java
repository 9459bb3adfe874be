package io.aisle.vision.qc;

/** What happens to an output: published, queued for a person to look at, or discarded. */
public enum Verdict {
    PASS, REVIEW, REJECT;

    /** The graver of two verdicts. */
    public Verdict and(Verdict other) { return other.ordinal() > ordinal() ? other : this; }

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
