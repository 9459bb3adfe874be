package io.aisle.assistant;

import java.util.List;

/**
 * One message of a conversation as kept: who said it, the text, and for the assistant's turns the intent it
 * answered and the products it showed, in the order shown.
 */
public record Turn(String role, String text, String intent, List<String> products, long atMs) {
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public Turn {
        products = List.copyOf(products == null ? List.of() : products);
    }

    public static Turn user(String text, long atMs) { return new Turn(USER, text, null, List.of(), atMs); }
}
