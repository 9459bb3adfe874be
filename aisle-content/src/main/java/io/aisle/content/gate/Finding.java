package io.aisle.content.gate;

import java.util.Objects;

/**
 * One thing a gate found wrong with a text; the message is written to be sent back to the generator as feedback.
 *
 * @param code short stable name ({@code unsupported_material}, {@code too_long})
 */
public record Finding(String gate, String code, String message) {
    public Finding {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
