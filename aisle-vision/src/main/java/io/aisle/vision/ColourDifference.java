package io.aisle.vision;

/** Perceptual colour differences between two Lab colours: CIE76 (Euclidean) and CIEDE2000. */
public final class ColourDifference {
    private ColourDifference() {}

    public static double cie76(double[] p, double[] q) {
        double dl = p[0] - q[0];
        double da = p[1] - q[1];
        double db = p[2] - q[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    /** CIEDE2000 with kL = kC = kH = 1 (Sharma, Wu and Dalal, 2005). */
    public static double ciede2000(double[] p, double[] q) {
        double l1 = p[0];
        double a1 = p[1];
        double b1 = p[2];
        double l2 = q[0];
        double a2 = q[1];
        double b2 = q[2];
        double c1 = Math.hypot(a1, b1);
        double c2 = Math.hypot(a2, b2);
        double cMean = (c1 + c2) / 2;
        double c7 = Math.pow(cMean, 7);
        double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + Math.pow(25, 7))));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hueDegrees(b1, a1p);
        double h2p = hueDegrees(b2, a2p);

        double dLp = l2 - l1;
        double dCp = c2p - c1p;
        double dhp;
        if (c1p * c2p == 0) dhp = 0;
        else if (Math.abs(h2p - h1p) <= 180) dhp = h2p - h1p;
        else if (h2p - h1p > 180) dhp = h2p - h1p - 360;
        else dhp = h2p - h1p + 360;
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));

        double lMean = (l1 + l2) / 2;
        double cMeanP = (c1p + c2p) / 2;
        double hMeanP;
        if (c1p * c2p == 0) hMeanP = h1p + h2p;
        else if (Math.abs(h1p - h2p) <= 180) hMeanP = (h1p + h2p) / 2;
        else if (h1p + h2p < 360) hMeanP = (h1p + h2p + 360) / 2;
        else hMeanP = (h1p + h2p - 360) / 2;

        double t = 1 - 0.17 * Math.cos(Math.toRadians(hMeanP - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hMeanP))
                + 0.32 * Math.cos(Math.toRadians(3 * hMeanP + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hMeanP - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hMeanP - 275) / 25, 2));
        double cMeanP7 = Math.pow(cMeanP, 7);
        double rc = 2 * Math.sqrt(cMeanP7 / (cMeanP7 + Math.pow(25, 7)));
        double lm50 = (lMean - 50) * (lMean - 50);
        double sl = 1 + 0.015 * lm50 / Math.sqrt(20 + lm50);
        double sc = 1 + 0.045 * cMeanP;
        double sh = 1 + 0.015 * cMeanP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double x = dLp / sl;
        double y = dCp / sc;
        double z = dHp / sh;
        return Math.sqrt(x * x + y * y + z * z + rt * y * z);
    }

    private static double hueDegrees(double b, double ap) {
        if (b == 0 && ap == 0) return 0;
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }
}
