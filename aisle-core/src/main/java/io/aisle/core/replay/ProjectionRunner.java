package io.aisle.core.replay;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.port.EventLog;

import java.util.List;
import java.util.Objects;

/**
 * Feeds a projection from the event log: from an offset up to the end of the log (catch-up or full replay), in
 * pages. Single-threaded by design: the caller owns the projection's thread.
 */
public final class ProjectionRunner {
    public static final int DEFAULT_PAGE = 5_000;

    private final EventLog log;
    private final int pageSize;

    public ProjectionRunner(EventLog log, int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        this.log = Objects.requireNonNull(log, "log");
        this.pageSize = pageSize;
    }

    /**
     * Applies every event after {@code afterOffset} to each projection, page by page, and returns the offset of the
     * last event applied ({@code afterOffset} when there was none).
     */
    public long catchUp(long afterOffset, List<? extends Projection> projections) {
        long at = afterOffset;
        for (List<LoggedEvent> page; !(page = log.readAfter(at, pageSize)).isEmpty(); ) {
            for (Projection p : projections) p.applyAll(page);
            at = page.getLast().offset();
        }
        return at;
    }

    /** Resets the projections and replays the whole log into them; returns the last offset applied. */
    public long rebuild(List<? extends Projection> projections) {
        projections.forEach(Projection::reset);
        return catchUp(0, projections);
    }
}
