package io.aisle.core.port;

/** A {@link TextGenerator} could not answer: unreachable, refused, timed out, or the task is not one it knows. */
public final class GenerationException extends RuntimeException {
    public GenerationException(String message) { super(message); }

    public GenerationException(String message, Throwable cause) { super(message, cause); }
}
