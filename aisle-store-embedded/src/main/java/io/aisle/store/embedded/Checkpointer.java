package io.aisle.store.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies a database's WAL back into the main file on a thread of its own. Left to SQLite, the checkpoint runs inside
 * whichever commit crosses the threshold, and that commit's callers wait for it; here passive checkpoints run beside
 * the writer, and only resetting a WAL that passed {@code restartPages} pauses it, briefly.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Pages a restart may still have to copy itself (about 8 MiB, tens of milliseconds). */
    private static final long CATCH_UP_PAGES = 2_048;

    private final String name;
    private final SqliteHandle connection;
    private final int restartPages;
    private final Lock writerLock;
    private final Thread thread;
    private volatile boolean stopped;

    Checkpointer(String name, SqliteHandle connection, int restartPages, Lock writerLock) {
        this.name = name;
        this.connection = connection;
        this.writerLock = writerLock;
        this.restartPages = restartPages;
        this.thread = Thread.ofPlatform().name("aisle-checkpoint-" + name).daemon().start(this::run);
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(INTERVAL_NANOS);
            if (stopped) break;
            try {
                long[] pass = checkpoint("PASSIVE");
                if (pass[1] >= restartPages) {
                    // A second pass copies what the writer added during the first, so the restart has little left.
                    pass = checkpoint("PASSIVE");
                    if (pass[1] - pass[2] <= CATCH_UP_PAGES || pass[1] >= 4L * restartPages) restart();
                }
            } catch (SQLException e) {
                log.warn("event=sqlite.checkpoint_failed db={} reason=\"{}\"", name, e.getMessage());
            }
        }
    }

    /**
     * Resets the WAL to its start. Taken from another connection while the writer keeps committing, a restart
     * starves (SQLite's busy handler polls for the write lock) and then copies everything written meanwhile with the
     * writer shut out, which measured as stalls of up to seconds. Holding the writer's own lock instead makes the
     * writer wait its turn once, for just the pages the passive passes left.
     */
    private void restart() throws SQLException {
        writerLock.lock();
        try {
            checkpoint("RESTART");
        } finally {
            writerLock.unlock();
        }
    }

    /** Runs one checkpoint; returns SQLite's (busy, frames in WAL, frames checkpointed). */
    private long[] checkpoint(String mode) throws SQLException {
        try (Statement st = connection.connection().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)} : new long[3];
        }
    }

    /** Stops the thread, then checkpoints everything and truncates the WAL, so a clean stop leaves one file. */
    @Override public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            checkpoint("TRUNCATE");
        } catch (SQLException e) {
            log.warn("event=sqlite.checkpoint_failed db={} reason=\"{}\"", name, e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("event=sqlite.close_failed db={} reason=\"{}\"", name, e.getMessage());
        }
    }
}
