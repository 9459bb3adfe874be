package io.aisle.server.recommend;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Recommendation;
import io.aisle.core.recommend.Surface;
import io.aisle.store.embedded.EmbeddedStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules on a live catalogue (an embedded store followed by {@link LiveCatalogue}), one at a time. */
class BusinessRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Surface HOME = new Surface.Home("s:ann");
    private static final Surface SIMILAR = new Surface.Similar(ProductId.of("A1"));

    @TempDir Path dir;
    private EmbeddedStorage storage;
    private LiveCatalogue catalogue;
    private BusinessRules rules;

    @BeforeEach void open() {
        storage = EmbeddedStorage.open(dir);
        List<CatalogChange> changes = new ArrayList<>();
        for (String dept : List.of("A", "B", "C")) {
            for (int i = 1; i <= 6; i++) changes.add(new CatalogChange.Upsert(product(dept + i, dept, 5, null)));
        }
        changes.add(new CatalogChange.Upsert(product("PARENT", "A", -1, null)));
        changes.add(new CatalogChange.Upsert(product("V1", "A", 0, "PARENT")));
        changes.add(new CatalogChange.Upsert(product("V2", "A", 0, "PARENT")));
        storage.catalog().apply(changes);
        catalogue = new LiveCatalogue(storage.catalog());
        while (catalogue.step()) { }
        rules = new BusinessRules(catalogue);
    }

    @AfterEach void close() { storage.close(); }

    /** @param stock units, or -1 for no stock figures */
    private static Product product(String id, String department, int stock, String parent) {
        return new Product(ProductId.of(id), parent == null ? null : ProductId.of(parent), "Title " + id, "", "Brand" + department,
                List.of(department, department + "-leaf"), Map.of(), Money.of("10", "EUR"),
                stock < 0 ? Map.of() : Map.of("main", stock), List.of(), null);
    }

    /** A, then B, then C products, scores falling. */
    private static List<Ranked> ranked() {
        List<Ranked> out = new ArrayList<>();
        double s = 100;
        for (String dept : List.of("A", "B", "C")) for (int i = 1; i <= 6; i++) out.add(new Ranked(ProductId.of(dept + i), s--, "r", "co-visitation"));
        return out;
    }

    private List<String> apply(Surface surface, List<Ranked> ranked, MerchandisingRules r, Map<ProductId, Long> bought, int limit) {
        BusinessRules.Input in = new BusinessRules.Input(surface, ranked, Set.of(), bought, NOW.toEpochMilli(),
                List.of(List.of("C", "C-leaf")), "s:ann", limit);
        return rules.apply(in, r, snapshotExploring(), NOW, DAY).stream().map(x -> x.product().value()).toList();
    }

    private Snapshot snapshotExploring() {
        return new Snapshot(List.of(), List.of(), Map.of(), Map.of(), List.of(ProductId.of("C6"), ProductId.of("B6"), ProductId.of("A6")),
                Map.of("C > C-leaf", List.of(ProductId.of("C6"))), NOW);
    }

    private static MerchandisingRules plain() { return MerchandisingRules.defaults().withDiversity(0).withExploration(0); }

    @Test void withoutDiversityTheOrderIsTheScoreOrder() {
        assertThat(apply(HOME, ranked(), plain(), Map.of(), 5)).containsExactly("A1", "A2", "A3", "A4", "A5");
    }

    @Test void diversitySpreadsTheHomeFeedOverCategoriesButNotOtherSurfaces() {
        MerchandisingRules diverse = plain().withDiversity(0.5);
        List<String> home = apply(HOME, ranked(), diverse, Map.of(), 6);
        assertThat(home.getFirst()).isEqualTo("A1");
        assertThat(home).anyMatch(id -> id.startsWith("B")).anyMatch(id -> id.startsWith("C"));
        assertThat(apply(SIMILAR, ranked(), diverse, Map.of(), 6)).allMatch(id -> id.startsWith("A"));
    }

    @Test void productsThatCannotBeSoldAreDroppedAndAParentFollowsItsVariants() {
        storage.catalog().apply(List.of(new CatalogChange.Upsert(product("A1", "A", 0, null))));
        while (catalogue.step()) { }
        List<Ranked> list = new ArrayList<>(List.of(new Ranked(ProductId.of("PARENT"), 200, "r", "co-visitation")));
        list.addAll(ranked());
        assertThat(apply(HOME, list, plain(), Map.of(), 3)).containsExactly("A2", "A3", "A4");
        storage.catalog().apply(List.of(new CatalogChange.Upsert(product("V2", "A", 3, "PARENT"))));
        while (catalogue.step()) { }
        assertThat(apply(HOME, list, plain(), Map.of(), 1)).containsExactly("PARENT");
    }

    @Test void recentlyBoughtStaysOutUnlessItsCategoryIsBoughtAgainAndAgain() {
        long yesterday = NOW.minus(Duration.ofDays(1)).toEpochMilli();
        long longAgo = NOW.minus(Duration.ofDays(90)).toEpochMilli();
        Map<ProductId, Long> bought = Map.of(ProductId.of("A1"), yesterday, ProductId.of("A2"), longAgo);
        assertThat(apply(HOME, ranked(), plain(), bought, 2)).containsExactly("A2", "A3");
        MerchandisingRules repeat = new MerchandisingRules(List.of(), List.of(), List.of(List.of("a")), Duration.ofDays(30), 0, 0);
        assertThat(apply(HOME, ranked(), repeat, bought, 2)).containsExactly("A1", "A2");
    }

    @Test void boostsReorderAndPinsTakeTheirPlace() {
        MerchandisingRules r = new MerchandisingRules(
                List.of(new MerchandisingRules.Pin("home", ProductId.of("C3"), 2), new MerchandisingRules.Pin("similar", ProductId.of("C4"), 1)),
                List.of(new MerchandisingRules.Boost(null, null, "BrandB", 10)), List.of(), Duration.ofDays(30), 0, 0);
        List<String> home = apply(HOME, ranked(), r, Map.of(), 4);
        assertThat(home).containsExactly("B1", "C3", "B2", "B3");
        assertThat(rules.apply(new BusinessRules.Input(HOME, ranked(), Set.of(), Map.of(), 0, List.of(), "s:ann", 4), r,
                snapshotExploring(), NOW, DAY)).extracting(Recommendation::reason).element(1).isEqualTo("featured");
    }

    @Test void explorationTakesABoundedShareFromTheShoppersCategoriesTheSameAllDay() {
        MerchandisingRules r = plain().withExploration(0.2);
        List<String> home = apply(HOME, ranked(), r, Map.of(), 10);
        assertThat(home).hasSize(10).contains("C6").doesNotHaveDuplicates();
        assertThat(home.stream().filter(id -> id.endsWith("6") && !id.equals("A6"))).hasSizeLessThanOrEqualTo(2);
        assertThat(apply(HOME, ranked(), r, Map.of(), 10)).isEqualTo(home);
        assertThat(apply(SIMILAR, ranked(), r, Map.of(), 10)).doesNotContain("C6");
    }
}
