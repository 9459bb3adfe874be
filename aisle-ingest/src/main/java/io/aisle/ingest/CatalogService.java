package io.aisle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.ProductJson;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes to the catalogue: single upserts and deletes, and batches that apply whole or not at all. */
public final class CatalogService {
    public static final int MAX_BATCH = 10_000;

    private final CatalogStore store;
    private final ProductJson codec;

    public CatalogService(CatalogStore store, ProductJson codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Creates or replaces the product at {@code id}; the body's id, when given, must match. */
    public Product upsert(ProductId id, JsonNode body) {
        if (body != null && body.isObject() && !body.has("id")) {
            body = ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).put("id", id.value());
        }
        Decoded<Product> d = codec.decode(body, "");
        if (!d.isValid()) throw new ValidationException(d.errors());
        if (!d.value().id().equals(id)) throw new ValidationException("id", "must match the id in the path ('" + id + "')");
        store.apply(List.of(new CatalogChange.Upsert(d.value())));
        return d.value();
    }

    /** Removes a product; false when there was none. */
    public boolean delete(ProductId id) {
        return !store.apply(List.of(new CatalogChange.Delete(id))).isEmpty();
    }

    /**
     * Applies {@code {"upsert": [products], "delete": [ids]}} in one transaction. Every problem in the batch is
     * reported together and nothing is written unless the whole batch is valid.
     */
    public List<LoggedChange> applyBatch(JsonNode body) {
        if (body == null || !body.isObject()) throw new ValidationException("body", "must be a JSON object {\"upsert\": [...], \"delete\": [...]}");
        Errors errors = new Errors();
        body.fieldNames().forEachRemaining(n -> { if (!n.equals("upsert") && !n.equals("delete")) errors.add(n, "is not a known field"); });
        JsonNode upserts = body.path("upsert");
        JsonNode deletes = body.path("delete");
        if (!upserts.isMissingNode() && !upserts.isArray()) errors.add("upsert", "must be an array of products");
        if (!deletes.isMissingNode() && !deletes.isArray()) errors.add("delete", "must be an array of product ids");
        errors.throwIfAny();
        int size = upserts.size() + deletes.size();
        if (size == 0) throw new ValidationException("upsert", "the batch holds no changes");
        if (size > MAX_BATCH) throw new ValidationException("upsert", "a batch holds at most " + MAX_BATCH + " changes");
        List<CatalogChange> changes = new ArrayList<>(size);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < upserts.size(); i++) {
            Decoded<Product> d = codec.decode(upserts.get(i), "upsert[" + i + "]");
            if (!d.isValid()) errors.addAll(d.errors());
            else if (!seen.add(d.value().id().value())) errors.add("upsert[" + i + "].id", "appears twice in the batch");
            else changes.add(new CatalogChange.Upsert(d.value()));
        }
        for (int i = 0; i < deletes.size(); i++) {
            JsonNode v = deletes.get(i);
            String problem = v.isTextual() ? io.aisle.core.validation.Text.idProblem(v.textValue()) : "must be a product id string";
            if (problem != null) errors.add("delete[" + i + "]", problem);
            else if (!seen.add(v.textValue())) errors.add("delete[" + i + "]", "appears twice in the batch");
            else changes.add(new CatalogChange.Delete(ProductId.of(v.textValue())));
        }
        errors.throwIfAny();
        return store.apply(changes);
    }

    /** Applies products already decoded (by an importer) as one transaction. */
    public List<LoggedChange> upsertAll(List<Product> products) {
        return store.apply(products.stream().<CatalogChange>map(CatalogChange.Upsert::new).toList());
    }
}
