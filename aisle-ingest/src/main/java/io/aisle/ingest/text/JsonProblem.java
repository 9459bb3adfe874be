package io.aisle.ingest.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;

/** Jackson's parse errors in one short line a merchant can act on (no source dumps, no stack of causes). */
public final class JsonProblem {
    private JsonProblem() {}

    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        // Jackson appends where it is in its own terms ("(start marker at [Source: ...") after the useful part.
        for (String tail : new String[] {"\n", " (start marker at", " at [Source"}) {
            int cut = message.indexOf(tail);
            if (cut >= 0) message = message.substring(0, cut);
        }
        if (message.length() > 160) message = message.substring(0, 160) + "...";
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "is not valid JSON" + (column > 0 ? " at column " + column : "") + " (" + message + ")";
    }

    /**
     * Why a record's top level cannot be handed to a core codec, or null. A blank field name cannot be named in a
     * field error (core's FieldError refuses blank names and the codecs report unknown fields by name), so it is
     * refused here, before decoding.
     */
    public static String topLevelProblem(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (it.next().isBlank()) return "has a field with a blank name";
        }
        return null;
    }
}
