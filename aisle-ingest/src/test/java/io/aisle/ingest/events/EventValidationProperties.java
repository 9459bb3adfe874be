package io.aisle.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventContext;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import io.aisle.ingest.JsonTrees;
import io.aisle.ingest.RowError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event files never make the reader throw: whatever the bytes, every record ends as an event or as errors with a
 * line and a field. Valid events survive encode, write, read unchanged, through JSONL and through CSV.
 */
class EventValidationProperties {
    private static final List<String> FIELDS = List.of("event_id", "name", "shopper_id", "anonymous_id", "session_id",
            "timestamp", "items", "query", "filters", "value", "currency", "context", "dwell_ms", "scroll_pct", "zoom",
            "item_id", "price", "quantity", "index", "device", "referrer", "locale", "page_url", "user_agent");

    private final ObjectMapper mapper = Json.mapper();
    private final EventJson codec = new EventJson(mapper, EventFileReaderTest.CLOCK);
    private final EventFileReader reader = new EventFileReader(codec, mapper);

    private record Read(List<ShopperEvent> events, List<RowError> errors, EventReadSummary summary) {}

    private Read read(byte[] bytes, EventFileFormat format) throws IOException {
        List<ShopperEvent> events = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        EventReadSummary summary = reader.read(new ByteArrayInputStream(bytes), format, 7, chunk -> {
            events.addAll(chunk.events());
            errors.addAll(chunk.errors());
        });
        assertThat(summary.eventsRead()).isEqualTo(events.size());
        assertThat(summary.errorCount()).isEqualTo(errors.size());
        return new Read(events, errors, summary);
    }

