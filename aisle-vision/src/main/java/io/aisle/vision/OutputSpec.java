package io.aisle.vision;

import java.util.List;
import java.util.Objects;

/** One image to produce: a scene in a frame shape. */
public record OutputSpec(ScenePreset preset, AspectRatio aspect) {
    public OutputSpec {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(aspect, "aspect");
    }

    /** The usual set: the marketplace main image, a portrait studio shot and a wide room banner. */
    public static List<OutputSpec> standard() {
        return List.of(new OutputSpec(ScenePreset.MAIN_WHITE, AspectRatio.SQUARE),
                new OutputSpec(ScenePreset.STUDIO, AspectRatio.PORTRAIT),
                new OutputSpec(ScenePreset.ROOM, AspectRatio.WIDE));
    }

    /** A stable name for files: {@code main-white-1x1}. */
    public String name() { return preset.label() + "-" + aspect.label(); }
}
