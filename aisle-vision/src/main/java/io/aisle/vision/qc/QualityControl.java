package io.aisle.vision.qc;

import io.aisle.core.vision.Picture;
import io.aisle.vision.Box;
import io.aisle.vision.ColourDifference;
import io.aisle.vision.Lab;
import io.aisle.vision.ScenePreset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks every output passes before it is published, whatever generated it: product pixels identical to the
 * source, plausible scale and shape, brand colours, sharpness, edge artefacts, marketplace rules for main images,
 * and the matte's own confidence. A failed preservation or marketplace rule rejects; the rest send to review.
 */
public final class QualityControl {
    /** Marketplaces ask the product to fill at least 85% of a main image. */
    public static final double MAIN_MIN_FILL = 0.85;
    private final double minConfidence;
    private final double maxPaletteDistance;
    private final double minSharpness;

    /** Thresholds as shipped: confidence 0.55, palette distance 12 (CIEDE2000), Laplacian variance 4. */
    public QualityControl() { this(0.55, 12, 4); }

    public QualityControl(double minConfidence, double maxPaletteDistance, double minSharpness) {
        this.minConfidence = minConfidence;
        this.maxPaletteDistance = maxPaletteDistance;
        this.minSharpness = minSharpness;
    }

    public QcReport check(QcInput in) {
        List<QcCheck> checks = new ArrayList<>();
        checks.add(preservation(in));
        checks.add(scale(in));
        if (in.spec().preset() == ScenePreset.MAIN_WHITE) checks.add(marketplace(in));
        else checks.add(brandColour(in));
        checks.add(sharpness(in));
        checks.add(artefacts(in));
        checks.add(confidence(in));
        return QcReport.of(checks);
    }

