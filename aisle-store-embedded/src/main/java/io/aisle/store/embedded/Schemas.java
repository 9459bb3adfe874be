package io.aisle.store.embedded;

import java.util.List;

/** The versioned schemas of the two database files; append new migrations, never edit applied ones. */
final class Schemas {
    private Schemas() {}

    /**
     * events.db: the shopper event log alone, so its writes never queue behind catalogue or model writes. Every
     * index here is keyed in arrival order, so appends only touch the right edge of each B-tree: an index on a
     * random key (event id, shopper id, client timestamp) costs about one page write per event under durable group
     * commit, which measured roughly ten times slower. Duplicates are found through an in-memory map of id hashes
     * ({@link EventIdIndex}) rebuilt from {@code events_scan}; erasure scans {@code events_scan} for a shopper's
     * events (a small fraction of the table's size) and the table itself for a linked device's anonymous-only events.
     */
    static final List<Migration> EVENTS = List.of(
            Migration.of(1, "event log",
                    """
                    CREATE TABLE events (
                        "offset"     INTEGER PRIMARY KEY,
                        event_id     TEXT    NOT NULL,
                        id_hash      INTEGER NOT NULL,
                        name         TEXT    NOT NULL,
                        shopper_id   TEXT,
                        anonymous_id TEXT,
                        session_id   TEXT    NOT NULL,
                        ts           INTEGER NOT NULL,
                        received_at  INTEGER NOT NULL,
                        payload      BLOB    NOT NULL
                    )""",
                    "CREATE INDEX events_scan ON events (\"offset\", id_hash, shopper_id)",
                    // Remembers the highest offset ever given, so erasing the newest events never lets an offset be reused.
                    "CREATE TABLE log_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"));

    /** aisle.db: catalogue, consumer offsets, model metadata and shoppers. */
    static final List<Migration> MAIN = List.of(
            Migration.of(1, "catalogue, change log, consumer offsets, models",
                    """
                    CREATE TABLE products (
                        id         TEXT    PRIMARY KEY,
                        parent_id  TEXT,
                        payload    BLOB    NOT NULL,
                        updated_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX products_parent ON products (parent_id) WHERE parent_id IS NOT NULL",
                    """
                    CREATE TABLE catalog_changes (
                        "offset"   INTEGER PRIMARY KEY,
                        at         INTEGER NOT NULL,
                        product_id TEXT    NOT NULL,
                        kind       TEXT    NOT NULL CHECK (kind IN ('upsert', 'delete')),
                        payload    BLOB
                    )""",
                    """
                    CREATE TABLE consumer_offsets (
                        consumer   TEXT    PRIMARY KEY,
                        "offset"   INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE models (
                        name       TEXT    NOT NULL,
                        version    INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        size       INTEGER NOT NULL,
                        sha256     TEXT    NOT NULL,
                        metadata   TEXT    NOT NULL,
                        PRIMARY KEY (name, version)
                    )"""),
            Migration.of(2, "shoppers: traits, consent decisions, identity links",
                    """
                    CREATE TABLE shoppers (
                        id         TEXT    PRIMARY KEY,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE shopper_traits (
                        shopper_id  TEXT    NOT NULL,
                        name        TEXT    NOT NULL,
                        value       TEXT    NOT NULL,
                        source      TEXT    NOT NULL CHECK (source IN ('stated', 'inferred', 'imported')),
                        recorded_at INTEGER NOT NULL,
                        PRIMARY KEY (shopper_id, name)
                    ) WITHOUT ROWID""",
                    // History of decisions (changes only); the latest per purpose is the one in force.
                    """
                    CREATE TABLE shopper_consents (
                        id          INTEGER PRIMARY KEY,
                        shopper_id  TEXT    NOT NULL,
                        purpose     TEXT    NOT NULL CHECK (purpose IN ('analytics', 'personalization', 'marketing')),
                        granted     INTEGER NOT NULL CHECK (granted IN (0, 1)),
                        recorded_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX shopper_consents_by_shopper ON shopper_consents (shopper_id, purpose, id)",
                    """
                    CREATE TABLE shopper_links (
                        shopper_id   TEXT    NOT NULL,
                        anonymous_id TEXT    NOT NULL,
                        linked_at    INTEGER NOT NULL,
                        PRIMARY KEY (shopper_id, anonymous_id)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX shopper_links_by_anonymous ON shopper_links (anonymous_id)"));
}
