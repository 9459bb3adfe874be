package io.aisle.core.port;

import java.util.Objects;

/** One message of a conversation sent to a {@link TextGenerator}. */
public record ChatTurn(Role role, String text) {
    /** Who said it. */
    public enum Role { USER, ASSISTANT }

    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatTurn user(String text) { return new ChatTurn(Role.USER, text); }

    public static ChatTurn assistant(String text) { return new ChatTurn(Role.ASSISTANT, text); }
}
