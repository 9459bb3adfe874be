package io.aisle.vision;

/**
 * How large an upload may be before anything is decoded: bytes on the wire, and pixels as declared by the file's
 * header, so a small file that would inflate to gigabytes (a decompression bomb) is refused before decoding.
 */
public record ImageLimits(long maxBytes, int maxSide, long maxPixels) {

    /** 25 MB, 8,000 px a side, 40 megapixels: more than any product photo needs. */
    public static ImageLimits standard() { return new ImageLimits(25_000_000L, 8_000, 40_000_000L); }

    public ImageLimits {
        if (maxBytes <= 0 || maxSide <= 0 || maxPixels <= 0) throw new IllegalArgumentException("image limits must be positive");
    }
}
