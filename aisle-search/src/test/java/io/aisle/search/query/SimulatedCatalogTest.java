package io.aisle.search.query;

import io.aisle.core.catalog.Product;
import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.ParsedQuery.NumericConstraint;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser on the synthetic catalogue: its vocabulary, its category accuracy on unseen titles, concurrent use. */
class SimulatedCatalogTest {
    private static final int LEARNED = 3000;
    private static final int HELD_OUT = 400;
    private static List<Product> catalogue;
    private static CatalogQueryUnderstanding parser;

    @BeforeAll static void load() {
        catalogue = new CatalogGenerator(CatalogConfig.of(11, LEARNED + HELD_OUT)).products().toList();
        parser = new CatalogQueryUnderstanding();
        catalogue.subList(0, LEARNED).forEach(parser::accept);
    }

    @Test void readsTheSimulatorsOwnQueries() {
        ParsedQuery p = parser.parse("16gb ram laptop under 1000");
        assertThat(p.numeric()).extracting(NumericConstraint::attribute, NumericConstraint::min, NumericConstraint::max, NumericConstraint::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ram", 16.0, 16.0, "GB"),
                        org.assertj.core.groups.Tuple.tuple("price", null, 1000.0, catalogue.get(0).price().currency()));
        assertThat(p.numeric().get(0).phrase()).isEqualTo("16gb ram");
        assertThat(p.text()).isEqualTo("laptop");
        assertThat(p.categories().get(0).path()).containsExactly("Electronics", "Computers", "Laptops");

        assertThat(parser.parse("1tb ssd laptop").numeric()).extracting(NumericConstraint::attribute, NumericConstraint::min, NumericConstraint::max)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("storage", 1000.0, 1024.0));
        assertThat(parser.parse("noise cancelling headphones").attributes())
                .extracting(ParsedQuery.AttributeConstraint::attribute).containsExactly("noise_cancelling");
        assertThat(parser.parse("laptop 15 inch").numeric()).extracting(NumericConstraint::attribute).containsExactly("screen_size");
    }

    @Test void brandsOfTheCatalogueAreFoundAndExcluded() {
        String brand = catalogue.stream().map(Product::brand).filter(b -> b != null && b.contains(" ")).findFirst().orElseThrow();
        ParsedQuery p = parser.parse(brand.toLowerCase(java.util.Locale.ROOT) + " headphones");
        assertThat(p.brands()).containsExactly(brand);
        assertThat(parser.parse("headphones not " + brand).excluded()).containsExactly(brand);
    }

    @Test void unseenTitlesAreMostlyPlacedInTheirCategory() {
        int right = 0;
        for (Product p : catalogue.subList(LEARNED, LEARNED + HELD_OUT)) {
            List<ParsedQuery.CategoryIntent> intents = parser.parse(p.title()).categories();
            if (!intents.isEmpty() && intents.get(0).path().equals(p.categoryPath())) right++;
        }
        double accuracy = right / (double) HELD_OUT;
        System.out.printf("category accuracy on %d held-out titles: %.3f%n", HELD_OUT, accuracy);
        assertThat(accuracy).isGreaterThan(0.9);
    }

    /** A simulated shopper's query and the category of the product picked right after it. */
    private record Search(String query, List<String> category) {}

    @Test void simulatedShoppersQueriesFindTheCategoryTheyPickFrom() {
        java.util.Map<io.aisle.core.catalog.ProductId, List<String>> paths = new java.util.HashMap<>();
        catalogue.forEach(p -> paths.put(p.id(), p.categoryPath()));
        var simulator = new io.aisle.simulator.ShopperSimulator(io.aisle.simulator.SimulationConfig.of(5, 300,
                java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.Instant.parse("2024-03-01T00:00:00Z")),
                io.aisle.simulator.CatalogView.of(catalogue));
        List<Search> searches = new java.util.ArrayList<>();
        java.util.Map<String, String> pending = new java.util.HashMap<>(); // session -> last query
        simulator.events().limit(400_000).forEach(e -> {
            if (e.name() == io.aisle.core.event.EventName.SEARCH && e.query() != null) {
                pending.put(e.sessionId(), e.query());
            } else if (e.name() == io.aisle.core.event.EventName.SELECT_ITEM && !e.items().isEmpty()) {
                String q = pending.remove(e.sessionId());
                List<String> path = paths.get(e.items().get(0).itemId());
                if (q != null && path != null) searches.add(new Search(q, path));
            }
        });
        assertThat(searches.size()).isGreaterThan(200);
        int half = searches.size() / 2;
        CatalogQueryUnderstanding learning = new CatalogQueryUnderstanding();
        catalogue.subList(0, LEARNED).forEach(learning::accept);
        searches.subList(0, half).forEach(s -> learning.learnSearch(s.query(), s.category()));
        double before = accuracy(parser, searches.subList(half, searches.size()));
        double after = accuracy(learning, searches.subList(half, searches.size()));
        System.out.printf("top category = picked category on %d simulated searches: %.3f (catalogue only), %.3f (after learning %d searches)%n",
                searches.size() - half, before, after, half);
        // Misses are mostly synonyms no title uses ("couch", "buggy", "trainers") and typos (the engine corrects those).
        assertThat(before).isGreaterThan(0.7);
        assertThat(after).isGreaterThan(0.9);
    }

    private static double accuracy(CatalogQueryUnderstanding qu, List<Search> searches) {
        int right = 0;
        for (Search s : searches) {
            List<ParsedQuery.CategoryIntent> intents = qu.parse(s.query()).categories();
            if (!intents.isEmpty() && intents.get(0).path().equals(s.category())) right++;
        }
        return right / (double) searches.size();
    }

    @Test void parsesWhileTheCatalogueChanges() throws Exception {
        CatalogQueryUnderstanding live = new CatalogQueryUnderstanding();
        List<Product> first = catalogue.subList(0, 1500);
        first.forEach(live::accept);
        List<String> queries = List.of("16gb ram laptop under 1000", "noise cancelling headphones for running",
                "not apple phone", "red running shoes size 10", "1tb ssd laptop between 800 and 1200");
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    int n = 0;
                    do {
                        for (String q : queries) {
                            assertThat(live.parse(q).original()).isEqualTo(q);
                            n++;
                        }
                    } while (!done.get());
                    return n;
                }));
            }
            catalogue.subList(1500, LEARNED).forEach(live::accept);
            first.forEach(p -> live.remove(p.id()));
            done.set(true);
            for (Future<Integer> f : readers) assertThat(f.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        CatalogQueryUnderstanding sequential = new CatalogQueryUnderstanding();
        catalogue.subList(1500, LEARNED).forEach(sequential::accept);
        assertThat(live.fingerprint()).isEqualTo(sequential.fingerprint());
        for (String q : queries) assertThat(live.parse(q)).isEqualTo(sequential.parse(q));
    }
}
