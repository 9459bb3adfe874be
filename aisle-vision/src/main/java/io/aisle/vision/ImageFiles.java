package io.aisle.vision;

import io.aisle.core.vision.Picture;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encoding and resampling. PNG is lossless, so a PNG output keeps the product pixels exact; JPEG (quality 0.92) is
 * for delivery where size matters. WebP is not offered: no maintained pure-Java WebP encoder is on Maven Central.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** The delivery formats. */
    public enum Format {
        PNG("png", "image/png"), JPEG("jpg", "image/jpeg");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() { return extension; }

        public String mediaType() { return mediaType; }

        public static Format parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "png" -> PNG;
                case "jpg", "jpeg" -> JPEG;
                default -> throw new IllegalArgumentException("unknown format '" + s + "'; use png or jpeg");
            };
        }
    }

    public static byte[] encode(Picture picture, Format format) {
        boolean alpha = format == Format.PNG && hasAlpha(picture);
        BufferedImage image = new BufferedImage(picture.width(), picture.height(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format == Format.PNG ? "png" : "jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + format, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The matte as a grey PNG-ready picture: white product, black background. */
    public static Picture matteImage(ProductMatte matte) {
        int[] px = new int[matte.alpha().length];
        for (int i = 0; i < px.length; i++) {
            int a = matte.alphaAt(i);
            int s = matte.shadow()[i] & 0xFF;
            // Shadow shown in dark blue so a reviewer sees what was kept out of the product.
            px[i] = a > 0 ? 0xFF000000 | a << 16 | a << 8 | a : 0xFF000000 | (s / 2);
        }
        return new Picture(matte.width(), matte.height(), px);
    }

    /** {@code picture} resampled (bilinear) so its longer side is {@code longSide}; returned as is when it already is. */
    public static Picture toLongSide(Picture picture, int longSide) {
        int w = picture.width();
        int h = picture.height();
        if (Math.max(w, h) == longSide) return picture;
        double s = (double) longSide / Math.max(w, h);
        return resize(picture, Math.max(1, (int) Math.round(w * s)), Math.max(1, (int) Math.round(h * s)));
    }

    public static Picture resize(Picture picture, int width, int height) {
        if (picture.width() == width && picture.height() == height) return picture;
        BufferedImage src = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        int[] px = dst.getRGB(0, 0, width, height, null, 0, width);
        return new Picture(width, height, px);
    }

    /** Like {@link #resize} but keeps the alpha channel (bilinear on premultiplied pixels, as Java2D does). */
    public static Picture resizeArgb(Picture picture, int width, int height) {
        if (picture.width() == width && picture.height() == height) return picture;
        BufferedImage src = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return new Picture(width, height, dst.getRGB(0, 0, width, height, null, 0, width));
    }

    private static boolean hasAlpha(Picture p) {
        for (int v : p.argb()) if ((v >>> 24) != 255) return true;
        return false;
    }
}
