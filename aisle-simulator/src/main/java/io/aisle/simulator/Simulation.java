package io.aisle.simulator;

/** The shared, read-only parts of one simulation that timelines and session writers draw on. */
record Simulation(SimulationConfig config, CatalogView view, ItemModel items, PromotionCalendar promotions,
                  Seasonality seasons) {
    private static final long SESSION_STREAM = 0x53455353L;
    private static final long ARRIVAL_STREAM = 0x41525249L;

    ShopperTaste taste(int shopper) { return ShopperTaste.draw(shopper, config, view, items); }

    Rng sessionRng(int shopper, int session) { return new Rng(Rng.derive(config.seed() ^ SESSION_STREAM, shopper, session)); }

    Rng arrivalRng(int shopper) { return new Rng(Rng.derive(config.seed() ^ ARRIVAL_STREAM, shopper)); }

    SessionWriter newWriter() { return new SessionWriter(view, items, promotions, config); }
}
