package io.aisle.store.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file in WAL mode: a single writer connection behind a lock (SQLite admits one writer anyway) and a
 * small pool of reader connections, which WAL lets run beside the writer without blocking it.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

    /**
     * How a file is opened.
     *
     * @param readers         pooled reader connections
     * @param cacheKib        page cache of the writer (readers get a quarter each)
     * @param walPages        WAL size, in pages, at which it is checkpointed
     * @param backgroundCheckpoints checkpoint on a thread of its own instead of inside the commit that crosses walPages
     */
    record Settings(int readers, int cacheKib, int walPages, boolean backgroundCheckpoints) {}

    /** Work done on a connection; may throw SQL errors, which the database wraps. */
    @FunctionalInterface
    interface Work<T> {
        T run(SqliteHandle handle) throws SQLException;
    }

    private final Path file;
    private final SqliteHandle writer;
    /** Fair, so the checkpointer's occasional turn is not starved by the event log's writer coming straight back. */
    private final ReentrantLock writeLock;
    private final BlockingQueue<SqliteHandle> readers;
    private final int readerCount;
    private final Checkpointer checkpointer;
    private volatile boolean closed;

    private SqliteDatabase(Path file, SqliteHandle writer, BlockingQueue<SqliteHandle> readers, int readerCount,
                           SqliteHandle checkpoints, int walPages, ReentrantLock writeLock) {
        this.file = file;
        this.writer = writer;
        this.readers = readers;
        this.readerCount = readerCount;
        this.writeLock = writeLock;
        this.checkpointer = checkpoints == null ? null
                : new Checkpointer(file.getFileName().toString(), checkpoints, walPages, writeLock);
    }

    /** Opens (creating if needed) the file, brings its schema up to date, then opens the readers. */
    static SqliteDatabase open(Path file, List<Migration> migrations, Settings settings, Clock clock) {
        SqliteHandle writer = null;
        SqliteHandle checkpoints = null;
        BlockingQueue<SqliteHandle> readers = new ArrayBlockingQueue<>(settings.readers());
        // 0 turns SQLite's own checkpoints off: the checkpointer thread does them.
        int writerWalPages = settings.backgroundCheckpoints() ? 0 : settings.walPages();
        try {
            writer = new SqliteHandle(connect(file, settings.cacheKib(), writerWalPages, Role.WRITER));
            int version = migrate(writer, migrations, clock, file);
            for (int i = 0; i < settings.readers(); i++) {
                readers.add(new SqliteHandle(connect(file, settings.cacheKib() / 4, 0, Role.READER)));
            }
            if (settings.backgroundCheckpoints()) checkpoints = new SqliteHandle(connect(file, 1024, 0, Role.CHECKPOINTER));
            log.info("event=sqlite.open file={} schema_version={} readers={} background_checkpoints={}", file, version,
                    settings.readers(), settings.backgroundCheckpoints());
            return new SqliteDatabase(file, writer, readers, settings.readers(), checkpoints, settings.walPages(),
                    new ReentrantLock(true));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(checkpoints);
            readers.forEach(SqliteDatabase::closeQuietly);
            if (e instanceof RuntimeException re) throw re;
            throw new StorageException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private enum Role { WRITER, READER, CHECKPOINTER }

    private static Connection connect(Path file, int cacheKib, int walPages, Role role) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: every commit syncs the WAL, so a write that returned survives a power cut, not only a crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-cacheKib);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // The driver would otherwise run an extra query after every INSERT to serve getGeneratedKeys(), which no
        // store uses; on the event log's per-row inserts that doubled the cost.
        config.setGetGeneratedKeys(false);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var st = c.createStatement()) {
            switch (role) {
                case READER -> st.execute("PRAGMA query_only = 1");
                case WRITER -> {
                    st.execute("PRAGMA wal_autocheckpoint = " + walPages);
                    st.execute("PRAGMA journal_size_limit = " + 64L * 1024 * 1024);
                }
                case CHECKPOINTER -> { }
            }
        }
        return c;
    }

    private static int migrate(SqliteHandle h, List<Migration> migrations, Clock clock, Path file) throws SQLException {
        h.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                + "applied_at INTEGER NOT NULL)");
        int current;
        try (PreparedStatement ps = h.connection().prepareStatement("SELECT coalesce(max(version), 0) FROM schema_version");
             ResultSet rs = ps.executeQuery()) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        int known = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        if (current > known) {
            throw new StorageException("database " + file + " has schema version " + current
                    + " but this build knows up to " + known + "; it was written by a newer Aisle");
        }
        for (Migration m : migrations) {
            if (m.version() <= current) continue;
            h.exec("BEGIN IMMEDIATE");
            try {
                for (String sql : m.statements()) h.exec(sql);
                try (PreparedStatement ps = h.connection().prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, Micros.of(clock.instant()));
                    ps.executeUpdate();
                }
                h.exec("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(h);
                throw e;
            }
            log.info("event=sqlite.migrate file={} version={} description=\"{}\"", file, m.version(), m.description());
            current = m.version();
        }
        return current;
    }

    /** Runs the work in one write transaction: committed when it returns, rolled back when it throws. */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            writer.exec("BEGIN IMMEDIATE");
            try {
                T result = work.run(writer);
                writer.exec("COMMIT");
                return result;
            } catch (Throwable e) {
                // Errors too: a transaction left open would make every later BEGIN fail.
                rollbackQuietly(writer);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("write to " + file.getFileName() + " failed, nothing was written: "
                    + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Like {@link #write}, with SQLite's {@code secure_delete} on: what the work deletes is overwritten with zeros in
     * its pages instead of lingering in free space. Off again afterwards, so ordinary writes pay nothing for it.
     */
    <T> T writeErasing(Work<T> work) {
        return write(h -> {
            h.exec("PRAGMA secure_delete = ON");
            try {
                return work.run(h);
            } finally {
                h.exec("PRAGMA secure_delete = OFF");
            }
        });
    }

    /**
     * Copies the WAL into the main file and truncates it to zero bytes, so that pages written before an erasure keep
     * no copy there. Waits for readers and any running checkpoint (busy timeout); returns false when it could not
     * finish, in which case later checkpoints overwrite the WAL in time.
     */
    boolean truncateWal() {
        writeLock.lock();
        try {
            ensureOpen();
            try (var st = writer.connection().createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                return rs.next() && rs.getInt(1) == 0;
            }
        } catch (SQLException e) {
            log.warn("event=sqlite.truncate_failed file={} reason=\"{}\"", file.getFileName(), e.getMessage());
            return false;
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs read-only work on a pooled reader connection (each statement sees a consistent snapshot). */
    <T> T read(Work<T> work) {
        ensureOpen();
        SqliteHandle h;
        try {
            // Poll rather than take: a reader that arrives while the pool is being closed must not wait forever.
            while ((h = readers.poll(100, TimeUnit.MILLISECONDS)) == null) ensureOpen();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a reader of " + file.getFileName(), e);
        }
        try {
            ensureOpen();
            return work.run(h);
        } catch (SQLException e) {
            throw new StorageException("read from " + file.getFileName() + " failed: " + e.getMessage(), e);
        } finally {
            readers.add(h);
        }
    }

    Path file() { return file; }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("database " + file + " is closed");
    }

    private static void rollbackQuietly(SqliteHandle h) {
        try {
            h.exec("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back on its own (e.g. after a failed COMMIT); nothing more to undo.
            log.debug("event=sqlite.rollback_skipped reason=\"{}\"", e.getMessage());
        }
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        // Wait briefly for in-flight reads to hand their connections back, so none is closed under a reader.
        for (int i = 0; i < readerCount; i++) {
            try {
                SqliteHandle h = readers.poll(5, TimeUnit.SECONDS);
                if (h == null) break;
                closeQuietly(h);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (checkpointer != null) checkpointer.close();
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        log.info("event=sqlite.close file={}", file);
    }

    private static void closeQuietly(SqliteHandle h) {
        if (h == null) return;
        try {
            h.close();
        } catch (SQLException e) {
            log.warn("event=sqlite.close_failed reason=\"{}\"", e.getMessage());
        }
    }

    /** Whether {@code thread} is waiting for the write lock (lets tests know a writer has formed its group). */
    boolean isWaitingToWrite(Thread thread) { return writeLock.hasQueuedThread(thread); }
}
