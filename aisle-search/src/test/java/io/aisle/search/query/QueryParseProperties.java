package io.aisle.search.query;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.ParsedQuery.NumericConstraint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the text, a parse is safe, sane and repeatable; whatever the product, removing it undoes accepting it. */
class QueryParseProperties {
    private static final CatalogQueryUnderstanding PARSER = TestCatalog.loaded(null);
    private static final List<String> PROBES = List.of("laptop for video editing under $2000", "red earbuds",
            "samsung tv between 500 and 1000", "headphones without bluetooth", "16gb ram", "running shoes for heel pain",
            "kitchen", "not apple phone", "over 2 kg", "4k tv", "zeta glow 5g phone");

    /** Query-like words, numbers, units, cues and junk, so random texts hit the parser's paths often. */
    private static final List<String> PIECES = List.of("under", "over", "between", "and", "to", "from", "at least",
            "max", "$", "€", "-", "+", "<", ">=", "\"", "50", "1,299", "15.6", "0", "-5", "1e309", "99999999999999999999",
            "2k", "gb", "16gb", "tb", "inch", "kg", "w", "mah", "pounds", "dollars", "not", "no", "without", "w/o",
            "-hp", "for", "samsung", "apple", "new balance", "red", "in-ear", "4k", "5g", "bluetooth", "laptop",
            "running shoes", "video editing", "title:", "(", ")", "*", "~", "AND", "OR", "😀", "עברית", "中文", "İstanbul",
            "ﬁ", "１６ＧＢ", "\u200b", "\u0301", "e\u0301", ",", ";", ".", "'s");

    @Provide Arbitrary<String> queries() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(512);
        Arbitrary<String> soup = Arbitraries.of(PIECES).list().ofMaxSize(40)
                .map(list -> String.join(" ", list))
                .filter(s -> s.length() <= 512);
        Arbitrary<String> glued = Arbitraries.of(PIECES).list().ofMaxSize(20).map(list -> String.join("", list));
        return Arbitraries.oneOf(anything, soup, glued);
    }

    @Property(tries = 400)
    void parsesAnythingSanely(@ForAll("queries") String query) {
        ParsedQuery p = PARSER.parse(query);
        assertThat(p.original()).isEqualTo(query);
        assertThat(p.text()).isEqualTo(p.text().strip());
        assertThat(p.correction()).isNull();
        for (String term : p.terms()) {
            assertThat(term).isNotBlank();
            assertThat(term).isEqualTo(term.toLowerCase(Locale.ROOT));
        }
        for (NumericConstraint n : p.numeric()) {
            assertThat(n.min() != null || n.max() != null).isTrue();
            if (n.min() != null) assertThat(Double.isFinite(n.min()) && n.min() >= 0).as("min of %s", n).isTrue();
            if (n.max() != null) assertThat(Double.isFinite(n.max()) && n.max() >= 0).as("max of %s", n).isTrue();
            if (n.min() != null && n.max() != null) assertThat(n.min()).isLessThanOrEqualTo(n.max());
            assertThat(n.phrase()).isNotBlank();
            assertThat(query).contains(n.phrase());
        }
        for (ParsedQuery.CategoryIntent c : p.categories()) assertThat(c.confidence()).isBetween(0.0, 1.0);
        assertThat(p.categories().size()).isLessThanOrEqualTo(3);
        assertThat(p.brands()).doesNotHaveDuplicates();
        assertThat(PARSER.parse(query)).isEqualTo(p);
    }

    @Property(tries = 100)
    void removingAProductRestoresTheVocabularyExactly(@ForAll("products") Product product, @ForAll("products") Product other) {
        CatalogQueryUnderstanding qu = TestCatalog.loaded(null);
        String before = qu.fingerprint();
        List<ParsedQuery> parses = PROBES.stream().map(qu::parse).toList();

        qu.accept(product);
        qu.accept(withId(other, product.id())); // a newer version replaces the first
        qu.remove(product.id());
        qu.remove(product.id()); // removing twice is harmless

        assertThat(qu.fingerprint()).isEqualTo(before);
        assertThat(PROBES.stream().map(qu::parse).toList()).isEqualTo(parses);
    }

    @Property(tries = 50)
    void removingTheWholeCatalogueLeavesNothing(@ForAll("products") Product product) {
        CatalogQueryUnderstanding qu = new CatalogQueryUnderstanding();
        String empty = qu.fingerprint();
        qu.accept(product);
        TestCatalog.products().forEach(qu::accept);
        TestCatalog.products().forEach(p -> qu.remove(p.id()));
        qu.remove(product.id());
        assertThat(qu.fingerprint()).isEqualTo(empty);
        assertThat(qu.productCount()).isZero();
    }

    @Provide Arbitrary<Product> products() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("red", "laptop", "samsung", "sony", "16gb", "wireless", "pro", "new", "balance", "in-ear", "ﬁne"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> title = word.list().ofMinSize(1).ofMaxSize(6).map(w -> String.join(" ", w));
        Arbitrary<String> brand = Arbitraries.oneOf(Arbitraries.of("Samsung", "HP", "New Balance", "", "Zeta Glow"), title);
        Arbitrary<List<String>> path = Arbitraries.oneOf(
                Arbitraries.of(TestCatalog.LAPTOPS, TestCatalog.RUNNING, List.<String>of(), List.of("Toys", "Robots")),
                title.list().ofMinSize(1).ofMaxSize(3));
        Arbitrary<AttributeValue> value = Arbitraries.oneOf(
                word.map(AttributeValue.Text::new),
                word.list().ofMaxSize(3).map(AttributeValue.Texts::new),
                Arbitraries.of(true, false).map(AttributeValue.Flag::new),
                Combinators.combine(Arbitraries.doubles().between(0, 1e6).ofScale(2),
                        Arbitraries.of("GB", "TB", "in", "inches", "kg", "W", "", "parsecs")).as(AttributeValue.Number::new));
        Arbitrary<Map<String, AttributeValue>> attributes = Arbitraries.maps(
                Arbitraries.of("colour", "memory", "storage", "good_for", "5g", "type", "weight", "bluetooth", "x_y"), value)
                .ofMaxSize(5).map(LinkedHashMap::new);
        Arbitrary<String> price = Arbitraries.integers().between(0, 100_000).map(String::valueOf);
        Arbitrary<String> currency = Arbitraries.of("USD", "EUR", "GBP");
        return Combinators.combine(Arbitraries.integers().between(1, 1_000_000), title, brand, path, attributes, price, currency)
                .as((n, t, b, p, a, pr, c) -> new Product(ProductId.of("gen-" + n), null, t, "", b, p, a, Money.of(pr, c),
                        Map.of(), List.of(), null));
    }

    private static Product withId(Product p, ProductId id) {
        return new Product(id, p.parentId(), p.title(), p.description(), p.brand(), p.categoryPath(), p.attributes(),
                p.price(), p.stock(), p.images(), p.url());
    }
}
