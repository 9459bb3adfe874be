package io.aisle.assistant;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.GroundingFact;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Intent classification, constraint extraction, reference resolution and the grounding verifier, each alone. */
class UnderstandingTest {
    private final IntentClassifier classifier = IntentClassifier.standard();
    private final ConstraintExtractor extractor = new ConstraintExtractor();
    private static final IntentClassifier.Context FRESH = new IntentClassifier.Context(false, false);
    private static final IntentClassifier.Context SHOWN = new IntentClassifier.Context(true, true);

    @Test void classifies_phrasings_it_was_not_trained_on() {
        assertThat(classifier.classify("hey, got any trail shoes below 90 bucks?", FRESH).intent()).isEqualTo(Intent.FIND);
        assertThat(classifier.classify("which of the two is lighter?", SHOWN).intent()).isEqualTo(Intent.COMPARE);
        assertThat(classifier.classify("does the third one come in red?", SHOWN).intent()).isEqualTo(Intent.QUESTION);
        assertThat(classifier.classify("only Norvik", SHOWN).intent()).isEqualTo(Intent.REFINE);
        assertThat(classifier.classify("when will my refund arrive?", SHOWN).intent()).isEqualTo(Intent.POLICY);
        assertThat(classifier.classify("tell me a funny joke", SHOWN).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
    }

    @Test void without_anything_shown_a_comparison_or_refinement_is_a_search() {
        assertThat(classifier.classify("only Norvik", FRESH).intent()).isEqualTo(Intent.FIND);
    }

    @Test void fits_its_own_training_set_well() {
        List<IntentClassifier.Example> examples = IntentClassifier.shippedExamples();
        long right = examples.stream().filter(e -> classifier.classify(e.text(), SHOWN).intent() == e.intent()).count();
        assertThat((double) right / examples.size()).isGreaterThan(0.9);
    }

    @Test void reads_price_bounds() {
        assertThat(extractor.extract("laptops under $800", null).constraints().maxPrice()).isEqualTo(800.0);
        assertThat(extractor.extract("nothing over 50 euros", null).constraints().maxPrice()).isEqualTo(50.0);
        var between = extractor.extract("a jacket between 80 and 120", null).constraints();
        assertThat(between.minPrice()).isEqualTo(80.0);
        assertThat(between.maxPrice()).isEqualTo(120.0);
        var around = extractor.extract("a gift around $50", null).constraints();
        assertThat(around.minPrice()).isEqualTo(40.0);
        assertThat(around.maxPrice()).isEqualTo(60.0);
        assertThat(extractor.extract("a laptop with more than 16 GB of ram", null).constraints().minPrice()).isNull();
        assertThat(extractor.extract("tents for 2 people", null).constraints().maxPrice()).isNull();
        assertThat(extractor.extract("budget is 1.5k for a camera", null).constraints().maxPrice()).isEqualTo(1500.0);
    }

    @Property(tries = 200) void an_upper_bound_is_read_exactly(@ForAll @IntRange(min = 1, max = 999_999) int amount) {
        assertThat(extractor.extract("show me shoes under $" + amount + " please", null).constraints().maxPrice()).isEqualTo((double) amount);
    }

    @Property(tries = 200) void a_range_always_has_min_at_most_max(@ForAll @IntRange(min = 0, max = 99_999) int a,
                                                                  @ForAll @IntRange(min = 0, max = 99_999) int b) {
        var c = extractor.extract("something between " + a + " and " + b + " dollars", null).constraints();
        assertThat(c.minPrice()).isLessThanOrEqualTo(c.maxPrice());
    }

    @Test void reads_a_use_case() {
        assertThat(extractor.extract("a laptop for video editing under 1500", null).constraints().useCase()).isEqualTo("video editing");
        assertThat(extractor.extract("show me laptops for me", null).constraints().useCase()).isNull();
    }

    @Test void a_refinement_keeps_what_it_does_not_change() {
        Constraints first = new Constraints("laptop", "Laptops", null, 900.0, List.of(), List.of(), List.of(), "gaming", List.of());
        Constraints narrower = first.refinedBy(new Constraints("norvik", null, null, null, List.of("Norvik"), List.of(), List.of(), null, List.of()));
        assertThat(narrower.category()).isEqualTo("Laptops");
        assertThat(narrower.maxPrice()).isEqualTo(900.0);
        assertThat(narrower.brands()).containsExactly("Norvik");
        Constraints other = narrower.refinedBy(new Constraints("tent", "Tents", null, null, List.of(), List.of(), List.of(), null, List.of()));
        assertThat(other.category()).isEqualTo("Tents");
        assertThat(other.brands()).isEmpty();
        assertThat(other.maxPrice()).isEqualTo(900.0);
    }

    @Test void resolves_positions_brands_colours_and_extremes() {
        List<Product> shown = List.of(p("P000001", "Sonorra", "89.99", "Black"), p("P000002", "Sonorra", "59.00", "Blue"),
                p("P000003", "Halden", "149.00", "Blue"));
        EntityResolver r = new EntityResolver();
        assertThat(ids(r.resolve("the second one", shown, null, 1))).containsExactly("P000002");
        assertThat(ids(r.resolve("and the last?", shown, null, 1))).containsExactly("P000003");
        assertThat(ids(r.resolve("#3 please", shown, null, 1))).containsExactly("P000003");
        assertThat(ids(r.resolve("the cheaper Sonorra", shown, null, 1))).containsExactly("P000002");
        assertThat(ids(r.resolve("the most expensive one", shown, null, 1))).containsExactly("P000003");
        assertThat(ids(r.resolve("that blue Halden", shown, null, 1))).containsExactly("P000003");
        assertThat(ids(r.resolve("the black one", shown, null, 1))).containsExactly("P000001");
        assertThat(ids(r.resolve("compare the first two", shown, null, 2))).containsExactly("P000001", "P000002");
        assertThat(ids(r.resolve("compare the Halden and the Sonorra", shown, null, 2))).containsExactly("P000003", "P000001");
        assertThat(ids(r.resolve("is it waterproof?", shown, shown.get(2), 1))).containsExactly("P000003");
        assertThat(ids(r.resolve("what about P000002?", shown, null, 1))).containsExactly("P000002");
    }

    @Test void the_verifier_catches_invented_ids_prices_values_brands_and_leaks() {
        List<GroundingFact> facts = List.of(new GroundingFact("P000001", "title", "Sonorra Drift"),
                new GroundingFact("P000001", "brand", "Sonorra"), new GroundingFact("P000001", "price", "89.99 USD"),
                new GroundingFact("P000001", "attr.battery_life", "30 h"), GroundingFact.of("budget_max", "100.00 USD"));
        GroundingVerifier v = new GroundingVerifier(text -> text.contains("Halden") ? List.of("Halden") : List.of());
        assertThat(v.check("The Sonorra Drift (P000001) is 89.99 USD, within 100.00 USD, and lasts 30 h.", facts)).isEmpty();
        assertThat(v.check("Also P000777.", facts)).singleElement().asString().contains("P000777");
        assertThat(v.check("Only $79.99!", facts)).singleElement().asString().contains("79.99");
        assertThat(v.check("It lasts 45 hours.", facts)).singleElement().asString().contains("45 hours");
        assertThat(v.check("Or try the Halden.", facts)).singleElement().asString().contains("Halden");
        assertThat(v.check("The api key is hidden.", facts)).singleElement().asString().contains("api key");
    }

    private static List<String> ids(List<Product> ps) { return ps.stream().map(p -> p.id().value()).toList(); }

    private static Product p(String id, String brand, String price, String colour) {
        return new Product(ProductId.of(id), null, brand + " " + id, "", brand, List.of("Audio", "Headphones"),
                Map.of("colour", new AttributeValue.Text(colour)), Money.of(price, "USD"), Map.of("m", 1), List.of(), null);
    }
}
