package io.aisle.features.feature;

import io.aisle.core.feature.FeatureVector;

/** One training example: a label and the features of its entity as of the label's time. */
public record TrainingRow(Label label, FeatureVector features) {}
