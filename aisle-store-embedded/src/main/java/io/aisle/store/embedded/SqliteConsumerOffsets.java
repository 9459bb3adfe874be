package io.aisle.store.embedded;

import io.aisle.core.port.ConsumerOffsets;
import io.aisle.core.validation.Text;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

/** Consumer positions in the {@code consumer_offsets} table; each commit is durable when it returns. */
public final class SqliteConsumerOffsets implements ConsumerOffsets {
    private final SqliteDatabase db;
    private final Clock clock;

    SqliteConsumerOffsets(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override public long committed(String consumer) {
        Text.requireId("consumer", consumer);
        return db.read(h -> {
            PreparedStatement ps = h.prepare("SELECT \"offset\" FROM consumer_offsets WHERE consumer = ?");
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override public void commit(String consumer, long offset) {
        Text.requireId("consumer", consumer);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative, got " + offset);
        long now = Micros.of(clock.instant());
        db.write(h -> {
            PreparedStatement ps = h.prepare("INSERT INTO consumer_offsets (consumer, \"offset\", updated_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (consumer) DO UPDATE SET \"offset\" = excluded.\"offset\", "
                    + "updated_at = excluded.updated_at");
            ps.setString(1, consumer);
            ps.setLong(2, offset);
            ps.setLong(3, now);
            return ps.executeUpdate();
        });
    }

    @Override public void reset(String consumer) {
        Text.requireId("consumer", consumer);
        db.write(h -> {
            PreparedStatement ps = h.prepare("DELETE FROM consumer_offsets WHERE consumer = ?");
            ps.setString(1, consumer);
            return ps.executeUpdate();
        });
    }
}
