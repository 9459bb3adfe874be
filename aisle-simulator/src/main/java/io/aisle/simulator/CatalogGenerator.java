package io.aisle.simulator;

import io.aisle.core.catalog.Product;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic synthetic catalogue: the same config always yields the same products, product {@code i} can be
 * built on its own (so shards can generate disjoint index ranges), and streaming holds one family at a time.
 *
 * <p>Indices are grouped in blocks of {@value #BLOCK}; each block's seed lays it out as product families (a standalone
 * product, or a parent followed by 2 to 6 variants with {@code parent_id} set), and each family's seed, derived from
 * the config seed and the family's first index, decides everything about it. A family cut short by the end of the
 * catalogue simply has fewer variants.
 */
public final class CatalogGenerator {
    private static final int BLOCK = 8;
    private static final int MAX_VARIANTS = 6;
    private static final long LAYOUT_STREAM = 0x4C41594FL;
    private static final long FAMILY_STREAM = 0x46414D49L;

    private final CatalogConfig config;
    private final Taxonomy taxonomy;
    private final ProductFactory factory;

    public CatalogGenerator(CatalogConfig config) {
        this.config = config;
        this.taxonomy = Taxonomy.standard();
        this.factory = new ProductFactory(config);
    }

    public CatalogConfig config() { return config; }

    public int size() { return config.size(); }

    /** The category paths products are drawn from, as "A > B > C" keys. */
    public List<String> categories() { return taxonomy.categories().stream().map(CategoryProfile::key).toList(); }

    /** The id of product {@code index} ("P000123"), without building the product. */
    public static String productId(int index) { return ProductFactory.id(index); }

    /** Product {@code index} (0-based), built from its family's seed alone. */
    public Product product(int index) {
        if (index < 0 || index >= config.size()) {
            throw new IndexOutOfBoundsException("product index " + index + " outside 0.." + (config.size() - 1));
        }
        int block = index / BLOCK;
        for (Slot slot : layout(block)) {
            int start = block * BLOCK + slot.offset();
            if (index < start + slot.length()) return family(slot, start).get(index - start);
        }
        throw new IllegalStateException("block layout does not cover index " + index);
    }

    /** Every product in index order; parents come just before their variants. Parallel streams split by block. */
    public Stream<Product> products() { return products(0, config.size()); }

    /** Products with index in [from, to), for sharding a large catalogue across workers. */
    public Stream<Product> products(int from, int to) {
        if (from < 0 || to > config.size() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside 0.." + config.size());
        }
        if (from == to) return Stream.empty();
        return IntStream.rangeClosed(from / BLOCK, (to - 1) / BLOCK)
                .mapToObj(block -> blockProducts(block, from, to))
                .flatMap(List::stream);
    }

    public Iterator<Product> iterator() { return products().iterator(); }

    private List<Product> blockProducts(int block, int from, int to) {
        List<Product> out = new ArrayList<>(BLOCK);
        for (Slot slot : layout(block)) {
            int start = block * BLOCK + slot.offset();
            if (start >= to) break;
            if (start + slot.length() <= from) continue;
            List<Product> family = family(slot, start);
            for (int k = 0; k < family.size(); k++) {
                int index = start + k;
                if (index >= from && index < to) out.add(family.get(k));
            }
        }
        return out;
    }

    private List<Product> family(Slot slot, int start) {
        int children = Math.min(slot.length() - 1, config.size() - start - 1);
        return factory.family(taxonomy.get(slot.category()), Rng.derive(config.seed() ^ FAMILY_STREAM, start), start,
                children);
    }

    /** Where families start inside a block, how many indices each takes, and their category. */
    private List<Slot> layout(int block) {
        Rng rng = new Rng(Rng.derive(config.seed() ^ LAYOUT_STREAM, block));
        List<Slot> slots = new ArrayList<>(BLOCK);
        int offset = 0;
        while (offset < BLOCK) {
            int category = taxonomy.draw(rng);
            CategoryProfile profile = taxonomy.get(category);
            int room = BLOCK - offset - 1;
            int length = 1;
            if (profile.variants() != null && room >= 2 && rng.chance(profile.variantShare())) {
                length = 1 + rng.between(2, Math.min(Math.min(room, MAX_VARIANTS), profile.variants().values().size()));
            }
            slots.add(new Slot(offset, length, category));
            offset += length;
        }
        return slots;
    }

    private record Slot(int offset, int length, int category) {}
}
