package io.aisle.vision;

import io.aisle.core.vision.Picture;
import io.aisle.vision.qc.QcReport;

/** One produced image with where the product went, its quality verdict and its alt text. */
public record StudioOutput(OutputSpec spec, Picture image, Placement placement, QcReport qc, String altText, String generator) {}