    /** Inside the hard core every output pixel must equal the source pixel: the product is never redrawn. */
    static QcCheck preservation(QcInput in) {
        Picture src = in.source();
        Picture out = in.output();
        Box b = in.matte().bounds();
        int dx = in.placement().dx();
        int dy = in.placement().dy();
        long core = 0;
        long differing = 0;
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                int i = y * src.width() + x;
                if (!in.matte().isCore(i)) continue;
                core++;
                int tx = x + dx;
                int ty = y + dy;
                if (tx < 0 || ty < 0 || tx >= out.width() || ty >= out.height()
                        || ((src.argb()[i] ^ out.argb()[ty * out.width() + tx]) & 0xFFFFFF) != 0) {
                    differing++;
                }
            }
        }
        if (core == 0) return new QcCheck("product_preserved", Verdict.REJECT, 0, "the matte has no product core");
        if (differing > 0) {
            return new QcCheck("product_preserved", Verdict.REJECT, differing,
                    differing + " of " + core + " product pixels differ from the source");
        }
        return QcCheck.pass("product_preserved", 0, "all " + core + " product pixels identical to the source");
    }

    /** Product inside the frame, undistorted, at a fill the scene allows, with a shape plausible for its kind. */
    static QcCheck scale(QcInput in) {
        Box src = in.matte().bounds();
        Box placed = in.placement().placed(src);
        int cw = in.output().width();
        int ch = in.output().height();
        double fill = Math.max(placed.width() / (double) cw, placed.height() / (double) ch);
        List<String> problems = new ArrayList<>();
        if (placed.x0() < 0 || placed.y0() < 0 || placed.x1() > cw || placed.y1() > ch) problems.add("product is cut off by the frame");
        double aspect = src.aspect();
        var kind = in.facts().kind();
        if (aspect < kind.minAspect() || aspect > kind.maxAspect()) {
            problems.add(String.format(Locale.ROOT, "cut-out is %.2f wide per unit high, outside %.2f..%.2f for a %s",
                    aspect, kind.minAspect(), kind.maxAspect(), kind.noun()));
        }
        double min = in.spec().preset() == ScenePreset.MAIN_WHITE ? 0.5 : 0.2;
        if (fill < min || fill > 0.97) problems.add(String.format(Locale.ROOT, "product fills %.0f%% of the frame", fill * 100));
        if (!problems.isEmpty()) return new QcCheck("scale", Verdict.REVIEW, fill, String.join("; ", problems));
        return QcCheck.pass("scale", fill, String.format(Locale.ROOT, "fills %.0f%% of the frame, aspect %.2f", fill * 100, aspect));
    }

    /** Main image: background pure white (#FFFFFF) and the product filling at least 85% of the frame. */
    static QcCheck marketplace(QcInput in) {
        int[] layer = in.layer().argb();
        int[] out = in.output().argb();
        long off = 0;
        for (int i = 0; i < out.length; i++) {
            if ((layer[i] >>> 24) == 0 && (out[i] & 0xFFFFFF) != 0xFFFFFF) off++;
        }
        Box placed = in.placement().placed(in.matte().bounds());
        double fill = Math.max(placed.width() / (double) in.output().width(), placed.height() / (double) in.output().height());
        List<String> problems = new ArrayList<>();
        if (off > 0) problems.add(off + " background pixels are not pure white");
        if (fill < MAIN_MIN_FILL) problems.add(String.format(Locale.ROOT, "product fills %.0f%% of the frame, under 85%%", fill * 100));
        if (!problems.isEmpty()) return new QcCheck("marketplace_main", Verdict.REJECT, fill, String.join("; ", problems));
        return QcCheck.pass("marketplace_main", fill, String.format(Locale.ROOT, "pure white background, product fills %.0f%%", fill * 100));
    }

    /** The backdrop's average colour must be a tint or shade of a brand palette colour (CIEDE2000). */
    QcCheck brandColour(QcInput in) {
        if (in.palette().isEmpty()) return QcCheck.pass("brand_colour", 0, "no brand palette given");
        int[] layer = in.layer().argb();
        int[] scene = in.scene().argb();
        int w = in.scene().width();
        int rows = (int) (in.scene().height() * 0.6);
        long sr = 0;
        long sg = 0;
        long sb = 0;
        int n = 0;
        for (int y = 0; y < rows; y += 4) {
            for (int x = 0; x < w; x += 4) {
                int i = y * w + x;
                if ((layer[i] >>> 24) != 0) continue;
                sr += scene[i] >> 16 & 0xFF;
                sg += scene[i] >> 8 & 0xFF;
                sb += scene[i] & 0xFF;
                n++;
            }
        }
        if (n == 0) return QcCheck.pass("brand_colour", 0, "no backdrop visible");
        // The backdrop's average colour (averaged in sRGB, which is close enough for a smooth backdrop).
        double[] mean = Lab.of((int) (sr / n) << 16 | (int) (sg / n) << 8 | (int) (sb / n));
        double best = Double.MAX_VALUE;
        for (int colour : in.palette()) {
            for (int k = 0; k <= 9; k++) {
                best = Math.min(best, ColourDifference.ciede2000(mean, Lab.of(mix(colour, 0xFFFFFF, k / 10.0))));
            }
            for (int k = 1; k <= 3; k++) {
                best = Math.min(best, ColourDifference.ciede2000(mean, Lab.of(mix(colour, 0x000000, k / 10.0))));
            }
        }
        String detail = String.format(Locale.ROOT, "backdrop is %.1f dE2000 from the nearest palette tint (limit %.0f)", best, maxPaletteDistance);
        return new QcCheck("brand_colour", best <= maxPaletteDistance ? Verdict.PASS : Verdict.REVIEW, best, detail);
    }

    /** Variance of the Laplacian of lightness over the product: blurry sources or outputs go to review. */
    QcCheck sharpness(QcInput in) {
        double out = laplacianVariance(in);
        String detail = String.format(Locale.ROOT, "Laplacian variance %.1f (minimum %.1f)", out, minSharpness);
        return new QcCheck("sharpness", out >= minSharpness ? Verdict.PASS : Verdict.REVIEW, out, detail);
    }

    private static double laplacianVariance(QcInput in) {
        Picture out = in.output();
        int w = out.width();
        int[] px = out.argb();
        Box b = in.placement().placed(in.matte().bounds());
        int[] layer = in.layer().argb();
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = Math.max(1, b.y0()); y < Math.min(out.height() - 1, b.y1()); y += 2) {
            for (int x = Math.max(1, b.x0()); x < Math.min(w - 1, b.x1()); x += 2) {
                int i = y * w + x;
                if ((layer[i] >>> 24) != 255 || (layer[i - 1] >>> 24) != 255 || (layer[i + 1] >>> 24) != 255
                        || (layer[i - w] >>> 24) != 255 || (layer[i + w] >>> 24) != 255) continue;
                double lap = Lab.lightness(px[i - 1]) + Lab.lightness(px[i + 1]) + Lab.lightness(px[i - w])
                        + Lab.lightness(px[i + w]) - 4 * Lab.lightness(px[i]);
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        if (n == 0) return 0;
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /**
     * Edge and backdrop artefacts: a rim of studio-white kept inside the hard edge shows as a halo on a coloured
     * scene; large areas of clipped black or white in a generated scene look broken.
     */
    static QcCheck artefacts(QcInput in) {
        List<String> problems = new ArrayList<>();
        double halo = 0;
        if (in.spec().preset() != ScenePreset.MAIN_WHITE) {
            halo = fringe(in);
            if (halo > 0.3) problems.add(String.format(Locale.ROOT, "%.0f%% of the hard edge is backdrop-coloured (halo)", halo * 100));
            int[] layer = in.layer().argb();
            int[] scene = in.scene().argb();
            long bg = 0;
            long clipped = 0;
            for (int i = 0; i < scene.length; i += 7) {
                if ((layer[i] >>> 24) != 0) continue;
                bg++;
                int c = scene[i] & 0xFFFFFF;
                if (c == 0 || c == 0xFFFFFF) clipped++;
            }
            if (bg > 0 && clipped > 0.25 * bg) problems.add(String.format(Locale.ROOT, "%.0f%% of the scene is clipped to black or white", 100.0 * clipped / bg));
        }
        if (!problems.isEmpty()) return new QcCheck("artefacts", Verdict.REVIEW, halo, String.join("; ", problems));
        return QcCheck.pass("artefacts", halo, String.format(Locale.ROOT, "no halo (%.0f%% of the edge backdrop-coloured), no clipping", halo * 100));
    }

    private static double fringe(QcInput in) {
        var m = in.matte();
        int w = m.width();
        Box b = m.bounds();
        double[] bgLab = Lab.of(m.background());
        long edge = 0;
        long pale = 0;
        for (int y = Math.max(1, b.y0()); y < Math.min(m.height() - 1, b.y1()); y++) {
            for (int x = Math.max(1, b.x0()); x < Math.min(w - 1, b.x1()); x++) {
                int i = y * w + x;
                if (!m.isCore(i)) continue;
                if (m.isCore(i - 1) && m.isCore(i + 1) && m.isCore(i - w) && m.isCore(i + w)) continue;
                edge++;
                if (ColourDifference.cie76(Lab.of(in.source().argb()[i] & 0xFFFFFF), bgLab) < 6) pale++;
            }
        }
        return edge == 0 ? 0 : (double) pale / edge;
    }

    QcCheck confidence(QcInput in) {
        double c = in.matte().confidence();
        String detail = String.format(Locale.ROOT, "mask confidence %.2f (minimum %.2f)", c, minConfidence)
                + (in.matte().notes().isEmpty() ? "" : ": " + String.join("; ", in.matte().notes()));
        return new QcCheck("mask_confidence", c >= minConfidence ? Verdict.PASS : Verdict.REVIEW, c, detail);
    }

    private static int mix(int c1, int c2, double t) {
        int r = (int) Math.round((c1 >> 16 & 0xFF) * (1 - t) + (c2 >> 16 & 0xFF) * t);
        int g = (int) Math.round((c1 >> 8 & 0xFF) * (1 - t) + (c2 >> 8 & 0xFF) * t);
        int b = (int) Math.round((c1 & 0xFF) * (1 - t) + (c2 & 0xFF) * t);
        return r << 16 | g << 8 | b;
    }
}
