package io.aisle.vision;

/** An uploaded file is not an image Aisle will decode; {@link #reason()} is a stable code, the message says why. */
public final class ImageRejectedException extends RuntimeException {
    private final String reason;

    public ImageRejectedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** One of {@code empty}, {@code too_large}, {@code not_an_image}, {@code unsupported_format}, {@code too_many_pixels}, {@code corrupt}. */
    public String reason() { return reason; }
}
