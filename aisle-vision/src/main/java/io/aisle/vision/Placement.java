package io.aisle.vision;

/**
 * Where the product goes on an output canvas: source pixel (x, y) lands on canvas pixel (x + dx, y + dy). Always a
 * whole-pixel translation, never a resampling, which is what lets every output carry the source's product pixels
 * bit for bit.
 */
public record Placement(int canvasWidth, int canvasHeight, int dx, int dy) {

    private static final int MAX_SIDE = 4096;

    /** Places {@code product} (its bounds in the source) for {@code spec}, at the preset's fill. */
    public static Placement of(Box product, OutputSpec spec) {
        ScenePreset preset = spec.preset();
        double ratio = spec.aspect().ratio();
        double bw = product.width();
        double bh = product.height();
        double fill = preset.fill();
        double ch;
        if (preset == ScenePreset.MAIN_WHITE) {
            // The longer relative side fills the frame; the other fits inside.
            ch = bw / bh > ratio ? bw / fill / ratio : bh / fill;
        } else {
            ch = bh / fill;
            // Leave room across for wide products.
            ch = Math.max(ch, bw / 0.8 / ratio);
        }
        double cw = ch * ratio;
        double scaleDown = Math.max(cw, ch) > MAX_SIDE ? MAX_SIDE / Math.max(cw, ch) : 1;
        int canvasW = Math.max(product.width(), (int) Math.round(cw * scaleDown));
        int canvasH = Math.max(product.height(), (int) Math.round(ch * scaleDown));
        int left;
        int top;
        if (preset == ScenePreset.MAIN_WHITE) {
            left = (canvasW - product.width()) / 2;
            top = (canvasH - product.height()) / 2;
        } else {
            double centre = spec.aspect() == AspectRatio.WIDE ? 0.62 : 0.5;
            left = (int) Math.round(canvasW * centre - product.width() / 2.0);
            left = Math.max(0, Math.min(canvasW - product.width(), left));
            top = (int) Math.round(canvasH * preset.floor()) - product.height();
            top = Math.max(0, Math.min(canvasH - product.height(), top));
        }
        return new Placement(canvasW, canvasH, left - product.x0(), top - product.y0());
    }

    /** Where the product's bounds land on the canvas. */
    public Box placed(Box product) {
        return new Box(product.x0() + dx, product.y0() + dy, product.x1() + dx, product.y1() + dy);
    }
}
