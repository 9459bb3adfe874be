package io.aisle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.EventJson;
import io.aisle.core.port.EventLog;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a batch of events in wire form, validates each on its own, and appends the valid ones durably. A bad
 * event never blocks the good ones beside it; each refusal is reported with its index and field errors.
 */
public final class EventIngestion {
    public static final int DEFAULT_MAX_BATCH = 1000;

    private final EventLog log;
    private final EventJson codec;
    private final int maxBatch;

    public EventIngestion(EventLog log, EventJson codec, int maxBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1");
        this.log = log;
        this.codec = codec;
        this.maxBatch = maxBatch;
    }

    /**
     * Ingests {@code {"events": [...]}}.
     *
     * @throws ValidationException when the envelope itself is wrong (nothing is stored then)
     */
    public Receipt ingest(JsonNode body) {
        if (body == null || !body.isObject()) throw new ValidationException("body", "must be a JSON object {\"events\": [...]}");
        JsonNode events = body.get("events");
        if (events == null || events.isNull()) throw new ValidationException("events", "is required");
        if (!events.isArray()) throw new ValidationException("events", "must be an array");
        if (events.isEmpty()) throw new ValidationException("events", "must hold at least one event");
        if (events.size() > maxBatch) throw new ValidationException("events", "must hold at most " + maxBatch + " events");
        var extra = new ArrayList<String>();
        body.fieldNames().forEachRemaining(n -> { if (!n.equals("events")) extra.add(n); });
        if (!extra.isEmpty()) throw new ValidationException(extra.get(0), "is not a known field");

        List<ShopperEvent> valid = new ArrayList<>(events.size());
        List<Integer> validIndex = new ArrayList<>(events.size());
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode node = events.get(i);
            Decoded<ShopperEvent> d = codec.decode(node, "events[" + i + "]");
            if (d.isValid()) {
                valid.add(d.value());
                validIndex.add(i);
            } else {
                JsonNode id = node.isObject() ? node.get("event_id") : null;
                refused.add(new Refused(i, id != null && id.isTextual() ? id.textValue() : null, d.errors()));
            }
        }
        if (valid.isEmpty()) return new Receipt(0, List.of(), refused, 0);
        List<AppendOutcome> outcomes = log.append(valid);
        int stored = 0;
        long last = 0;
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            AppendOutcome o = outcomes.get(i);
            last = Math.max(last, o.offset());
            if (o instanceof AppendOutcome.Stored) stored++;
            else duplicates.add(valid.get(i).id().value());
        }
        return new Receipt(stored, duplicates, refused, last);
    }

    /** What happened to a batch: counts, the ids already stored before, and every refused event with reasons. */
    public record Receipt(int stored, List<String> duplicateIds, List<Refused> refused, long lastOffset) {
        public Receipt {
            duplicateIds = List.copyOf(duplicateIds);
            refused = List.copyOf(refused);
        }

        public int received() { return stored + duplicateIds.size() + refused.size(); }
    }

    /** One event of the batch that was not stored, by position, with its id when it had a readable one. */
    public record Refused(int index, String eventId, List<FieldError> errors) {
        public Refused { errors = List.copyOf(errors); }
    }
}
