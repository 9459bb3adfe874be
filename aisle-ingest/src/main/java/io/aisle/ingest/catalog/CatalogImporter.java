package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.catalog.Product;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import io.aisle.ingest.RowError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads catalogue feeds (JSONL, CSV, Google Merchant Center TSV/XML, Shopify CSV, Magento Luma) into products,
 * with every problem reported by line and field. It never throws on bad data; only an unreadable file throws.
 *
 * <p>Two ways to read: whole batch ({@link #read(Path, ImportOptions)}), where the caller writes the catalogue
 * only if the result is clean; and chunked ({@link #read(Path, ImportOptions, Consumer, int)}), where valid
 * products are handed on as they are read, for feeds too big to hold, when the caller accepts that a feed with
 * errors is written in part.
 */
public final class CatalogImporter {
    /**
     * The stock location standing for "available, quantity unknown": feeds that give availability but no count
     * (GMC in_stock, untracked Shopify inventory, the Luma sample) get {@code {"online": 1}}, or 0 when unavailable.
     */
    public static final String AVAILABILITY_LOCATION = "online";

    private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);
    private static final int BATCH_CHUNK = 8_192;

    private final ProductJson codec;
    private final ObjectMapper mapper;

    public CatalogImporter(ProductJson codec, ObjectMapper mapper) {
        this.codec = codec;
        this.mapper = mapper;
    }

    /** An importer on Aisle's standard JSON configuration. */
    public static CatalogImporter standard() {
        ObjectMapper mapper = Json.mapper();
        return new CatalogImporter(new ProductJson(mapper), mapper);
    }

    /** Reads a whole feed; the format is {@code options.format()} or detected from the name and content. */
    public FeedResult read(Path file, ImportOptions options) throws IOException {
        List<Product> products = new ArrayList<>();
        FeedSummary s = read(file, options, products::addAll, BATCH_CHUNK);
        return new FeedResult(s.format(), products, s.errors(), s.errorCount(), s.rowsRead());
    }

    /** Reads a whole feed from a stream; {@code format} null means {@code options.format()}, then detection. */
    public FeedResult read(InputStream in, CatalogFormat format, ImportOptions options) throws IOException {
        List<Product> products = new ArrayList<>();
        FeedSummary s = read(in, format, options, products::addAll, BATCH_CHUNK);
        return new FeedResult(s.format(), products, s.errors(), s.errorCount(), s.rowsRead());
    }

    /**
     * Reads a feed in chunks of at most {@code chunkSize} valid products, handed to {@code chunkSink} in file
     * order while reading goes on; errors are gathered in the summary.
     */
    public FeedSummary read(Path file, ImportOptions options, Consumer<List<Product>> chunkSink, int chunkSize) throws IOException {
        requireChunkSize(chunkSize);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), FormatDetector.HEAD_BYTES)) {
            CatalogFormat format = options.format() != null ? options.format() : FormatDetector.detect(file.getFileName().toString(), head(in));
            return read(in, format, options, chunkSink, chunkSize, file.toString());
        }
    }

    /** Chunked reading from a stream; {@code format} null means {@code options.format()}, then detection by content. */
    public FeedSummary read(InputStream in, CatalogFormat format, ImportOptions options, Consumer<List<Product>> chunkSink,
                            int chunkSize) throws IOException {
        requireChunkSize(chunkSize);
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, FormatDetector.HEAD_BYTES);
        CatalogFormat chosen = format != null ? format : options.format() != null ? options.format() : FormatDetector.detect(null, head(buffered));
        return read(buffered, chosen, options, chunkSink, chunkSize, "stream");
    }

    /** The format the file would be read as without {@code --format}, if it can be told. */
    public Optional<CatalogFormat> detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), FormatDetector.HEAD_BYTES)) {
            return Optional.ofNullable(FormatDetector.detect(file.getFileName().toString(), head(in)));
        }
    }

    private FeedSummary read(InputStream in, CatalogFormat format, ImportOptions options, Consumer<List<Product>> chunkSink,
                             int chunkSize, String name) throws IOException {
        FeedCollector collector = new FeedCollector(codec, options, chunkSink, chunkSize);
        if (format == null) {
            collector.error(0, RowError.FILE, "cannot tell the feed format from its name or content; name one of: "
                    + CatalogFormat.allNames());
        } else {
            reader(format).read(in, options, collector);
            collector.finish();
            if (collector.rows() == 0 && collector.errorCount() == 0) collector.error(0, RowError.FILE, "holds no products");
        }
        log.debug("read {} as {}: {} records, {} products, {} errors", name, format, collector.rows(),
                collector.products(), collector.errorCount());
        return new FeedSummary(format, collector.products(), collector.errors(), collector.errorCount(), collector.rows());
    }

    private FeedReader reader(CatalogFormat format) {
        return switch (format) {
            case JSONL -> new JsonlFeed(mapper);
            case CSV -> new CsvFeed();
            case GMC_TSV -> new GmcTsvFeed();
            case GMC_XML -> new GmcXmlFeed();
            case SHOPIFY_CSV -> new ShopifyFeed();
            case LUMA_JSONL -> new LumaFeed(mapper);
        };
    }

    private static void requireChunkSize(int chunkSize) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunkSize must be at least 1 (got " + chunkSize + ")");
    }

    private static byte[] head(InputStream in) throws IOException {
        in.mark(FormatDetector.HEAD_BYTES);
        byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
        in.reset();
        return head;
    }
}
