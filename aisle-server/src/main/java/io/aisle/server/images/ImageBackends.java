package io.aisle.server.images;

import io.aisle.core.port.ImageGenerator;
import io.aisle.vision.StudioCompositor;
import io.aisle.vision.http.Automatic1111Generator;
import io.aisle.vision.http.DiffusionEndpoint;
import io.aisle.vision.http.OpenAiImageEditsGenerator;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Picks the scene generator from settings: {@code AISLE_IMAGES_BACKEND} = {@code builtin} (default),
 * {@code automatic1111} or {@code openai}, with {@code AISLE_IMAGES_URL}, {@code AISLE_IMAGES_API_KEY} and
 * {@code AISLE_IMAGES_MODEL} for the HTTP ones.
 */
public final class ImageBackends {
    private ImageBackends() {}

    public static ImageGenerator from(Map<String, String> env) {
        return create(env.getOrDefault("AISLE_IMAGES_BACKEND", "builtin"), env.get("AISLE_IMAGES_URL"),
                env.get("AISLE_IMAGES_API_KEY"), env.get("AISLE_IMAGES_MODEL"));
    }

    /** The generator named {@code backend}; HTTP backends need {@code url}. */
    public static ImageGenerator create(String backend, String url, String apiKey, String model) {
        return switch (backend) {
            case "builtin" -> new StudioCompositor();
            case "automatic1111", "openai" -> {
                if (url == null || url.isBlank()) throw new IllegalArgumentException("images backend " + backend + " needs a URL (AISLE_IMAGES_URL or --url)");
                DiffusionEndpoint endpoint = new DiffusionEndpoint(URI.create(url), apiKey, model, Duration.ofMinutes(3), 1024);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                yield backend.equals("openai") ? new OpenAiImageEditsGenerator(endpoint, http) : new Automatic1111Generator(endpoint, http);
            }
            default -> throw new IllegalArgumentException("unknown images backend '" + backend + "'; use builtin, automatic1111 or openai");
        };
    }
}
