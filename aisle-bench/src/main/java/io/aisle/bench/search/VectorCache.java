package io.aisle.bench.search;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.port.Embedder;
import io.aisle.embeddings.content.ContentVectors;
import io.aisle.embeddings.text.ProductText;
import io.aisle.store.embedded.EmbeddedStorage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Content vectors of a benchmark catalogue, kept between runs in a cache folder through the same {@link ContentVectors}
 * the server uses: the first run embeds every product (minutes on 2 cores), later runs only changed texts.
 */
public final class VectorCache {
    private static final int PAGE = 500;

    private VectorCache() {}

    public static ContentVectors load(Path dir, List<Product> products, Embedder encoder, Consumer<String> progress) {
        try (EmbeddedStorage store = EmbeddedStorage.open(dir)) {
            ContentVectors vectors = ContentVectors.loadLatest(store.models(), encoder, ProductText.defaults());
            long offset = vectors.offset();
            boolean changed = false;
            long started = System.nanoTime();
            for (int from = 0; from < products.size(); from += PAGE) {
                List<LoggedChange> page = new ArrayList<>(PAGE);
                for (Product p : products.subList(from, Math.min(products.size(), from + PAGE))) {
                    page.add(new LoggedChange(++offset, Instant.EPOCH, new CatalogChange.Upsert(p)));
                }
                int embedded = vectors.apply(page).embedded() > 0 ? 1 : 0;
                if (embedded > 0) {
                    changed = true;
                    double s = (System.nanoTime() - started) / 1e9;
                    progress.accept(String.format("embedded up to product %,d of %,d (%.0f s)", from + page.size(), products.size(), s));
                }
            }
            if (changed) vectors.save(store.models());
            return vectors;
        }
    }
}
