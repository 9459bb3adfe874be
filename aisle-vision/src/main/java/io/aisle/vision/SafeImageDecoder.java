package io.aisle.vision;

import io.aisle.core.vision.Picture;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes untrusted uploads: checks the size in bytes, sniffs the format, reads the dimensions from the header and
 * refuses what would exceed {@link ImageLimits} before a single pixel is decoded. Only JPEG and PNG are accepted.
 */
public final class SafeImageDecoder {
    private static final Set<String> FORMATS = Set.of("jpeg", "png");

    private final ImageLimits limits;

    public SafeImageDecoder(ImageLimits limits) { this.limits = limits; }

    /** The image as opaque RGB pixels; transparent areas of a PNG are laid over white, the studio background. */
    public Picture decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new ImageRejectedException("empty", "The image file is empty");
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejectedException("too_large", "The image file has " + bytes.length + " bytes; at most " + limits.maxBytes() + " are accepted");
        }
        String format = sniff(bytes);
        // A memory-backed stream: no temporary files, whatever ImageIO's global cache setting is.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDimensions(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                BufferedImage image = reader.read(0, param);
                if (image.getWidth() != width || image.getHeight() != height) {
                    throw new ImageRejectedException("corrupt", "The image decoded to a size other than its header declares");
                }
                return toPicture(image);
            } finally {
                reader.dispose();
            }
        } catch (ImageRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException("corrupt", "The " + format.toUpperCase(Locale.ROOT) + " file could not be decoded: " + describe(e), e);
        } catch (OutOfMemoryError e) {
            // Only reachable if a codec allocates far beyond the declared size; the dimension check makes that unlikely.
            throw new ImageRejectedException("too_many_pixels", "The image needs more memory to decode than is allowed");
        }
    }

    /** Width and height from the header alone, after the same checks as {@link #decode}. */
    public int[] dimensions(byte[] bytes) {
        String format = sniff(bytes);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException("corrupt", "The image header could not be read: " + describe(e), e);
        }
    }

    private void checkDimensions(int width, int height) {
        if (width <= 0 || height <= 0) throw new ImageRejectedException("corrupt", "The image declares a size of " + width + "x" + height);
        if (width > limits.maxSide() || height > limits.maxSide()) {
            throw new ImageRejectedException("too_many_pixels", "The image is " + width + "x" + height + " px; each side may be at most " + limits.maxSide() + " px");
        }
        if ((long) width * height > limits.maxPixels()) {
            throw new ImageRejectedException("too_many_pixels", "The image has " + ((long) width * height) + " pixels; at most " + limits.maxPixels() + " are accepted");
        }
    }

    private static ImageReader readerFor(ImageInputStream in, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new ImageRejectedException("unsupported_format", "No decoder for " + format);
        return readers.next();
    }

    /** The format from the magic bytes: the file name and the declared content type are not trusted. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "jpeg";
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) return "png";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            throw new ImageRejectedException("unsupported_format", "WebP uploads are not supported; send JPEG or PNG");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            throw new ImageRejectedException("unsupported_format", "GIF uploads are not supported; send JPEG or PNG");
        }
        throw new ImageRejectedException("not_an_image", "The file is not a JPEG or PNG image (unrecognised leading bytes)");
    }

    private static Picture toPicture(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a == 255) continue;
            int r = ((p >> 16 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            int g = ((p >> 8 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            int bl = ((p & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            px[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return new Picture(w, h, px);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
