package io.aisle.vision.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.ImageGenerationException;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;
import io.aisle.vision.ImageFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Any OpenAI-compatible images API: {@code POST /v1/images/edits} as multipart form data, the product on a
 * transparent canvas as {@code image} and a mask transparent where the model may paint. The answer's product pixels
 * are ignored: the caller lays the original over it.
 */
public final class OpenAiImageEditsGenerator implements ImageGenerator {
    private final DiffusionEndpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper mapper = Canvas.mapper();

    public OpenAiImageEditsGenerator(DiffusionEndpoint endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override public String name() { return "openai-images" + (endpoint.model().isEmpty() ? "" : ":" + endpoint.model()); }

    @Override public Picture generate(SceneRequest request) {
        // The sizes these APIs accept: square, portrait or landscape.
        double ratio = (double) request.width() / request.height();
        int w = ratio > 1.2 ? 1536 : 1024;
        int h = ratio < 0.83 ? 1536 : 1024;
        Picture product = ImageFiles.resizeArgb(request.product(), w, h);
        Multipart form = new Multipart();
        form.file("image", "image.png", Canvas.png(product));
        form.file("mask", "mask.png", Canvas.png(Canvas.alphaMask(product)));
        form.field("prompt", request.prompt());
        if (!endpoint.model().isEmpty()) form.field("model", endpoint.model());
        form.field("n", "1");
        form.field("size", w + "x" + h);
        if (!endpoint.model().startsWith("gpt-image")) form.field("response_format", "b64_json");
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint.resolve("/v1/images/edits"))
                .timeout(endpoint.timeout())
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.finish()));
        if (!endpoint.apiKey().isEmpty()) req.header("Authorization", "Bearer " + endpoint.apiKey());
        String answer = Canvas.exchange(http, req.build(), "images API");
        JsonNode json;
        try {
            json = mapper.readTree(answer);
        } catch (IOException e) {
            throw new ImageGenerationException("images API answered with invalid JSON: " + Canvas.excerpt(answer));
        }
        JsonNode b64 = json.path("data").path(0).path("b64_json");
        if (!b64.isTextual()) throw new ImageGenerationException("images API answered without data[0].b64_json");
        return Canvas.fromBase64(b64.asText(), "images API");
    }

    /** A multipart/form-data body: text fields and files. */
    private static final class Multipart {
        final String boundary = "aisle-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        }

        void file(String name, String filename, byte[] bytes) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: image/png\r\n\r\n");
            out.writeBytes(bytes);
            write("\r\n");
        }

        byte[] finish() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }
    }
}
