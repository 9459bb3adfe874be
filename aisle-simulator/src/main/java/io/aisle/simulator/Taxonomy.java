package io.aisle.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The default set of categories the generator draws from, and the lookup the shopper model uses to recognise them. */
final class Taxonomy {
    private final List<CategoryProfile> categories;
    private final Map<String, CategoryProfile> byKey;
    private final double[] cumulativeShare;

    private Taxonomy(List<CategoryProfile> categories) {
        this.categories = List.copyOf(categories);
        this.byKey = categories.stream().collect(Collectors.toUnmodifiableMap(CategoryProfile::key, Function.identity()));
        this.cumulativeShare = new double[categories.size()];
        double total = 0;
        for (int i = 0; i < categories.size(); i++) {
            total += categories.get(i).share();
            cumulativeShare[i] = total;
        }
    }

    static Taxonomy standard() {
        List<CategoryProfile> all = new ArrayList<>();
        all.addAll(TechCategories.all());
        all.addAll(HomeCategories.all());
        all.addAll(StyleCategories.all());
        all.addAll(LeisureCategories.all());
        return new Taxonomy(all);
    }

    List<CategoryProfile> categories() { return categories; }

    CategoryProfile get(int index) { return categories.get(index); }

    /** The profile for a category path key ("Shoes > Running Shoes"), or null for a category it does not know. */
    CategoryProfile find(String key) { return byKey.get(key); }

    /** A category index drawn by catalogue share. */
    int draw(Rng rng) { return rng.pickCumulative(cumulativeShare); }
}
