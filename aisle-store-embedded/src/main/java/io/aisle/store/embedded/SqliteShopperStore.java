package io.aisle.store.embedded;

import io.aisle.core.port.ShopperStore;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.IdentityLink;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Shoppers in {@code aisle.db}: one row per shopper, their traits (one per name), their consent history (changes
 * only) and identity links. Every update is one transaction; erasure zeroes what it deletes and truncates the WAL.
 */
public final class SqliteShopperStore implements ShopperStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteShopperStore.class);

    private final SqliteDatabase db;
    private final Clock clock;
    private volatile boolean closed;

    SqliteShopperStore(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override public Optional<Shopper> get(ShopperId id) {
        Objects.requireNonNull(id, "id");
        return read(h -> {
            PreparedStatement exists = h.prepare("SELECT 1 FROM shoppers WHERE id = ?");
            exists.setString(1, id.value());
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) return Optional.empty();
            }
            Map<String, Trait> traits = new HashMap<>();
            PreparedStatement t = h.prepare("SELECT name, value, source, recorded_at FROM shopper_traits WHERE shopper_id = ?");
            t.setString(1, id.value());
            try (ResultSet rs = t.executeQuery()) {
                while (rs.next()) {
                    traits.put(rs.getString(1), new Trait(rs.getString(1), rs.getString(2),
                            Trait.Source.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), Micros.toInstant(rs.getLong(4))));
                }
            }
            List<Consent> consents = new ArrayList<>();
            PreparedStatement c = h.prepare("SELECT purpose, granted, recorded_at FROM shopper_consents WHERE shopper_id = ? "
                    + "ORDER BY id");
            c.setString(1, id.value());
            try (ResultSet rs = c.executeQuery()) {
                while (rs.next()) {
                    consents.add(new Consent(Consent.Purpose.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                            rs.getInt(2) == 1, Micros.toInstant(rs.getLong(3))));
                }
            }
            return Optional.of(new Shopper(id, links(h, id), traits, consents));
        });
    }

    @Override public void update(ShopperId id, ShopperUpdate update) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(update, "update");
        ensureOpen();
        if (update.isEmpty()) return;
        long now = Micros.of(clock.instant());
        db.write(h -> {
            touch(h, id, now);
            PreparedStatement put = h.prepare("INSERT INTO shopper_traits (shopper_id, name, value, source, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (shopper_id, name) DO UPDATE SET value = excluded.value, "
                    + "source = excluded.source, recorded_at = excluded.recorded_at");
            for (Trait t : update.traits()) {
                put.setString(1, id.value());
                put.setString(2, t.name());
                put.setString(3, t.value());
                put.setString(4, t.source().name().toLowerCase(Locale.ROOT));
                put.setLong(5, Micros.of(t.recordedAt()));
                put.executeUpdate();
            }
            PreparedStatement remove = h.prepare("DELETE FROM shopper_traits WHERE shopper_id = ? AND name = ?");
            for (String name : update.removedTraits()) {
                remove.setString(1, id.value());
                remove.setString(2, name);
                remove.executeUpdate();
            }
            PreparedStatement latest = h.prepare("SELECT granted FROM shopper_consents WHERE shopper_id = ? AND purpose = ? "
                    + "ORDER BY id DESC LIMIT 1");
            PreparedStatement record = h.prepare("INSERT INTO shopper_consents (shopper_id, purpose, granted, recorded_at) "
                    + "VALUES (?, ?, ?, ?)");
            for (Consent c : update.consents()) {
                String purpose = c.purpose().name().toLowerCase(Locale.ROOT);
                latest.setString(1, id.value());
                latest.setString(2, purpose);
                Boolean current;
                try (ResultSet rs = latest.executeQuery()) {
                    current = rs.next() ? rs.getInt(1) == 1 : null;
                }
                // A storefront re-sends its banner state on every page; only changes are history.
                if (current != null && current == c.granted()) continue;
                record.setString(1, id.value());
                record.setString(2, purpose);
                record.setInt(3, c.granted() ? 1 : 0);
                record.setLong(4, Micros.of(c.recordedAt()));
                record.executeUpdate();
            }
            return null;
        });
    }

    @Override public boolean link(ShopperId id, AnonymousId anonymousId) {
        return linkAll(List.of(new IdentityLink(id, anonymousId))) == 1;
    }

    @Override public int linkAll(Collection<IdentityLink> links) {
        Objects.requireNonNull(links, "links");
        ensureOpen();
        if (links.isEmpty()) return 0;
        // Read first: the event pipeline links on every signed-in event, and nearly all links already exist, so the
        // common case costs a read on the pool instead of a durable write.
        Set<IdentityLink> wanted = new LinkedHashSet<>(links);
        Set<IdentityLink> fresh = read(h -> {
            PreparedStatement ps = h.prepare("SELECT 1 FROM shopper_links WHERE shopper_id = ? AND anonymous_id = ?");
            Set<IdentityLink> out = new LinkedHashSet<>();
            for (IdentityLink l : wanted) {
                ps.setString(1, l.shopperId().value());
                ps.setString(2, l.anonymousId().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) out.add(l);
                }
            }
            return out;
        });
        if (fresh.isEmpty()) return 0;
        long now = Micros.of(clock.instant());
        return db.write(h -> {
            PreparedStatement ps = h.prepare("INSERT INTO shopper_links (shopper_id, anonymous_id, linked_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT (shopper_id, anonymous_id) DO NOTHING");
            int added = 0;
            Set<ShopperId> touched = new HashSet<>();
            for (IdentityLink l : fresh) {
                if (touched.add(l.shopperId())) touch(h, l.shopperId(), now);
                ps.setString(1, l.shopperId().value());
                ps.setString(2, l.anonymousId().value());
                ps.setLong(3, now);
                added += ps.executeUpdate();
            }
            return added;
        });
    }

    @Override public Set<AnonymousId> linkedIds(ShopperId id) {
        Objects.requireNonNull(id, "id");
        return read(h -> links(h, id));
    }

    @Override public Set<ShopperId> linkedShoppers(AnonymousId anonymousId) {
        Objects.requireNonNull(anonymousId, "anonymousId");
        return read(h -> {
            PreparedStatement ps = h.prepare("SELECT shopper_id FROM shopper_links WHERE anonymous_id = ?");
            ps.setString(1, anonymousId.value());
            Set<ShopperId> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(ShopperId.of(rs.getString(1)));
            }
            return Set.copyOf(out);
        });
    }

    @Override public boolean erase(ShopperId id) {
        Objects.requireNonNull(id, "id");
        ensureOpen();
        int deleted = db.writeErasing(h -> {
            int n = 0;
            for (String sql : List.of("DELETE FROM shopper_traits WHERE shopper_id = ?",
                    "DELETE FROM shopper_consents WHERE shopper_id = ?",
                    "DELETE FROM shopper_links WHERE shopper_id = ?",
                    "DELETE FROM shoppers WHERE id = ?")) {
                PreparedStatement ps = h.prepare(sql);
                ps.setString(1, id.value());
                n += ps.executeUpdate();
            }
            return n;
        });
        if (deleted > 0 && !db.truncateWal()) log.warn("event=shopper_store.erase_wal_kept reason=busy");
        log.info("event=shopper_store.erase rows={}", deleted);
        return deleted > 0;
    }

    @Override public long count() {
        return read(h -> SqliteEventLog.queryLong(h, "SELECT count(*) FROM shoppers"));
    }

    /** Marks the store closed; the shared database file is closed by {@link EmbeddedStorage}. */
    @Override public void close() { closed = true; }

    private static void touch(SqliteHandle h, ShopperId id, long now) throws SQLException {
        PreparedStatement ps = h.prepare("INSERT INTO shoppers (id, created_at, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at");
        ps.setString(1, id.value());
        ps.setLong(2, now);
        ps.setLong(3, now);
        ps.executeUpdate();
    }

    private static Set<AnonymousId> links(SqliteHandle h, ShopperId id) throws SQLException {
        PreparedStatement ps = h.prepare("SELECT anonymous_id FROM shopper_links WHERE shopper_id = ?");
        ps.setString(1, id.value());
        Set<AnonymousId> out = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(AnonymousId.of(rs.getString(1)));
        }
        return Set.copyOf(out);
    }

    private <T> T read(SqliteDatabase.Work<T> work) {
        ensureOpen();
        return db.read(work);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("shopper store is closed");
    }
}
