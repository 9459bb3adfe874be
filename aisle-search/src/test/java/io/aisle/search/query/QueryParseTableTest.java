package io.aisle.search.query;

import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.ParsedQuery.AttributeConstraint;
import io.aisle.core.search.ParsedQuery.NumericConstraint;
import io.aisle.core.search.ParsedQuery.UseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.aisle.search.query.TestCatalog.HEADPHONES;
import static io.aisle.search.query.TestCatalog.KETTLES;
import static io.aisle.search.query.TestCatalog.LAPTOPS;
import static io.aisle.search.query.TestCatalog.PHONES;
import static io.aisle.search.query.TestCatalog.RUNNING;
import static io.aisle.search.query.TestCatalog.TVS;
import static org.assertj.core.api.Assertions.assertThat;

/** Many queries against the hand-made catalogue, each with its whole expected parse (no vectors). */
class QueryParseTableTest {
    private static final CatalogQueryUnderstanding PARSER = TestCatalog.loaded(null);

    /**
     * An expected parse. Numeric constraints are written "attribute min..max unit" (an open bound left empty),
     * attributes "name=[values]"; {@code category} null means "not checked", an empty list means "none expected".
     */
    record Case(String query, String text, List<String> brands, List<String> excluded, List<String> numeric,
                List<String> attributes, List<String> category, List<String> useCases) {
        static Case of(String query, String text) {
            return new Case(query, text, List.of(), List.of(), List.of(), List.of(), null, List.of());
        }

        Case brands(String... b) { return new Case(query, text, List.of(b), excluded, numeric, attributes, category, useCases); }

        Case excluded(String... e) { return new Case(query, text, brands, List.of(e), numeric, attributes, category, useCases); }

        Case numeric(String... n) { return new Case(query, text, brands, excluded, List.of(n), attributes, category, useCases); }

        Case attributes(String... a) { return new Case(query, text, brands, excluded, numeric, List.of(a), category, useCases); }

        Case category(List<String> c) { return new Case(query, text, brands, excluded, numeric, attributes, c, useCases); }

        Case useCases(String... u) { return new Case(query, text, brands, excluded, numeric, attributes, category, List.of(u)); }

        @Override public String toString() { return query; }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // the brief's examples
                Case.of("laptop for video editing under $2000", "laptop for video editing")
                        .numeric("price ..2000 USD").category(LAPTOPS).useCases("video editing"),
                Case.of("running shoes for plantar fasciitis", "running shoes for plantar fasciitis")
                        .category(RUNNING).useCases("plantar fasciitis"),
                Case.of("headphones without bluetooth", "headphones").excluded("bluetooth").category(HEADPHONES),
                Case.of("samsung tv between 500 and 1000", "samsung tv").brands("Samsung").numeric("price 500..1000 USD").category(TVS),
                Case.of("over 16GB laptop", "laptop").numeric("memory 16.. GB").category(LAPTOPS),
                Case.of("not apple phone", "phone").excluded("Apple").category(PHONES),
                // prices
                Case.of("under $2000", "").numeric("price ..2000 USD").category(List.of()),
                Case.of("below 50", "").numeric("price ..50 USD"),
                Case.of("less than 100 dollars", "").numeric("price ..100 USD"),
                Case.of("$50-$100", "").numeric("price 50..100 USD"),
                Case.of("between 50 and 100", "").numeric("price 50..100 USD"),
                Case.of("between $100 and $50", "").numeric("price 50..100 USD"),
                Case.of("from 20 to 40 euros", "").numeric("price 20..40 USD"),
                Case.of("< 300", "").numeric("price ..300 USD"),
                Case.of("<=300 headset", "headset").numeric("price ..300 USD"),
                Case.of("cheaper than 30", "").numeric("price ..30 USD"),
                Case.of("under 2k", "").numeric("price ..2000 USD"),
                Case.of("laptop under $1,299.99", "laptop").numeric("price ..1299.99 USD"),
                Case.of("$500 phone", "phone").numeric("price ..500 USD"),
                Case.of("shoes 100 dollars or less", "shoes").numeric("price ..100 USD"),
                // quantities with units
                Case.of("at least 8 gb ram", "ram").numeric("memory 8.. GB"),
                Case.of("16gb+", "").numeric("memory 16.. GB"),
                Case.of("16 GB", "").numeric("memory 16..16 GB"),
                Case.of("16gb", "").numeric("memory 16..16 GB"),
                Case.of("16 gigabytes", "").numeric("memory 16..16 GB"),
                Case.of("16gb memory laptop", "laptop").numeric("memory 16..16 GB"),
                Case.of("1tb storage", "").numeric("storage 1000..1024 GB"),
                Case.of("512gb phone", "phone").numeric("storage 512..512 GB"),
                Case.of("8-16gb laptop", "laptop").numeric("memory 8..16 GB"),
                Case.of("more than 500 w kettle", "kettle").numeric("power 500.. W").category(KETTLES),
                Case.of("max 2kg", "").numeric("weight ..2 kg"),
                Case.of("at most 1.5 kg laptop", "laptop").numeric("weight ..1.5 kg"),
                Case.of("laptop 2kg max", "laptop").numeric("weight ..2 kg"),
                Case.of("15.6 inch laptop", "laptop").numeric("screen_size 15.6..15.6 in"),
                Case.of("55\" tv", "tv").numeric("screen_size 55..55 in"),
                Case.of("screen size under 14", "").numeric("screen_size ..14 in"),
                Case.of("phone over 4500 mah", "phone").numeric("battery_capacity 4500.. mAh"),
                Case.of("48mp phone", "phone").numeric("main_camera 48..48 MP"),
                Case.of("samsung 65 inch tv under 2500", "samsung tv").brands("Samsung")
                        .numeric("screen_size 65..65 in", "price ..2500 USD"),
                Case.of("tv 2023", "tv 2023"),
                Case.of("iphone 15 plus", "iphone 15 plus"),
                Case.of("galaxy 10 max", "galaxy 10 max"),
                Case.of("500 or less", "").numeric("price ..500 USD"),
                Case.of("under 50% off", "under 50% off"),
                Case.of("usb-c with", "usb-c with"),
                Case.of("under 16gb", "").numeric("memory ..16 GB"),
                Case.of("over 300 hz monitor", "over 300 hz monitor"), // no attribute carries Hz here
                // attributes and flags
                Case.of("red earbuds", "red earbuds").attributes("colour=[Red]").category(HEADPHONES),
                Case.of("4k tv", "4k tv").attributes("resolution=[4K]").category(TVS),
                Case.of("in-ear headphones", "in-ear headphones").attributes("type=[In-Ear]"),
                Case.of("in ear headphones", "in ear headphones").attributes("type=[In-Ear]"),
                Case.of("noise cancelling headphones", "noise cancelling headphones").attributes("noise_cancelling=[yes]"),
                Case.of("bluetooth headphones", "bluetooth headphones").attributes("bluetooth=[yes]"),
                Case.of("5g phone", "5g phone").attributes("5g=[yes]"),
                Case.of("phones with 5g", "phones with 5g").attributes("5g=[yes]"),
                Case.of("red or blue shoes", "red or blue shoes").attributes("colour=[Red, Blue]"),
                Case.of("non-stick pan", "non-stick pan").attributes("material=[non-stick]"),
                Case.of("stainless steel kettle", "stainless steel kettle").attributes("material=[stainless steel]"),
                Case.of("space grey macbook", "space grey macbook").attributes("colour=[Space Grey]"),
                Case.of("the best pro phone", "the best pro phone"),
                // brands
                Case.of("new balance running shoes", "new balance running shoes").brands("New Balance").category(RUNNING),
                Case.of("newbalance shoes", "newbalance shoes").brands("New Balance"),
                Case.of("SONY headphones", "SONY headphones").brands("Sony"),
                Case.of("ＳＡＭＳＵＮＧ ｔｖ", "ＳＡＭＳＵＮＧ ｔｖ").brands("Samsung"),
                Case.of("dell xps 15 laptop", "dell xps 15 laptop").brands("Dell"),
                Case.of("dell or hp laptop", "dell or hp laptop").brands("Dell", "HP"),
                Case.of("le creuset casserole", "le creuset casserole").brands("Le Creuset"),
                // negations
                Case.of("-hp laptop", "laptop").excluded("HP"),
                Case.of("laptop no hp", "laptop").excluded("HP"),
                Case.of("without sony", "").excluded("Sony"),
                Case.of("headphones w/o noise cancelling", "headphones").excluded("noise_cancelling"),
                Case.of("earbuds not red", "earbuds").excluded("Red"),
                Case.of("charger no cable", "charger").excluded("cable"),
                Case.of("phone without a case", "phone").excluded("case"),
                Case.of("usb-c cable", "usb-c cable"),
                Case.of("no more than 40 dollars", "").numeric("price ..40 USD"),
                // use cases
                Case.of("laptop for gaming and video editing", "laptop for gaming and video editing")
                        .useCases("gaming", "video editing"),
                Case.of("headphones for long flights", "headphones for long flights").useCases("long flights"),
                Case.of("gift for dad", "gift for dad"),
                // text and folding
                Case.of("Café crème", "Café crème"),
                Case.of("  lots   of    space  ", "lots of space"),
                Case.of("", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void parses(Case c) {
        ParsedQuery p = PARSER.parse(c.query());
        assertThat(p.original()).isEqualTo(c.query());
        assertThat(p.text()).as("text").isEqualTo(c.text());
        assertThat(p.terms()).as("terms").isEqualTo(FoldedText.words(c.text()));
        assertThat(p.correction()).isNull();
        assertThat(p.brands()).as("brands").isEqualTo(c.brands());
        assertThat(p.excluded()).as("excluded").isEqualTo(c.excluded());
        assertThat(p.numeric().stream().map(QueryParseTableTest::render).toList()).as("numeric").isEqualTo(c.numeric());
        assertThat(p.attributes().stream().map(a -> a.attribute() + "=" + a.values()).toList()).as("attributes")
                .isEqualTo(c.attributes());
        assertThat(p.useCases().stream().map(UseCase::phrase).toList()).as("use cases").isEqualTo(c.useCases());
        if (c.category() != null) {
            if (c.category().isEmpty()) assertThat(p.categories()).as("categories").isEmpty();
            else assertThat(p.categories()).as("categories").isNotEmpty().first()
                    .satisfies(i -> assertThat(i.path()).isEqualTo(c.category()));
        }
    }

    @Test void phrasesQuoteTheQueryAsWritten() {
        ParsedQuery p = PARSER.parse("Laptop UNDER $2000 with 16 GB Memory, Space Grey");
        assertThat(p.numeric()).extracting(NumericConstraint::phrase).containsExactly("UNDER $2000", "16 GB Memory");
        assertThat(p.attributes()).extracting(AttributeConstraint::phrase).containsExactly("Space Grey");
        assertThat(p.text()).isEqualTo("Laptop with Space Grey");
    }

    @Test void useCaseSuggestsTheSpelledValueWithoutVectors() {
        UseCase u = PARSER.parse("laptop for video editing").useCases().get(0);
        assertThat(u.suggests()).containsExactly(new AttributeConstraint("good_for", List.of("video editing"), "video editing"));
        assertThat(u.similarity()).isEqualTo(1.0);
    }

    @Test void categoryConfidencesAreProbabilitiesMostLikelyFirst() {
        for (String q : List.of("laptop", "kitchen", "electronics", "samsung", "red", "headphones for running", "shoes")) {
            List<ParsedQuery.CategoryIntent> intents = PARSER.parse(q).categories();
            assertThat(intents).allSatisfy(i -> assertThat(i.confidence()).isBetween(0.25, 1.0));
            for (int i = 1; i < intents.size(); i++) {
                assertThat(intents.get(i).confidence()).isLessThanOrEqualTo(intents.get(i - 1).confidence());
            }
        }
    }

    @Test void aWordOfNoCategoryGivesNoIntent() {
        assertThat(PARSER.parse("xyzzy").categories()).isEmpty();
        assertThat(PARSER.parse("black").categories()).isEmpty();
    }

    @Test void aParentIsNamedWhenNoLeafStandsOut() {
        assertThat(PARSER.parse("kitchen").categories().get(0).path()).containsExactly("Home", "Kitchen");
    }

    @Test void pastSearchesTeachCategories() {
        CatalogQueryUnderstanding qu = TestCatalog.loaded(null);
        assertThat(qu.parse("notebook").categories()).isEmpty();
        for (int i = 0; i < 3; i++) qu.learnSearch("notebook", LAPTOPS);
        qu.learnSearch("cheap notebook", LAPTOPS);
        assertThat(qu.parse("notebook").categories()).isNotEmpty()
                .first().satisfies(i -> assertThat(i.path()).isEqualTo(LAPTOPS));
    }

    @Test void poundsAreMoneyOnlyInAPoundCatalogue() {
        CatalogQueryUnderstanding qu = new CatalogQueryUnderstanding();
        TestCatalog.products().forEach(qu::accept);
        // a dollar catalogue: pounds weigh
        assertThat(qu.parse("under 5 pounds").numeric()).extracting(NumericConstraint::attribute).containsExactly("weight");
        assertThat(qu.parse("under 5 pounds").numeric().get(0).max()).isCloseTo(2.268, org.assertj.core.data.Offset.offset(0.001));
        CatalogQueryUnderstanding gbp = new CatalogQueryUnderstanding();
        for (var p : TestCatalog.products()) {
            gbp.accept(new io.aisle.core.catalog.Product(p.id(), null, p.title(), "", p.brand(), p.categoryPath(),
                    p.attributes(), io.aisle.core.catalog.Money.of(p.price().amount().toPlainString(), "GBP"), p.stock(), List.of(), null));
        }
        assertThat(gbp.parse("under 5 pounds").numeric()).extracting(NumericConstraint::attribute, NumericConstraint::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("price", "GBP"));
    }

    @Test void anEmptyCatalogueStillParsesPrices() {
        ParsedQuery p = new CatalogQueryUnderstanding().parse("red laptop under $500 for school");
        assertThat(p.numeric()).extracting(QueryParseTableTest::render).containsExactly("price ..500 USD");
        assertThat(p.text()).isEqualTo("red laptop for school");
        assertThat(p.brands()).isEmpty();
        assertThat(p.attributes()).isEmpty();
        assertThat(p.categories()).isEmpty();
        assertThat(p.useCases()).isEmpty();
    }

    static String render(NumericConstraint n) {
        return n.attribute() + " " + number(n.min()) + ".." + number(n.max()) + " " + n.unit();
    }

    private static String number(Double d) {
        if (d == null) return "";
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
