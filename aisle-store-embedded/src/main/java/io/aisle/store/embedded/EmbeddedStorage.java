package io.aisle.store.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Every embedded store over one data directory: {@code events.db} (the event log, alone so its group commits
 * never wait on other writes), {@code aisle.db} (catalogue, consumer offsets, model metadata, shoppers) and
 * {@code models/}.
 * A lock file keeps a second process out of the directory.
 */
public final class EmbeddedStorage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorage.class);

    /**
     * Settings for {@link #open(Path, Options)}.
     *
     * @param maxPendingEvents events accepted but not yet durable before appends are refused as overloaded
     * @param readConnections  reader connections per database file
     * @param clock            stamps received_at, change and model times
     */
    public record Options(int maxPendingEvents, int readConnections, Clock clock) {
        public Options {
            if (maxPendingEvents < 1) throw new IllegalArgumentException("maxPendingEvents must be at least 1, got " + maxPendingEvents);
            if (readConnections < 1 || readConnections > 64) {
                throw new IllegalArgumentException("readConnections must be 1..64, got " + readConnections);
            }
            Objects.requireNonNull(clock, "clock");
        }

        public static Options defaults() { return new Options(50_000, 4, Clock.systemUTC()); }

        public Options withMaxPendingEvents(int n) { return new Options(n, readConnections, clock); }

        public Options withReadConnections(int n) { return new Options(maxPendingEvents, n, clock); }

        public Options withClock(Clock c) { return new Options(maxPendingEvents, readConnections, c); }
    }

    private final Path dataDir;
    private final DataDirLock lock;
    private final SqliteDatabase mainDb;
    private final SqliteEventLog events;
    private final SqliteCatalogStore catalog;
    private final SqliteConsumerOffsets offsets;
    private final FileModelStore models;
    private final SqliteShopperStore shoppers;
    private boolean closed;

    private EmbeddedStorage(Path dataDir, DataDirLock lock, SqliteDatabase mainDb, SqliteEventLog events,
                            SqliteCatalogStore catalog, SqliteConsumerOffsets offsets, FileModelStore models,
                            SqliteShopperStore shoppers) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.mainDb = mainDb;
        this.events = events;
        this.catalog = catalog;
        this.offsets = offsets;
        this.models = models;
        this.shoppers = shoppers;
    }

    public static EmbeddedStorage open(Path dataDir) { return open(dataDir, Options.defaults()); }

    /** Opens or creates the data directory and brings both schemas up to date. */
    public static EmbeddedStorage open(Path dataDir, Options options) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(options, "options");
        DataDirLock lock = DataDirLock.acquire(dataDir);
        SqliteDatabase eventsDb = null;
        SqliteDatabase mainDb = null;
        try {
            ObjectMapper mapper = Json.mapper();
            // The event log gets a bigger page cache and background checkpoints: it is the one written at high rate.
            eventsDb = SqliteDatabase.open(dataDir.resolve("events.db"), Schemas.EVENTS,
                    new SqliteDatabase.Settings(options.readConnections(), 64 * 1024, 16_384, true), options.clock());
            mainDb = SqliteDatabase.open(dataDir.resolve("aisle.db"), Schemas.MAIN,
                    new SqliteDatabase.Settings(options.readConnections(), 16 * 1024, 1_000, false), options.clock());
            SqliteCatalogStore catalog = new SqliteCatalogStore(mainDb, new ProductJson(mapper), options.clock());
            SqliteConsumerOffsets offsets = new SqliteConsumerOffsets(mainDb, options.clock());
            FileModelStore models = new FileModelStore(mainDb, dataDir.resolve("models"), mapper, options.clock());
            SqliteShopperStore shoppers = new SqliteShopperStore(mainDb, options.clock());
            // Last, because it starts the writer thread: nothing after it can fail and leave that thread running.
            SqliteEventLog events = new SqliteEventLog(eventsDb, new EventJson(mapper, options.clock()),
                    options.clock(), options.maxPendingEvents());
            EmbeddedStorage storage = new EmbeddedStorage(dataDir, lock, mainDb, events, catalog, offsets, models,
                    shoppers);
            log.info("event=storage.open data_dir={} max_pending_events={} read_connections={}",
                    dataDir.toAbsolutePath(), options.maxPendingEvents(), options.readConnections());
            return storage;
        } catch (RuntimeException e) {
            if (eventsDb != null) eventsDb.close();
            if (mainDb != null) mainDb.close();
            lock.close();
            throw e;
        }
    }

    public Path dataDir() { return dataDir; }

    public SqliteEventLog events() { return events; }

    public SqliteCatalogStore catalog() { return catalog; }

    public SqliteConsumerOffsets offsets() { return offsets; }

    public FileModelStore models() { return models; }

    public SqliteShopperStore shoppers() { return shoppers; }

    /** Writes out queued events, closes both databases, then releases the directory lock. */
    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            events.close();
            catalog.close();
            shoppers.close();
            mainDb.close();
        } finally {
            lock.close();
            log.info("event=storage.close data_dir={}", dataDir.toAbsolutePath());
        }
    }
}
