package io.aisle.ingest.catalog;

/** Where a feed reader puts what it reads; the reader never decides what an error means for the batch. */
interface FeedSink {
    /** Counts one data record starting on {@code line}; false when the row cap is passed and reading must stop. */
    boolean row(long line);

    /** A product assembled from the feed, to be validated. */
    void product(WireProduct product);

    /** A problem found by the reader itself (header, syntax, structure). */
    void error(long line, String field, String reason);
}
