package io.aisle.ingest.catalog;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one feed format record by record into a sink. Bad data is reported to the sink, never thrown; only a
 * failing stream (disk, network) throws.
 */
sealed interface FeedReader permits JsonlFeed, CsvFeed, GmcTsvFeed, GmcXmlFeed, ShopifyFeed, LumaFeed {
    /** The longest line or record read, in bytes or characters: far above any valid product, far below memory. */
    int MAX_RECORD = 1 << 20;

    void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException;
}
