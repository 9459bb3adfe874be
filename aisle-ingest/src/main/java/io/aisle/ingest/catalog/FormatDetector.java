package io.aisle.ingest.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Tells a feed's format from its file name and first bytes; null when neither is telling. */
final class FormatDetector {
    private FormatDetector() {}

    /** How much of the file detection looks at. */
    static final int HEAD_BYTES = 1 << 16;

    static CatalogFormat detect(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String firstLine = firstLine(text);
        String ext = extension(fileName);
        return switch (ext) {
            case "jsonl", "ndjson", "json" -> json(firstLine);
            case "xml", "rss", "atom" -> CatalogFormat.GMC_XML;
            case "tsv" -> CatalogFormat.GMC_TSV;
            case "csv" -> delimited(firstLine);
            default -> sniff(text.stripLeading(), firstLine);
        };
    }

    private static CatalogFormat sniff(String text, String firstLine) {
        if (text.startsWith("<")) return CatalogFormat.GMC_XML;
        if (text.startsWith("{")) return json(firstLine);
        if (firstLine.indexOf('\t') >= 0 || firstLine.indexOf(',') >= 0) return delimited(firstLine);
        return null;
    }

    // The Luma file names products by "sku"; Aisle's wire form by "id".
    private static CatalogFormat json(String firstLine) {
        return firstLine.contains("\"sku\"") && !firstLine.contains("\"id\"") ? CatalogFormat.LUMA_JSONL : CatalogFormat.JSONL;
    }

    private static CatalogFormat delimited(String header) {
        if (header.indexOf('\t') >= 0 && header.indexOf(',') < 0) return CatalogFormat.GMC_TSV;
        List<String> columns = Arrays.stream(header.split(",", -1))
                .map(c -> c.strip().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
        boolean shopify = columns.contains("handle")
                && (columns.contains("variant sku") || columns.contains("body (html)") || columns.contains("variant price"));
        return shopify ? CatalogFormat.SHOPIFY_CSV : CatalogFormat.CSV;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n", 64)) {
            if (!line.isBlank()) return line.strip();
        }
        return "";
    }

    private static String extension(String fileName) {
        if (fileName == null) return "";
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) return "";
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot > slash ? name.substring(dot + 1) : "";
    }
}
