package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.json.EventJson;
import io.aisle.core.port.EventLog;
import io.aisle.core.validation.FieldError;
import io.aisle.ingest.EventIngestion;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/** HTTP face of the event log: batches in, the log read back out by offset. */
public final class EventRoutes implements Routes {
    private final EventIngestion ingestion;
    private final EventLog log;
    private final EventJson codec;
    private final ObjectMapper mapper;
    private final Bodies bodies;
    private final long maxBodyBytes;
    private final Semaphore inFlight;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter refused;
    private final Counter shed;

    public EventRoutes(EventIngestion ingestion, EventLog log, EventJson codec, ObjectMapper mapper, long maxBodyBytes,
                       int maxConcurrent, MeterRegistry metrics) {
        this.ingestion = ingestion;
        this.log = log;
        this.codec = codec;
        this.mapper = mapper;
        this.bodies = new Bodies(mapper);
        this.maxBodyBytes = maxBodyBytes;
        this.inFlight = new Semaphore(maxConcurrent);
        this.stored = metrics.counter("aisle.events.received", "outcome", "stored");
        this.duplicates = metrics.counter("aisle.events.received", "outcome", "duplicate");
        this.refused = metrics.counter("aisle.events.received", "outcome", "refused");
        this.shed = metrics.counter("aisle.events.shed.requests");
    }

    @Override public void register(Router router) {
        router.post("/v1/events", Role.PUBLIC, this::ingest);
        router.get("/v1/events", Role.ADMIN, this::read);
    }

    private void ingest(Context ctx) {
        // Shedding before reading the body keeps an overloaded server responsive instead of queueing without bound.
        if (!inFlight.tryAcquire()) {
            shed.increment();
            throw new ApiException(429, "overloaded", "Too many event batches in flight; retry shortly", List.of(), 1L);
        }
        try {
            JsonNode body = bodies.json(ctx, maxBodyBytes);
            EventIngestion.Receipt receipt = ingestion.ingest(body);
            stored.increment(receipt.stored());
            duplicates.increment(receipt.duplicateIds().size());
            refused.increment(receipt.refused().size());
            if (receipt.stored() == 0 && receipt.duplicateIds().isEmpty()) {
                List<FieldError> all = new ArrayList<>();
                receipt.refused().forEach(r -> all.addAll(r.errors()));
                throw new ApiException(422, "validation_failed",
                        "No event of the batch was valid; nothing was stored", all, null);
            }
            ctx.json(receiptJson(receipt));
        } finally {
            inFlight.release();
        }
    }

    private ObjectNode receiptJson(EventIngestion.Receipt r) {
        ObjectNode n = mapper.createObjectNode();
        n.put("received", r.received());
        n.put("stored", r.stored());
        n.put("duplicates", r.duplicateIds().size());
        n.put("refused", r.refused().size());
        n.put("last_offset", r.lastOffset());
        ArrayNode dup = n.putArray("duplicate_ids");
        r.duplicateIds().forEach(dup::add);
        ArrayNode errors = n.putArray("refused_events");
        for (EventIngestion.Refused x : r.refused()) {
            ObjectNode e = errors.addObject();
            e.put("index", x.index());
            if (x.eventId() != null) e.put("event_id", x.eventId());
            ArrayNode fields = e.putArray("errors");
            x.errors().forEach(f -> fields.addObject().put("field", f.field()).put("reason", f.reason()));
        }
        return n;
    }

    private void read(Context ctx) {
        long after = Params.longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
        List<LoggedEvent> events = log.readAfter(after, limit);
        ObjectNode n = mapper.createObjectNode();
        ArrayNode list = n.putArray("events");
        for (LoggedEvent e : events) {
            ObjectNode item = list.addObject();
            item.put("offset", e.offset());
            item.put("received_at", e.receivedAt().toString());
            item.set("event", codec.encode(e.event()));
        }
        n.put("next_after", events.isEmpty() ? after : events.get(events.size() - 1).offset());
        n.put("last_offset", log.lastOffset());
        ctx.json(n);
    }
}
