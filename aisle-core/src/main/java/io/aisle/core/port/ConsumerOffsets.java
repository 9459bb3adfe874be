package io.aisle.core.port;

/** Where each consumer of a log has got to, so it resumes (or replays from 0) after a restart. */
public interface ConsumerOffsets {
    /** The last offset the consumer committed as processed; 0 when it never committed. */
    long committed(String consumer);

    void commit(String consumer, long offset);

    /** Forgets the consumer's position, so its next read starts from the beginning (a full replay). */
    void reset(String consumer);
}
