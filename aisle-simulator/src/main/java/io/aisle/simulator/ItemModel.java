package io.aisle.simulator;

import java.util.Arrays;

/**
 * The hidden truths about products that shoppers react to but the catalogue does not state: a latent taste vector
 * (partly the brand's style, partly the product's own) and a Zipf-like popularity, from which listings are sampled.
 */
final class ItemModel {
    static final int DIMENSIONS = 8;
    private static final long ITEM_STREAM = 0x4954454DL;
    private static final long BRAND_STREAM = 0x4252414EL;
    private static final double ZIPF_EXPONENT = 0.9;

    private final CatalogView view;
    private final float[] latent;
    private final float[] brandStyle;
    private final float[] popularity;
    private final double[][] cumulative;
    private final int[][][] brandItems;
    private final double[][][] brandCumulative;

    ItemModel(CatalogView view, long seed) {
        this.view = view;
        int n = view.size();
        brandStyle = new float[view.brandCount() * DIMENSIONS];
        for (int b = 0; b < view.brandCount(); b++) {
            Rng rng = new Rng(Rng.derive(seed ^ BRAND_STREAM, Rng.hash(view.brandName(b))));
            unit(rng, brandStyle, b * DIMENSIONS);
        }
        latent = new float[n * DIMENSIONS];
        popularity = new float[n];
        float[] noise = new float[DIMENSIONS];
        for (int i = 0; i < n; i++) {
            if (view.parent(i) >= 0) continue; // variants share their parent's taste and popularity
            Rng rng = new Rng(Rng.derive(seed ^ ITEM_STREAM, Rng.hash(view.id(i).value())));
            unit(rng, noise, 0);
            int at = i * DIMENSIONS, style = view.brand(i) * DIMENSIONS;
            double norm = 0;
            for (int d = 0; d < DIMENSIONS; d++) {
                latent[at + d] = 0.6f * brandStyle[style + d] + 0.8f * noise[d];
                norm += latent[at + d] * latent[at + d];
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < DIMENSIONS; d++) latent[at + d] *= scale;
            int peers = view.categoryInfo(view.category(i)).items().length;
            popularity[i] = (float) StrictMath.pow(rng.nextDouble() * peers + 1, -ZIPF_EXPONENT);
        }
        int categories = view.categoryCount();
        cumulative = new double[categories][];
        brandItems = new int[categories][][];
        brandCumulative = new double[categories][][];
        for (int c = 0; c < categories; c++) {
            CategoryInfo info = view.categoryInfo(c);
            cumulative[c] = cumulate(info.items());
            int[] brands = info.brands();
            int[] counts = new int[brands.length];
            for (int item : info.items()) counts[Arrays.binarySearch(brands, view.brand(item))]++;
            brandItems[c] = new int[brands.length][];
            for (int b = 0; b < brands.length; b++) brandItems[c][b] = new int[counts[b]];
            Arrays.fill(counts, 0);
            for (int item : info.items()) {
                int b = Arrays.binarySearch(brands, view.brand(item));
                brandItems[c][b][counts[b]++] = item;
            }
            brandCumulative[c] = new double[brands.length][];
            for (int b = 0; b < brands.length; b++) brandCumulative[c][b] = cumulate(brandItems[c][b]);
        }
    }

    private double[] cumulate(int[] items) {
        double[] out = new double[items.length];
        double total = 0;
        for (int k = 0; k < items.length; k++) {
            total += popularity[items[k]];
            out[k] = total;
        }
        return out;
    }

    private static void unit(Rng rng, float[] into, int at) {
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            double g = rng.gaussian();
            into[at + d] = (float) g;
            norm += g * g;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) into[at + d] *= scale;
    }

    /** Taste match in [-1, 1] between a shopper vector and a product (a variant counts as its parent). */
    double match(float[] shopper, int item) {
        int p = view.parent(item);
        int at = (p >= 0 ? p : item) * DIMENSIONS;
        double dot = 0;
        for (int d = 0; d < DIMENSIONS; d++) dot += shopper[d] * latent[at + d];
        return dot;
    }

    /** Popularity weight of a listable product: 1 for the most popular of its category, falling off as a power law. */
    double popularity(int item) {
        int p = view.parent(item);
        return popularity[p >= 0 ? p : item];
    }

    float[] latent(int item) { return Arrays.copyOfRange(latent, item * DIMENSIONS, (item + 1) * DIMENSIONS); }

    /** The brand's style vector, which shoppers loyal to the brand lean towards. */
    void brandStyle(int brand, float[] into, float weight) {
        for (int d = 0; d < DIMENSIONS; d++) into[d] += weight * brandStyle[brand * DIMENSIONS + d];
    }

    /** A listable product of the category, drawn by popularity. */
    int sample(int category, Rng rng) {
        return view.categoryInfo(category).items()[rng.pickCumulative(cumulative[category])];
    }

    /** A listable product of the category and brand (position in the category's brand list), drawn by popularity. */
    int sampleBrand(int category, int brandPosition, Rng rng) {
        return brandItems[category][brandPosition][rng.pickCumulative(brandCumulative[category][brandPosition])];
    }
}
