package io.aisle.core.port;

import java.util.Objects;

/**
 * A text a {@link TextGenerator} wrote, with the backend that wrote it.
 *
 * @param tokens output tokens the backend reported, or 0 when it does not count them
 */
public record GeneratedText(String text, String backend, int tokens) {
    public GeneratedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(backend, "backend");
    }
}
