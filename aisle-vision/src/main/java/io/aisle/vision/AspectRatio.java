package io.aisle.vision;

/** The standard frame shapes Aisle delivers: square listing images, portrait social posts, wide banners. */
public enum AspectRatio {
    SQUARE(1, 1), PORTRAIT(4, 5), WIDE(16, 9);

    private final int across;
    private final int down;

    AspectRatio(int across, int down) {
        this.across = across;
        this.down = down;
    }

    /** Width over height. */
    public double ratio() { return (double) across / down; }

    /** The name used in files and JSON: {@code 1x1}, {@code 4x5}, {@code 16x9}. */
    public String label() { return across + "x" + down; }

    public static AspectRatio parse(String label) {
        for (AspectRatio a : values()) if (a.label().equals(label) || a.name().equalsIgnoreCase(label)) return a;
        throw new IllegalArgumentException("unknown aspect '" + label + "'; use 1x1, 4x5 or 16x9");
    }
}
