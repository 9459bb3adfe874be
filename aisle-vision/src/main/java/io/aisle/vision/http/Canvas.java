package io.aisle.vision.http;

import io.aisle.core.vision.ImageGenerationException;
import io.aisle.core.vision.Picture;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.ImageRejectedException;
import io.aisle.vision.SafeImageDecoder;

import java.util.Base64;

/** Pictures to and from what diffusion APIs exchange: base64 PNG, sizes in multiples of 8, masks. */
final class Canvas {
    private static final SafeImageDecoder DECODER = new SafeImageDecoder(new ImageLimits(60_000_000L, 8192, 40_000_000L));

    /** Largest response accepted from a service: a 4096 px PNG in base64 stays well under it. */
    static final int MAX_RESPONSE_BYTES = 96 << 20;

    private Canvas() {}

    /** A JSON mapper for service answers: the project's strict settings, but room for multi-megabyte base64 strings. */
    static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        var factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(64).maxStringLength(MAX_RESPONSE_BYTES).build())
                .build();
        return com.fasterxml.jackson.databind.json.JsonMapper.builder(factory).build();
    }

    /** Sends {@code request} and reads at most {@link #MAX_RESPONSE_BYTES} of the answer; non-2xx answers fail. */
    static String exchange(java.net.http.HttpClient http, java.net.http.HttpRequest request, String service) {
        java.net.http.HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.io.IOException e) {
            throw new ImageGenerationException(service + " at " + request.uri().getHost() + ":" + request.uri().getPort()
                    + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageGenerationException("interrupted while waiting for " + service, e);
        }
        String body;
        try (java.io.InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) throw new ImageGenerationException(service + " answered with more than " + MAX_RESPONSE_BYTES + " bytes");
            body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new ImageGenerationException(service + " answer could not be read: " + e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ImageGenerationException(service + " answered HTTP " + response.statusCode() + ": " + excerpt(body));
        }
        return body;
    }

    /** Width and height scaled so the long side is at most {@code maxSide}, each a multiple of 8 (latent size). */
    static int[] fit(int width, int height, int maxSide) {
        double s = Math.min(1, (double) maxSide / Math.max(width, height));
        int w = Math.max(64, (int) Math.round(width * s / 8) * 8);
        int h = Math.max(64, (int) Math.round(height * s / 8) * 8);
        return new int[] {w, h};
    }

    /** The product over neutral grey, the starting image for inpainting. */
    static Picture initImage(Picture product) {
        int[] px = new int[product.argb().length];
        for (int i = 0; i < px.length; i++) {
            int p = product.argb()[i];
            int a = p >>> 24;
            int r = ((p >> 16 & 0xFF) * a + 0x80 * (255 - a)) / 255;
            int g = ((p >> 8 & 0xFF) * a + 0x80 * (255 - a)) / 255;
            int b = ((p & 0xFF) * a + 0x80 * (255 - a)) / 255;
            px[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return new Picture(product.width(), product.height(), px);
    }

    /** Automatic1111 convention: white where the model may paint (the background), black over the product. */
    static Picture paintMask(Picture product) {
        int[] px = new int[product.argb().length];
        for (int i = 0; i < px.length; i++) px[i] = (product.argb()[i] >>> 24) > 0 ? 0xFF000000 : 0xFFFFFFFF;
        return new Picture(product.width(), product.height(), px);
    }

    /** OpenAI convention: transparent where the model may paint, opaque over the product. */
    static Picture alphaMask(Picture product) {
        int[] px = new int[product.argb().length];
        for (int i = 0; i < px.length; i++) px[i] = (product.argb()[i] >>> 24) > 0 ? 0xFF000000 : 0x00000000;
        return new Picture(product.width(), product.height(), px);
    }

    static String base64Png(Picture p) { return Base64.getEncoder().encodeToString(ImageFiles.encode(p, ImageFiles.Format.PNG)); }

    static byte[] png(Picture p) { return ImageFiles.encode(p, ImageFiles.Format.PNG); }

    /** Decodes a service's base64 image through the same guarded decoder as uploads. */
    static Picture fromBase64(String b64, String service) {
        byte[] bytes;
        try {
            // Some servers prefix a data URL.
            String data = b64.startsWith("data:") ? b64.substring(b64.indexOf(',') + 1) : b64;
            bytes = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new ImageGenerationException(service + " returned an image that is not valid base64");
        }
        try {
            return DECODER.decode(bytes);
        } catch (ImageRejectedException e) {
            throw new ImageGenerationException(service + " returned an unusable image: " + e.getMessage(), e);
        }
    }

    /** A short, single-line excerpt of a response body for error messages. */
    static String excerpt(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
