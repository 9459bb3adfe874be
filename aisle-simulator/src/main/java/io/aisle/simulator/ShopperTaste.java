package io.aisle.simulator;

import io.aisle.core.event.Actor;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.util.Arrays;

/**
 * One shopper's hidden make-up, redrawn from (seed, index) whenever needed so idle shoppers cost no memory: which
 * categories they care about, the brands they like there, a taste vector, price sensitivity, how often they visit,
 * their usual device and their market.
 */
final class ShopperTaste {
    static final String[] DEVICES = {"mobile", "desktop", "tablet"};
    private static final double[] DEVICE_SHARE = {0.60, 0.92, 1.0};
    private static final long TASTE_STREAM = 0x54415354L;
    /** Weight of a category the shopper has no particular interest in, against about 1 for a preferred one. */
    private static final double BACKGROUND = 0.05;

    final int index;
    final Actor known;       // shopper id and device id, when they have an account
    final Actor anonymous;   // device id only
    final double[] categoryWeight;
    final int[] preferred;   // strongest first
    final int[] favouriteBrands;
    final double[] brandAffinity;
    final float[] latent;
    final double priceSensitivity;
    final double sessionsPerWeek;
    final int device;
    final int market;

    private ShopperTaste(int index, Actor known, Actor anonymous, double[] categoryWeight, int[] preferred,
                         int[] favouriteBrands, double[] brandAffinity, float[] latent, double priceSensitivity,
                         double sessionsPerWeek, int device, int market) {
        this.index = index;
        this.known = known;
        this.anonymous = anonymous;
        this.categoryWeight = categoryWeight;
        this.preferred = preferred;
        this.favouriteBrands = favouriteBrands;
        this.brandAffinity = brandAffinity;
        this.latent = latent;
        this.priceSensitivity = priceSensitivity;
        this.sessionsPerWeek = sessionsPerWeek;
        this.device = device;
        this.market = market;
    }

    static ShopperTaste draw(int index, SimulationConfig config, CatalogView view, ItemModel items) {
        Rng rng = new Rng(Rng.derive(config.seed() ^ TASTE_STREAM, index));
        boolean hasAccount = rng.chance(config.loggedInShare());
        AnonymousId device = AnonymousId.of("anon-" + config.runTag() + "-" + Long.toHexString(rng.nextLong()));
        Actor anonymous = new Actor(null, device);
        Actor known = hasAccount ? new Actor(ShopperId.of("U" + config.runTag() + "-" + index), device) : null;

        int categories = view.categoryCount();
        double[] weight = new double[categories];
        double[] draw = new double[categories];
        double total = 0;
        for (int c = 0; c < categories; c++) {
            int listed = view.categoryInfo(c).items().length;
            // Big departments attract more fans, but less than in proportion to their size.
            draw[c] = listed == 0 ? 0 : Math.sqrt(listed);
            weight[c] = listed == 0 ? 0 : BACKGROUND;
            total += draw[c];
        }
        int want = Math.min(2 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0), (int) Arrays.stream(draw).filter(d -> d > 0).count());
        int[] preferred = new int[want];
        for (int k = 0; k < want; k++) {
            double x = rng.nextDouble() * total;
            int c = 0;
            while (c < categories - 1 && (x -= draw[c]) >= 0) c++;
            while (draw[c] == 0) c = (c + 1) % categories; // guards rounding at the end of the scan
            preferred[k] = c;
            total -= draw[c];
            draw[c] = 0;
            weight[c] = rng.logNormal(1.0, 0.4);
        }
        Integer[] order = Arrays.stream(preferred).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(weight[b], weight[a]));
        for (int k = 0; k < want; k++) preferred[k] = order[k];

        int[] brands = new int[want * 2];
        double[] affinity = new double[want * 2];
        int n = 0;
        for (int c : preferred) {
            int[] here = view.categoryInfo(c).brands();
            int likes = Math.min(here.length, rng.chance(0.5) ? 2 : 1);
            for (int k = 0; k < likes; k++) {
                int b = here[rng.nextInt(here.length)];
                boolean seen = false;
                for (int j = 0; j < n; j++) seen |= brands[j] == b;
                if (seen) continue;
                brands[n] = b;
                affinity[n++] = rng.uniform(0.6, 1.4);
            }
        }
        float[] latent = new float[ItemModel.DIMENSIONS];
        double norm = 0;
        for (int d = 0; d < latent.length; d++) latent[d] = (float) (0.8 * rng.gaussian() / Math.sqrt(latent.length));
        // Loyalty and taste agree: a shopper leans towards the style of the brand they like most.
        if (n > 0) items.brandStyle(brands[0], latent, 0.6f);
        for (float v : latent) norm += v * v;
        for (int d = 0; d < latent.length; d++) latent[d] /= (float) Math.sqrt(norm);

        double sensitivity = Math.clamp(rng.logNormal(1.0, 0.45), 0.25, 3.0);
        double perWeek = Math.clamp(rng.logNormal(config.sessionsPerWeek() * (hasAccount ? 1.3 : 0.8), 0.8), 0.02, 20.0);
        double u = rng.nextDouble();
        int deviceKind = u < DEVICE_SHARE[0] ? 0 : u < DEVICE_SHARE[1] ? 1 : 2;
        double m = rng.nextDouble();
        int market = 0;
        while (market < Seasonality.MARKETS.size() - 1 && (m -= Seasonality.MARKETS.get(market).share()) >= 0) market++;
        return new ShopperTaste(index, known, anonymous, weight, preferred, Arrays.copyOf(brands, n),
                Arrays.copyOf(affinity, n), latent, sensitivity, perWeek, deviceKind, market);
    }

    /** How much the shopper likes a brand: 0 for brands they have no feeling about. */
    double affinity(int brand) {
        for (int k = 0; k < favouriteBrands.length; k++) if (favouriteBrands[k] == brand) return brandAffinity[k];
        return 0;
    }
}
