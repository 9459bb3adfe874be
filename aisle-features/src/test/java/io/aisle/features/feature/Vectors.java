package io.aisle.features.feature;

import io.aisle.core.feature.FeatureVector;

import java.util.ArrayList;
import java.util.List;

/** Comparing feature vectors: exactly for counts, within floating rounding for sums. */
final class Vectors {
    private Vectors() {}

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Names of the features whose values differ, with both values; empty when they agree. */
    static List<String> differences(FeatureVector expected, FeatureVector actual) {
        List<String> out = new ArrayList<>();
        if (!expected.values().keySet().equals(actual.values().keySet())) out.add("feature names differ");
        expected.values().forEach((name, v) -> {
            if (!close(v, actual.value(name))) out.add(expected.entity() + "." + name + ": " + v + " vs " + actual.value(name));
        });
        return out;
    }
}