    private Read read(String text, EventFileFormat format) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), format);
    }

    private static void wellFormed(List<RowError> errors, long lines) {
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.line()).isBetween(1L, lines + 1);
            assertThat(e.field()).isNotBlank();
            assertThat(e.reason()).isNotBlank();
        });
    }

    // ---- valid events round-trip ----

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void valid_events_round_trip_through_jsonl(@ForAll("events") ShopperEvent event) throws IOException {
        Read r = read(mapper.writeValueAsString(codec.encode(event)) + "\n", EventFileFormat.JSONL);

        assertThat(r.errors()).isEmpty();
        assertThat(r.events()).containsExactly(event);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void valid_events_round_trip_through_csv(@ForAll("csvEvents") ShopperEvent event) throws IOException {
        Read r = read(toCsv(event), EventFileFormat.CSV);

        assertThat(r.errors()).isEmpty();
        assertThat(r.events()).containsExactly(event);
    }

    // ---- malformed input is reported, never thrown ----

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void random_json_trees_are_decoded_or_reported(@ForAll("trees") JsonNode tree) throws IOException {
        Read r = read(mapper.writeValueAsString(tree) + "\n", EventFileFormat.JSONL);

        assertThat(r.events().size() + (r.errors().isEmpty() ? 0 : 1)).isEqualTo(1);
        wellFormed(r.errors(), 1);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutated_valid_events_are_decoded_or_reported(@ForAll("events") ShopperEvent event,
                                                      @ForAll("mutations") List<Mutation> mutations) throws IOException {
        ObjectNode node = codec.encode(event);
        mutations.forEach(m -> m.apply(node));

        Read r = read(mapper.writeValueAsString(node) + "\n", EventFileFormat.JSONL);

        assertThat(r.events().size() + (r.errors().isEmpty() ? 0 : 1)).isEqualTo(1);
        wellFormed(r.errors(), 1);
    }

    @Property(tries = 300)
    void random_text_never_breaks_either_reader(@ForAll("noise") String text) throws IOException {
        // A lone carriage return ends a line too (CSV readers and editors count it), so count every kind of break.
        long lines = text.split("\r\n|\r|\n", -1).length;
        wellFormed(read(text, EventFileFormat.JSONL).errors(), lines);
        wellFormed(read(text, EventFileFormat.CSV).errors(), lines);
    }

    @Property(tries = 100)
    void random_bytes_never_break_either_reader(@ForAll byte[] bytes) throws IOException {
        read(bytes, EventFileFormat.JSONL);
        read(bytes, EventFileFormat.CSV);
    }

    @Property(tries = 300)
    void random_csv_rows_are_decoded_or_reported(@ForAll("csvRows") List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(EventCsv.COLUMNS);
            for (List<String> row : rows) printer.printRecord(row);
        }

        Read r = read(out.toString(), EventFileFormat.CSV);

        assertThat(r.summary().rowsRead()).isLessThanOrEqualTo(rows.size());
        wellFormed(r.errors(), out.toString().split("\r\n|\r|\n", -1).length);
    }

    // ---- generators ----

    static Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars("-_.:@").ofMinLength(1).ofMaxLength(24)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    /** Printable text without edge whitespace (CSV cells are stripped) and without CSV-list separators. */
    static Arbitrary<String> words(int max) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éß€中\"\n").ofMinLength(1).ofMaxLength(max)
                .map(String::strip).filter(s -> !s.isEmpty() && s.indexOf('|') < 0 && s.indexOf('=') < 0);
    }

    /**
     * Amounts as the mapper reads them back: Jackson strips trailing zeros from decimals (so 10.50 decodes as 10.5,
     * equal by compareTo but not by equals), hence generated amounts start stripped.
     */
    static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.longs().between(0, 100_000_000).map(cents -> BigDecimal.valueOf(cents, 2).stripTrailingZeros());
    }

    @Provide Arbitrary<ShopperEvent> events() { return events(true); }

    @Provide Arbitrary<ShopperEvent> csvEvents() { return events(false); }

    /** Events that pass every rule of the codec; with {@code full} false, only what the CSV columns can hold. */
    static Arbitrary<ShopperEvent> events(boolean full) {
        Arbitrary<Actor> actors = Arbitraries.oneOf(
                ids().map(id -> new Actor(ShopperId.of(id), null)),
                ids().map(id -> new Actor(null, AnonymousId.of(id))),
                Combinators.combine(ids(), ids()).as((s, a) -> new Actor(ShopperId.of(s), AnonymousId.of(a))));
        Arbitrary<Instant> times = Arbitraries.longs().between(1_577_836_800L, 1_772_236_800L)
                .flatMap(s -> Arbitraries.integers().between(0, full ? 999_999_999 : 0).map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<EventItem> items = Combinators.combine(ids(), amounts().injectNull(0.3), Arbitraries.integers().between(1, 1000),
                        full ? Arbitraries.integers().between(0, 500).injectNull(0.5) : Arbitraries.just(null))
                .as((id, price, qty, index) -> new EventItem(ProductId.of(id), price, qty, index));
        Arbitrary<EventContext> contexts = Combinators.combine(words(20).injectNull(0.5), words(60).injectNull(0.5),
                        Arbitraries.of("en-GB", "de-DE", "fr").injectNull(0.5), words(80).injectNull(0.6), words(80).injectNull(0.6))
                .as(EventContext::new);
        Arbitrary<Map<String, List<String>>> filters = Arbitraries.maps(words(20), words(20).list().ofMinSize(1).ofMaxSize(3))
                .ofMinSize(1).ofMaxSize(3);
        Arbitrary<EventName> names = Arbitraries.of(EventName.class);
        return Combinators.combine(ids(), names, actors, ids(), times, items.list().ofMinSize(1).ofMaxSize(4), contexts,
                        Combinators.combine(words(100), filters, amounts().injectNull(0.5), Arbitraries.of("USD", "EUR", "JPY"),
                                Arbitraries.longs().between(0, 86_400_000), Arbitraries.integers().between(0, 100),
                                Arbitraries.doubles().between(1.0, 100.0).ofScale(2)).as(Extras::new))
                .as((id, name, actor, session, time, itemList, ctx, x) -> {
                    List<EventItem> its = name.needsItems() || x.value() != null ? itemList : List.of();
                    String query = name == EventName.SEARCH ? x.query() : null;
                    Map<String, List<String>> f = name == EventName.FILTER_APPLIED ? x.filters() : Map.of();
                    Long dwell = name == EventName.DWELL || name == EventName.VIEW_ITEM ? x.dwell() : null;
                    Integer scroll = name == EventName.SCROLL || name == EventName.PAGE_VIEW ? x.scroll() : null;
                    Double zoom = name == EventName.IMAGE_ZOOM ? x.zoom() : null;
                    String currency = x.value() == null ? null : x.currency();
                    return new ShopperEvent(EventId.of(id), name, actor, session, time, its, query, f, x.value(), currency,
                            ctx, dwell, scroll, zoom);
                });
    }

    private record Extras(String query, Map<String, List<String>> filters, BigDecimal value, String currency, long dwell,
                          int scroll, double zoom) {}

    @Provide Arbitrary<JsonNode> trees() { return JsonTrees.trees(3, FIELDS); }

    /** One change to an event's wire form: drop a field or set one (at the top, in an item, or in the context). */
    record Mutation(String where, String field, JsonNode value) {
        void apply(ObjectNode node) {
            ObjectNode target = node;
            if (where.equals("item") && node.get("items") instanceof ArrayNode a && !a.isEmpty() && a.get(0) instanceof ObjectNode o) target = o;
            if (where.equals("context") && node.get("context") instanceof ObjectNode o) target = o;
            if (value == null) target.remove(field);
            else target.set(field, value);
        }
    }

    @Provide Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.of("top", "top", "item", "context"), Arbitraries.of(FIELDS),
                        JsonTrees.trees(1, FIELDS).injectNull(0.3))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide Arbitrary<String> noise() { return JsonTrees.noisyText(); }

    @Provide Arbitrary<List<List<String>>> csvRows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                JsonTrees.interestingStrings(),
                Arbitraries.of("", "", "", "a|b", "1|2|3", "1|x", "color=red|size", "=x", "1.5", "-4", "101", "2026-02-11T18:02:11Z"),
                Arbitraries.of(EventName.class).map(EventName::wire));
        return cell.list().ofMinSize(EventCsv.COLUMNS.size() - 1).ofMaxSize(EventCsv.COLUMNS.size() + 1).list().ofMinSize(1).ofMaxSize(4);
    }

    // ---- CSV writer for the round trip: one column per field, items joined by "|" ----

    private static String toCsv(ShopperEvent e) throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("event_id", e.id().value());
        cells.put("name", e.name().wire());
        cells.put("shopper_id", e.actor().shopperId() == null ? "" : e.actor().shopperId().value());
        cells.put("anonymous_id", e.actor().anonymousId() == null ? "" : e.actor().anonymousId().value());
        cells.put("session_id", e.sessionId());
        cells.put("timestamp", e.timestamp().toString());
        cells.put("item_id", e.items().stream().map(i -> i.itemId().value()).collect(Collectors.joining("|")));
        boolean prices = e.items().stream().anyMatch(i -> i.price() != null);
        cells.put("price", prices ? e.items().stream().map(i -> i.price() == null ? "" : i.price().toString())
                .collect(Collectors.joining("|")) : "");
        cells.put("quantity", e.items().stream().map(i -> String.valueOf(i.quantity())).collect(Collectors.joining("|")));
        cells.put("query", e.query() == null ? "" : e.query());
        cells.put("value", e.value() == null ? "" : e.value().toString());
        cells.put("currency", e.currency() == null ? "" : e.currency());
        cells.put("dwell_ms", e.dwellMs() == null ? "" : e.dwellMs().toString());
        cells.put("scroll_pct", e.scrollPct() == null ? "" : e.scrollPct().toString());
        cells.put("zoom", e.zoom() == null ? "" : e.zoom().toString());
        cells.put("device", nullToEmpty(e.context().device()));
        cells.put("referrer", nullToEmpty(e.context().referrer()));
        cells.put("locale", nullToEmpty(e.context().locale()));
        cells.put("page_url", nullToEmpty(e.context().pageUrl()));
        cells.put("user_agent", nullToEmpty(e.context().userAgent()));
        cells.put("filters", e.filters().entrySet().stream()
                .flatMap(f -> f.getValue().stream().map(v -> f.getKey() + "=" + v)).collect(Collectors.joining("|")));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(cells.keySet());
            printer.printRecord(cells.values());
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) { return s == null ? "" : s; }
}
