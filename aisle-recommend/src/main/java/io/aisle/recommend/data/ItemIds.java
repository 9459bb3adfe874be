package io.aisle.recommend.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Two-way map between the merchant's item ids and the dense indices models use; indices follow first appearance. */
public final class ItemIds {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    /** The index of {@code id}, assigning the next free one on first sight. */
    public int intern(String id) {
        Objects.requireNonNull(id, "id");
        Integer known = index.get(id);
        if (known != null) return known;
        int next = ids.size();
        index.put(id, next);
        ids.add(id);
        return next;
    }

    public Optional<Integer> indexOf(String id) { return Optional.ofNullable(index.get(id)); }

    public String id(int index) { return ids.get(index); }

    public int size() { return ids.size(); }
}
