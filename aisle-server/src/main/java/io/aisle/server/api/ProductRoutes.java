package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.ProductJson;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.validation.FieldError;
import io.aisle.ingest.CatalogService;
import io.aisle.ingest.catalog.CatalogFormat;
import io.aisle.ingest.catalog.CatalogImporter;
import io.aisle.ingest.catalog.FeedResult;
import io.aisle.ingest.catalog.ImportOptions;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.List;

/** HTTP face of the catalogue: product reads, single writes, whole-or-nothing batches and the change log. */
public final class ProductRoutes implements Routes {
    private static final long MAX_PRODUCT_BYTES = 1L << 20;

    private final CatalogStore store;
    private final CatalogService service;
    private final ProductJson codec;
    private final ObjectMapper mapper;
    private final Bodies bodies;
    private final long maxBatchBytes;
    private final CatalogImporter importer;

    public ProductRoutes(CatalogStore store, CatalogService service, CatalogImporter importer, ProductJson codec,
                         ObjectMapper mapper, long maxBatchBytes) {
        this.store = store;
        this.importer = importer;
        this.service = service;
        this.codec = codec;
        this.mapper = mapper;
        this.bodies = new Bodies(mapper);
        this.maxBatchBytes = maxBatchBytes;
    }

    @Override public void register(Router router) {
        router.get("/v1/products", Role.PUBLIC, this::list);
        router.get("/v1/products/{id}", Role.PUBLIC, this::get);
        router.put("/v1/products/{id}", Role.ADMIN, this::put);
        router.delete("/v1/products/{id}", Role.ADMIN, this::delete);
        router.post("/v1/catalog/batch", Role.ADMIN, this::batch);
        router.post("/v1/catalog/import", Role.ADMIN, this::importFeed);
        router.get("/v1/catalog/changes", Role.ADMIN, this::changes);
    }

    static ProductId pathId(Context ctx) { return Params.pathId(ctx, ProductId::of); }

    private void list(Context ctx) {
        int limit = Params.intParam(ctx, "limit", 50, 1, 500);
        String after = ctx.queryParam("after");
        List<Product> page = store.page(after == null || after.isBlank() ? null : after, limit);
        ObjectNode n = mapper.createObjectNode();
        ArrayNode list = n.putArray("products");
        page.forEach(p -> list.add(codec.encode(p)));
        if (page.size() == limit) n.put("next_after", page.get(page.size() - 1).id().value());
        n.put("total", store.count());
        ctx.json(n);
    }

    private void get(Context ctx) {
        ProductId id = pathId(ctx);
        Product p = store.get(id).orElseThrow(() -> ApiException.notFound("No product with id '" + id + "'"));
        ctx.json(codec.encode(p));
    }

    private void put(Context ctx) {
        ProductId id = pathId(ctx);
        boolean existed = store.get(id).isPresent();
        Product saved = service.upsert(id, bodies.json(ctx, MAX_PRODUCT_BYTES));
        ctx.status(existed ? 200 : 201).json(codec.encode(saved));
    }

    private void delete(Context ctx) {
        ProductId id = pathId(ctx);
        if (!service.delete(id)) throw ApiException.notFound("No product with id '" + id + "'");
        ctx.status(204);
    }

    private void batch(Context ctx) {
        List<LoggedChange> applied = service.applyBatch(bodies.json(ctx, maxBatchBytes));
        ctx.json(changesJson(applied));
    }

    private void importFeed(Context ctx) throws java.io.IOException {
        String formatName = ctx.queryParam("format");
        CatalogFormat format = null;
        if (formatName != null && !formatName.isBlank()) {
            format = CatalogFormat.fromName(formatName).orElseThrow(() -> ApiException.invalid("format",
                    "'" + formatName + "' is not one of " + CatalogFormat.allNames()));
        }
        String currency = ctx.queryParam("currency");
        ImportOptions options = ImportOptions.defaults();
        if (currency != null && !currency.isBlank()) {
            String problem = io.aisle.core.catalog.Money.currencyProblem(currency);
            if (problem != null) throw ApiException.invalid("currency", problem);
            options = options.withDefaultCurrency(currency);
        }
        byte[] body = bodies.bytes(ctx, maxBatchBytes);
        FeedResult feed = importer.read(new java.io.ByteArrayInputStream(body), format, options);
        if (!feed.isClean()) {
            List<FieldError> errors = feed.errors().stream()
                    .map(e -> new FieldError(e.line() == 0 ? e.field() : "line " + e.line() + ": " + e.field(), e.reason()))
                    .toList();
            throw new ApiException(422, "validation_failed", feed.errorCount() + " rows of the feed have errors; nothing was imported",
                    errors, null);
        }
        List<LoggedChange> applied = service.upsertAll(feed.products());
        ObjectNode n = mapper.createObjectNode();
        n.put("format", feed.format().cliName());
        n.put("rows", feed.rowsRead());
        n.put("products", feed.products().size());
        n.put("last_offset", applied.isEmpty() ? 0 : applied.get(applied.size() - 1).offset());
        ctx.json(n);
    }

    private void changes(Context ctx) {
        long after = Params.longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
        ctx.json(changesJson(store.changesAfter(after, limit)));
    }

    private ObjectNode changesJson(List<LoggedChange> changes) {
        ObjectNode n = mapper.createObjectNode();
        n.put("count", changes.size());
        ArrayNode list = n.putArray("changes");
        for (LoggedChange c : changes) {
            ObjectNode item = list.addObject();
            item.put("offset", c.offset());
            item.put("at", c.at().toString());
            switch (c.change()) {
                case io.aisle.core.catalog.CatalogChange.Upsert u -> item.put("kind", "upsert").put("id", u.id().value());
                case io.aisle.core.catalog.CatalogChange.Delete d -> item.put("kind", "delete").put("id", d.id().value());
            }
        }
        if (!changes.isEmpty()) n.put("next_after", changes.get(changes.size() - 1).offset());
        return n;
    }
}
