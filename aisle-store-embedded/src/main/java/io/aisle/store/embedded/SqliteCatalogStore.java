package io.aisle.store.embedded;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.ProductJson;
import io.aisle.core.port.CatalogStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Products and their change log in SQLite; every {@link #apply} is one transaction. */
public final class SqliteCatalogStore implements CatalogStore {
    /** Ids per IN query; well under SQLite's bound-parameter limit. */
    static final int CHUNK = 512;

    private final SqliteDatabase db;
    private final ProductJson json;
    private final Clock clock;
    private volatile boolean closed;

    SqliteCatalogStore(SqliteDatabase db, ProductJson json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    @Override public Optional<Product> get(ProductId id) {
        Objects.requireNonNull(id, "id");
        byte[] payload = read(h -> {
            PreparedStatement ps = h.prepare("SELECT payload FROM products WHERE id = ?");
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
        return Optional.ofNullable(payload).map(json::fromBytes);
    }

    @Override public Map<ProductId, Product> getAll(Collection<ProductId> ids) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids.stream().map(ProductId::value).toList()));
        Map<ProductId, Product> out = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            List<byte[]> payloads = read(h -> {
                // Sizes rounded up to a power of two (padded with a repeat) keep the statement cache to ten entries.
                int size = Integer.highestOneBit(chunk.size() - 1) << 1;
                size = Math.max(1, Math.min(CHUNK, size));
                PreparedStatement ps = h.prepare("SELECT payload FROM products WHERE id IN ("
                        + "?,".repeat(size - 1) + "?)");
                for (int i = 0; i < size; i++) ps.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                List<byte[]> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.add(rs.getBytes(1));
                }
                return found;
            });
            for (byte[] p : payloads) {
                Product product = json.fromBytes(p);
                out.put(product.id(), product);
            }
        }
        return out;
    }

    @Override public List<LoggedChange> apply(List<CatalogChange> changes) {
        Objects.requireNonNull(changes, "changes");
        ensureOpen();
        if (changes.isEmpty()) return List.of();
        // Encode before taking the write lock, so a large import holds it only for the SQL itself.
        List<byte[]> payloads = new ArrayList<>(changes.size());
        for (CatalogChange c : changes) {
            payloads.add(switch (Objects.requireNonNull(c, "change")) {
                case CatalogChange.Upsert u -> json.toBytes(u.product());
                case CatalogChange.Delete d -> null;
            });
        }
        Instant at = Micros.truncate(clock.instant());
        long atMicros = Micros.of(at);
        return db.write(h -> {
            long offset = SqliteEventLog.queryLong(h, "SELECT coalesce(max(\"offset\"), 0) FROM catalog_changes");
            PreparedStatement upsert = h.prepare("INSERT INTO products (id, parent_id, payload, updated_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, "
                    + "payload = excluded.payload, updated_at = excluded.updated_at");
            PreparedStatement delete = h.prepare("DELETE FROM products WHERE id = ?");
            PreparedStatement logged = h.prepare("INSERT INTO catalog_changes (\"offset\", at, product_id, kind, "
                    + "payload) VALUES (?, ?, ?, ?, ?)");
            List<LoggedChange> out = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                CatalogChange c = changes.get(i);
                byte[] payload = payloads.get(i);
                if (c instanceof CatalogChange.Upsert u) {
                    upsert.setString(1, u.id().value());
                    upsert.setString(2, u.product().parentId() == null ? null : u.product().parentId().value());
                    upsert.setBytes(3, payload);
                    upsert.setLong(4, atMicros);
                    upsert.executeUpdate();
                } else {
                    delete.setString(1, c.id().value());
                    if (delete.executeUpdate() == 0) continue; // deleting what is not there changes nothing
                }
                offset++;
                logged.setLong(1, offset);
                logged.setLong(2, atMicros);
                logged.setString(3, c.id().value());
                logged.setString(4, payload == null ? "delete" : "upsert");
                logged.setBytes(5, payload);
                logged.executeUpdate();
                out.add(new LoggedChange(offset, at, c));
            }
            return List.copyOf(out);
        });
    }

    @Override public List<Product> page(String afterId, int limit) {
        requireLimit(limit);
        if (limit == 0) return List.of();
        List<byte[]> payloads = read(h -> {
            PreparedStatement ps;
            if (afterId == null) {
                ps = h.prepare("SELECT payload FROM products ORDER BY id LIMIT ?");
                ps.setInt(1, limit);
            } else {
                ps = h.prepare("SELECT payload FROM products WHERE id > ? ORDER BY id LIMIT ?");
                ps.setString(1, afterId);
                ps.setInt(2, limit);
            }
            List<byte[]> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(rs.getBytes(1));
            }
            return found;
        });
        return payloads.stream().map(json::fromBytes).toList();
    }

    @Override public long count() {
        return read(h -> SqliteEventLog.queryLong(h, "SELECT count(*) FROM products"));
    }

    @Override public List<LoggedChange> changesAfter(long afterOffset, int max) {
        requireLimit(max);
        if (max == 0) return List.of();
        List<Raw> raws = read(h -> {
            PreparedStatement ps = h.prepare("SELECT \"offset\", at, product_id, payload FROM catalog_changes "
                    + "WHERE \"offset\" > ? ORDER BY \"offset\" LIMIT ?");
            ps.setLong(1, afterOffset);
            ps.setInt(2, max);
            List<Raw> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(new Raw(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)));
            }
            return found;
        });
        List<LoggedChange> out = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            CatalogChange change = r.payload() == null
                    ? new CatalogChange.Delete(ProductId.of(r.productId()))
                    : new CatalogChange.Upsert(json.fromBytes(r.payload()));
            out.add(new LoggedChange(r.offset(), Micros.toInstant(r.at()), change));
        }
        return out;
    }

    /** Marks the store closed; the shared database file is closed by {@link EmbeddedStorage}. */
    @Override public void close() { closed = true; }

    private <T> T read(SqliteDatabase.Work<T> work) {
        ensureOpen();
        return db.read(work);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("catalog store is closed");
    }

    private static void requireLimit(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }

    private record Raw(long offset, long at, String productId, byte[] payload) {}
}
