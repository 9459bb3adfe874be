package io.aisle.simulator;

import io.aisle.core.catalog.Product;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins a fingerprint of the output for fixed seeds, so output that changes between runs, JDKs or machines is caught
 * here rather than as a flaky benchmark. A deliberate change to the generator or the behaviour model changes the
 * fingerprints: update them in the same commit and say so in its message.
 */
class GoldenOutputTest {
    private static final String CATALOGUE = "7de5e6a6bec6f26c";
    private static final String EVENTS = "3fbd8bf7f728d99f";

    @Test
    void the_catalogue_for_seed_42_is_unchanged() {
        List<Product> products = new CatalogGenerator(CatalogConfig.of(42, 500)).products().toList();
        long h = 17;
        for (Product p : products) {
            h = mix(h, p.id().value() + "|" + p.parentId() + "|" + p.title() + "|" + p.description() + "|" + p.price()
                    + "|" + p.stock() + "|" + p.attributes().keySet());
        }
        assertThat(Long.toHexString(h)).isEqualTo(CATALOGUE);
    }

    @Test
    void the_events_for_seed_7_are_unchanged() {
        CatalogView view = CatalogView.of(new CatalogGenerator(CatalogConfig.of(42, 500)));
        SimulationConfig config = SimulationConfig.of(7, 50, Instant.parse("2025-11-20T00:00:00Z"), Instant.parse("2025-12-05T00:00:00Z"));
        long h = 17;
        for (ShopperEvent e : new ShopperSimulator(config, view).events().toList()) {
            StringBuilder s = new StringBuilder().append(e.id()).append(e.name()).append(e.actor().key()).append(e.timestamp())
                    .append(e.query()).append(e.filters()).append(e.value()).append(e.dwellMs()).append(e.scrollPct())
                    .append(e.zoom()).append(e.context().pageUrl()).append(e.context().device());
            for (EventItem i : e.items()) s.append(i.itemId()).append(i.price()).append(i.quantity()).append(i.index());
            h = mix(h, s.toString());
        }
        assertThat(Long.toHexString(h)).isEqualTo(EVENTS);
    }

    private static long mix(long h, String s) { return Rng.mix(h * 31 + Rng.hash(s)); }
}
