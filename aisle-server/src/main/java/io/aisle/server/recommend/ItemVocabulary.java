package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The products a trained model knows, by the index the model uses for each. */
public final class ItemVocabulary {
    private final List<ProductId> ids;
    private final Map<ProductId, Integer> index;

    public ItemVocabulary(List<ProductId> ids) {
        this.ids = List.copyOf(ids);
        this.index = new HashMap<>(this.ids.size() * 2);
        for (int i = 0; i < this.ids.size(); i++) {
            if (index.put(this.ids.get(i), i) != null) throw new IllegalArgumentException("ids: " + this.ids.get(i) + " appears twice");
        }
    }

    public int size() { return ids.size(); }

    public ProductId id(int index) { return ids.get(index); }

    /** The model's index of a product, or -1 when the model does not know it. */
    public int indexOf(ProductId id) { return index.getOrDefault(id, -1); }
}
