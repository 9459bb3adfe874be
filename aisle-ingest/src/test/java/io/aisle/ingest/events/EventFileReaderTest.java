package io.aisle.ingest.events;

import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.ingest.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.aisle.ingest.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class EventFileReaderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final EventFileReader reader = new EventFileReader(new EventJson(Json.mapper(), CLOCK), Json.mapper());

    private record Collected(List<ShopperEvent> events, List<RowError> errors, List<EventChunk> chunks, EventReadSummary summary) {}

    private Collected read(Path file, int chunkSize) throws IOException {
        List<EventChunk> chunks = new ArrayList<>();
        EventReadSummary summary = reader.read(file, chunkSize, chunks::add);
        return new Collected(chunks.stream().flatMap(c -> c.events().stream()).toList(),
                chunks.stream().flatMap(c -> c.errors().stream()).toList(), chunks, summary);
    }

    private Collected readCsv(String csv) throws IOException {
        List<EventChunk> chunks = new ArrayList<>();
        EventReadSummary summary = reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), EventFileFormat.CSV, 100, chunks::add);
        return new Collected(chunks.stream().flatMap(c -> c.events().stream()).toList(),
                chunks.stream().flatMap(c -> c.errors().stream()).toList(), chunks, summary);
    }

    @Test
    void reads_wire_form_events_from_jsonl() throws IOException {
        Collected c = read(resource("events/events.jsonl"), 100);

        assertThat(c.summary()).isEqualTo(new EventReadSummary(EventFileFormat.JSONL, 5, 5, 0));
        assertThat(c.errors()).isEmpty();
        assertThat(c.events()).extracting(ShopperEvent::name).containsExactly(
                EventName.PAGE_VIEW, EventName.SEARCH, EventName.VIEW_ITEM, EventName.ADD_TO_CART, EventName.PURCHASE);
        ShopperEvent purchase = c.events().get(4);
        assertThat(purchase.timestamp()).isEqualTo(Instant.parse("2026-02-10T08:21:45Z"));
        assertThat(purchase.items()).hasSize(2);
        assertThat(purchase.value()).isEqualByComparingTo("175.00");
    }

    @Test
    void reports_each_bad_jsonl_line_and_keeps_the_good_ones() throws IOException {
        Collected c = read(resource("events/events_errors.jsonl"), 100);

        assertThat(c.events()).extracting(e -> e.id().value()).containsExactly("ok-1");
        assertThat(c.errors()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "name"),
                org.assertj.core.groups.Tuple.tuple(3L, "shopper_id"),
                org.assertj.core.groups.Tuple.tuple(3L, "timestamp"),
                org.assertj.core.groups.Tuple.tuple(3L, "items"),
                org.assertj.core.groups.Tuple.tuple(4L, "record"),
                org.assertj.core.groups.Tuple.tuple(5L, "items[0].quantity"),
                org.assertj.core.groups.Tuple.tuple(5L, "currency"),
                org.assertj.core.groups.Tuple.tuple(6L, "timestamp"));
        assertThat(c.errors().get(7).toString()).isEqualTo("line 6: timestamp: is more than 24 hours in the future");
        assertThat(c.summary().rowsRead()).isEqualTo(6);
        assertThat(c.summary().errorCount()).isEqualTo(8);
    }

    @Test
    void reads_csv_events_with_several_items_per_row() throws IOException {
        Collected c = read(resource("events/events.csv"), 100);

        assertThat(c.errors()).isEmpty();
        assertThat(c.events()).hasSize(5);
        assertThat(c.events().get(0).scrollPct()).isEqualTo(65);
        assertThat(c.events().get(0).context().referrer()).isEqualTo("https://news.example.org/gear-guide");
        assertThat(c.events().get(1).query()).isEqualTo("tent, 2 person");
        assertThat(c.events().get(2).dwellMs()).isEqualTo(42_000L);
        assertThat(c.events().get(3).zoom()).isEqualTo(2.5);
        ShopperEvent purchase = c.events().get(4);
        assertThat(purchase.actor().shopperId().value()).isEqualTo("cust-42");
        assertThat(purchase.items()).extracting(i -> i.itemId().value(), i -> i.quantity()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TENT-2P", 1), org.assertj.core.groups.Tuple.tuple("MUG-ENAMEL-BLUE", 2));
        assertThat(purchase.items().get(1).price()).isEqualByComparingTo(new BigDecimal("14.50"));
    }

    @Test
    void names_csv_columns_in_errors() throws IOException {
        Collected c = read(resource("events/events_errors.csv"), 100);

        assertThat(c.events()).extracting(e -> e.id().value()).containsExactly("ok-1");
        assertThat(c.events().get(0).filters()).isEqualTo(Map.of("color", List.of("red", "blue"), "size", List.of("M")));
        assertThat(c.errors()).containsExactly(
                new RowError(3, "item_id", "is required for view_item"),
                new RowError(4, "price", "has 1 values for 2 items; give one per item_id, separated by |"),
                new RowError(5, "dwell_ms", "must be a whole number"),
                new RowError(6, "quantity[1]", "must be between 1 and 1000000"),
                new RowError(6, "zoom", "must be between 1.0 and 100.0"),
                new RowError(7, "shopper_id", "shopper_id or anonymous_id is required"),
                new RowError(8, "filters", "entry 'red' must be name=value, e.g. color=red"));
    }

    @Test
    void refuses_unknown_and_missing_columns_in_the_header() throws IOException {
        Collected c = readCsv("event_id,name,anonymous_id,timestamp,sesion_id\ne1,search,a,2026-02-11T18:02:11Z,s\n");

        assertThat(c.errors()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "sesion_id"),
                org.assertj.core.groups.Tuple.tuple(1L, "session_id"));
        assertThat(c.events()).isEmpty();
    }

    @Test
    void streams_in_chunks_of_the_requested_size(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_345; i++) {
            sb.append("{\"event_id\":\"e").append(i).append("\",\"name\":\"search\",\"anonymous_id\":\"a\",\"session_id\":\"s\",")
                    .append("\"timestamp\":\"2026-02-11T18:02:11Z\",\"query\":\"q").append(i).append("\"}\n");
            if (i % 1000 == 999) sb.append("{broken\n");
        }
        Path file = dir.resolve("many.ndjson");
        Files.writeString(file, sb);

        Collected c = read(file, 500);

        assertThat(c.chunks()).extracting(ch -> ch.events().size()).containsExactly(500, 500, 500, 500, 345);
        assertThat(c.errors()).extracting(RowError::line).containsExactly(1001L, 2002L);
        assertThat(c.summary()).isEqualTo(new EventReadSummary(EventFileFormat.JSONL, 2_347, 2_345, 2));
    }
}
