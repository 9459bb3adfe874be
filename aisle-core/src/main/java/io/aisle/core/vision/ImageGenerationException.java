package io.aisle.core.vision;

/** An image generator could not produce a scene: the service failed, timed out, or answered with something unusable. */
public final class ImageGenerationException extends RuntimeException {
    public ImageGenerationException(String message) { super(message); }

    public ImageGenerationException(String message, Throwable cause) { super(message, cause); }
}
