package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Assignment;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.Variant;

import java.util.List;
import java.util.Optional;

/**
 * Which variant of an experiment a shopper gets. Two independent buckets decide it: the traffic bucket says whether
 * the shopper is in the experiment ({@code < traffic}), the variant bucket picks a variant by cumulative weight.
 * Separate buckets mean that raising the traffic share later only adds shoppers: nobody already in changes variant.
 * Pure: the experiment's status is the caller's business.
 */
public final class Assigner {
    private Assigner() {}

    /** The shopper's assignment, or empty when the traffic share holds them out. */
    public static Optional<Assignment> assign(Experiment experiment, String shopperKey) {
        int i = variantIndex(experiment, shopperKey);
        if (i < 0) return Optional.empty();
        Variant v = experiment.variants().get(i);
        return Optional.of(new Assignment(experiment.id(), shopperKey, v.name(), v.control(), v.config()));
    }

    /** Index of the shopper's variant in {@code experiment.variants()}, or -1 when held out. */
    public static int variantIndex(Experiment experiment, String shopperKey) {
        if (experiment.traffic() < 1 && Bucketing.bucket(experiment.id(), Bucketing.TRAFFIC, shopperKey) >= experiment.traffic()) {
            return -1;
        }
        return pick(experiment.variants(), Bucketing.bucket(experiment.id(), Bucketing.VARIANT, shopperKey));
    }

    /** The variant whose slice of [0, 1), proportional to its weight, holds {@code bucket}. */
    static int pick(List<Variant> variants, double bucket) {
        double total = 0;
        for (Variant v : variants) total += v.weight();
        double upTo = 0;
        for (int i = 0; i < variants.size() - 1; i++) {
            upTo += variants.get(i).weight() / total;
            if (bucket < upTo) return i;
        }
        return variants.size() - 1; // the last slice also takes what rounding left over
    }
}
