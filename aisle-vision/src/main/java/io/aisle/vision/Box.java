package io.aisle.vision;

/** An axis-aligned pixel rectangle, {@code x0,y0} inclusive and {@code x1,y1} exclusive. */
public record Box(int x0, int y0, int x1, int y1) {
    public int width() { return x1 - x0; }

    public int height() { return y1 - y0; }

    public boolean isEmpty() { return x1 <= x0 || y1 <= y0; }

    /** Width over height. */
    public double aspect() { return isEmpty() ? 0 : (double) width() / height(); }
}
