package io.aisle.core.recommend;

import java.util.Locale;

/** Which tier answered: a cached final list, a list assembled from precomputed candidates, or live state only. */
public enum ServedFrom {
    CACHE, PRECOMPUTED, REALTIME;

    /** The lower-case name used on the wire and in metrics. */
    public String wire() { return name().toLowerCase(Locale.ROOT); }
}
