package io.aisle.embeddings.content;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.Embedder;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ModelVersion;
import io.aisle.embeddings.ItemVectors;
import io.aisle.embeddings.VectorArtifact;
import io.aisle.embeddings.text.ProductText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Content vectors of the whole catalogue, kept current by following the catalogue change log from the offset they
 * reflect: an upsert is embedded only when its {@link ProductText} changed (a 64-bit hash of the text is kept per
 * product), a delete drops the vector. A full build is a refresh from offset 0. Saved to the {@link ModelStore} as a
 * {@link VectorArtifact} named {@value #MODEL_NAME}, and reloaded on start so a restart embeds only what changed since.
 *
 * <p>One thread refreshes; reads may run on other threads at the same time.
 */
public final class ContentVectors implements ItemVectors {
    public static final String MODEL_NAME = "content-vectors";
    /** Catalogue changes read per page while refreshing. */
    public static final int PAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ContentVectors.class);

    private record Entry(float[] vector, long textHash) {}

    private final Embedder embedder;
    private final ProductText text;
    private final ConcurrentSkipListMap<ProductId, Entry> entries = new ConcurrentSkipListMap<>();
    private volatile long offset;

    /** Empty vectors at catalogue offset 0: the first {@link #refresh} embeds the whole catalogue. */
    public ContentVectors(Embedder embedder, ProductText text) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * The latest stored vectors when they were made by the same encoder model and text recipe, otherwise empty
     * vectors (a refresh then rebuilds them all).
     */
    public static ContentVectors loadLatest(ModelStore store, Embedder embedder, ProductText text) {
        ContentVectors vectors = new ContentVectors(embedder, text);
        Optional<ModelVersion> latest = store.latest(MODEL_NAME);
        if (latest.isEmpty()) return vectors;
        ModelVersion v = latest.get();
        Map<String, String> meta = v.metadata();
        if (!embedder.modelId().equals(meta.get("model_id")) || !text.recipe().equals(meta.get("text_recipe"))
                || !String.valueOf(embedder.dimension()).equals(meta.get("dimension"))) {
            log.info("content vectors v{} were made with {} / {}; rebuilding with {} / {}", v.version(),
                    meta.get("model_id"), meta.get("text_recipe"), embedder.modelId(), text.recipe());
            return vectors;
        }
        VectorArtifact a = VectorArtifact.decode(store.load(v));
        int d = a.dimension();
        for (int i = 0; i < a.ids().size(); i++) {
            float[] row = Arrays.copyOfRange(a.matrix(), i * d, (i + 1) * d);
            // Without hashes every later upsert of the product is embedded again, which is safe.
            vectors.entries.put(a.ids().get(i), new Entry(row, a.hashes() == null ? 0 : a.hashes()[i]));
        }
        vectors.offset = Long.parseLong(meta.get("catalog_offset"));
        return vectors;
    }

    /** Follows the change log from {@link #offset()} to its end, page by page. */
    public ContentRefresh refresh(CatalogStore catalog) {
        long start = System.nanoTime();
        long read = 0, embedded = 0, unchanged = 0, deleted = 0;
        for (List<LoggedChange> page; !(page = catalog.changesAfter(offset, PAGE)).isEmpty(); ) {
            ContentRefresh r = apply(page);
            read += r.changesRead();
            embedded += r.embedded();
            unchanged += r.unchanged();
            deleted += r.deleted();
        }
        return new ContentRefresh(read, embedded, unchanged, deleted, offset, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Applies one page of logged changes, in offset order; changes at or before {@link #offset()} are skipped, so
     * a page read twice is harmless. Within the page only the last change of each product counts, and all texts
     * to embed go to the encoder as one batch.
     */
    public ContentRefresh apply(List<LoggedChange> changes) {
        long start = System.nanoTime();
        Map<ProductId, CatalogChange> last = new LinkedHashMap<>();
        long newOffset = offset;
        long read = 0;
        for (LoggedChange c : changes) {
            if (c.offset() <= offset) continue;
            if (c.offset() <= newOffset) throw new IllegalArgumentException("changes out of offset order at " + c.offset());
            last.remove(c.change().id()); // keep map order = order of each product's last change
            last.put(c.change().id(), c.change());
            newOffset = c.offset();
            read++;
        }
        List<ProductId> toEmbed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        long unchanged = 0, deleted = 0;
        for (CatalogChange change : last.values()) {
            switch (change) {
                case CatalogChange.Delete d -> { if (entries.remove(d.id()) != null) deleted++; }
                case CatalogChange.Upsert u -> {
                    String t = text.of(u.product());
                    long h = ProductText.hash(t);
                    Entry before = entries.get(u.id());
                    if (before != null && before.textHash() == h) {
                        unchanged++;
                    } else {
                        toEmbed.add(u.id());
                        texts.add(t);
                        hashes.add(h);
                    }
                }
            }
        }
        if (!texts.isEmpty()) {
            List<float[]> vectors = embedder.embedAll(texts);
            for (int i = 0; i < toEmbed.size(); i++) entries.put(toEmbed.get(i), new Entry(vectors.get(i), hashes.get(i)));
        }
        offset = newOffset;
        return new ContentRefresh(read, texts.size(), unchanged, deleted, offset, (System.nanoTime() - start) / 1e9);
    }

    /** Stores the vectors as the next version of {@value #MODEL_NAME}. */
    public ModelVersion save(ModelStore store) {
        List<ProductId> ids = new ArrayList<>(entries.size());
        List<Entry> rows = new ArrayList<>(entries.size());
        entries.forEach((id, e) -> { ids.add(id); rows.add(e); }); // one pass: a consistent id/row pairing
        int d = embedder.dimension();
        float[] matrix = new float[rows.size() * d];
        long[] hashes = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i).vector(), 0, matrix, i * d, d);
            hashes[i] = rows.get(i).textHash();
        }
        byte[] bytes = new VectorArtifact(d, ids, matrix, hashes, null).encode();
        return store.save(MODEL_NAME, bytes, Map.of(
                "model_id", embedder.modelId(),
                "dimension", String.valueOf(d),
                "count", String.valueOf(ids.size()),
                "catalog_offset", String.valueOf(offset),
                "text_recipe", text.recipe(),
                "format", "avec-1"));
    }

    /** The catalogue change-log offset these vectors reflect. */
    public long offset() { return offset; }

    /** The encoder model the vectors come from. */
    public String modelId() { return embedder.modelId(); }

    @Override public int dimension() { return embedder.dimension(); }

    @Override public int size() { return entries.size(); }

    @Override public Optional<float[]> vector(ProductId id) {
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.vector());
    }

    /** Ids in id order. */
    @Override public Collection<ProductId> ids() { return Collections.unmodifiableSet(entries.keySet()); }
}
