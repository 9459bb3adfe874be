package io.aisle.content.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/** Ids made of a prefix and a counter ("r12", "job-3") that continue after the highest restored one. Thread-safe. */
final class SequentialIds {
    private final String prefix;
    private final AtomicLong last = new AtomicLong();

    SequentialIds(String prefix) { this.prefix = prefix; }

    /** Notes an id restored from a journal, so later ids follow it; ids of another shape are ignored. */
    void restored(String id) {
        if (id.startsWith(prefix) && id.length() > prefix.length() && id.length() - prefix.length() <= 18
                && id.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9')) {
            last.accumulateAndGet(Long.parseLong(id.substring(prefix.length())), Math::max);
        }
    }

    String next() { return prefix + last.incrementAndGet(); }
}
