package io.aisle.server.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.server.JsonLinesFile;

import java.nio.file.Path;
import java.util.List;

/**
 * The pricing ledger: one JSON document per line in {@value #NAME} in the data directory, appended and forced to disk
 * before the call returns ({@link JsonLinesFile}). Recommendations and every approval and application (who, when, old
 * and new price, why) are entries, so the file is both the store and the audit log, and nothing is ever rewritten. A
 * torn last line from a crash is skipped on load; any other unreadable line fails the start, naming the line.
 */
public final class PricingLedger {
    public static final String NAME = "pricing-ledger.jsonl";

    private final JsonLinesFile file;

    public PricingLedger(Path dataDir, ObjectMapper mapper) { this.file = new JsonLinesFile(dataDir.resolve(NAME), mapper); }

    public Path path() { return file.path(); }

    public void append(ObjectNode entry) { file.append(entry); }

    /** Every entry in order. */
    public List<JsonNode> read() { return file.read(); }
}
