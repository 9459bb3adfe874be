package io.aisle.vision;

/** The scene families: the marketplace main image on pure white, a studio sweep, and a room. */
public enum ScenePreset {
    /** Pure white (#FFFFFF), product filling at least 85% of the frame: what marketplaces require of a main image. */
    MAIN_WHITE("main-white", 0.88, 0.5),
    /** A seamless studio sweep in the brand colour, with a contact shadow and a floor reflection. */
    STUDIO("studio", 0.66, 0.84),
    /** A wall and a plank floor lit from a window, the product standing on the floor. */
    ROOM("room", 0.55, 0.86);

    private final String label;
    private final double fill;
    private final double floor;

    ScenePreset(String label, double fill, double floor) {
        this.label = label;
        this.fill = fill;
        this.floor = floor;
    }

    public String label() { return label; }

    /** Share of the frame the product's longer side takes by default. */
    public double fill() { return fill; }

    /** Height of the product's base as a share of the frame height (0.5 = centred). */
    public double floor() { return floor; }

    public static ScenePreset parse(String label) {
        for (ScenePreset p : values()) if (p.label.equals(label) || p.name().equalsIgnoreCase(label)) return p;
        throw new IllegalArgumentException("unknown scene '" + label + "'; use main-white, studio or room");
    }
}
