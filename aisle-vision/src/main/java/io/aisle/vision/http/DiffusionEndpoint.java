package io.aisle.vision.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a diffusion service listens and how to talk to it.
 *
 * @param baseUrl  the service root, e.g. {@code http://127.0.0.1:7860} (Automatic1111/Forge) or
 *                 {@code https://api.openai.com} (OpenAI-compatible)
 * @param apiKey   bearer token, or empty when the service needs none
 * @param model    the model to ask for, where the API takes one (OpenAI-compatible); may be empty
 * @param timeout  for the whole request; diffusion is slow, so minutes are normal
 * @param maxSide  the canvas is scaled to at most this many px on its long side before sending
 */
public record DiffusionEndpoint(URI baseUrl, String apiKey, String model, Duration timeout, int maxSide) {
    public DiffusionEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) throw new IllegalArgumentException("baseUrl must be http or https, got " + baseUrl);
        apiKey = apiKey == null ? "" : apiKey;
        model = model == null ? "" : model;
        timeout = timeout == null ? Duration.ofMinutes(3) : timeout;
        if (maxSide < 64 || maxSide > 4096) throw new IllegalArgumentException("maxSide must be 64..4096, got " + maxSide);
    }

    /** The root joined with {@code path}, without doubling slashes. */
    URI resolve(String path) {
        String root = baseUrl.toString();
        return URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) + path : root + path);
    }
}
