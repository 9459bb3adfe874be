package io.aisle.core.experiment;

/**
 * One metric of one variant: its estimate, and its relative difference from the control's ({@code +0.05} is 5%
 * more). Either is null when the data cannot support it yet (no sessions, a rate of zero, fewer than two sessions
 * for a mean); the control has no difference from itself.
 */
public record Metric(Estimate value, Estimate vsControl) {
    public static final Metric NONE = new Metric(null, null);

    /** Whether the difference from control is measured and its interval leaves out zero. */
    public boolean differsFromControl() { return vsControl != null && vsControl.excludes(0); }
}
