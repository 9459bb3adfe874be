package io.aisle.vision.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.ImageGenerationException;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;
import io.aisle.vision.ImageFiles;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Stable Diffusion through the Automatic1111 / Forge web UI API: {@code POST /sdapi/v1/img2img} with the product on
 * grey as the init image and a mask that lets the model repaint only the background (outpainting around the
 * product). The product pixels it sends back are ignored: the caller lays the original over the answer.
 */
public final class Automatic1111Generator implements ImageGenerator {
    private static final String NEGATIVE = "blurry, distorted, deformed product, extra objects, text, watermark, logo";
    private final DiffusionEndpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper mapper = Canvas.mapper();

    public Automatic1111Generator(DiffusionEndpoint endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override public String name() { return "automatic1111"; }

    @Override public Picture generate(SceneRequest request) {
        int[] size = Canvas.fit(request.width(), request.height(), endpoint.maxSide());
        Picture product = ImageFiles.resizeArgb(request.product(), size[0], size[1]);
        ObjectNode body = mapper.createObjectNode();
        body.putArray("init_images").add(Canvas.base64Png(Canvas.initImage(product)));
        body.put("mask", Canvas.base64Png(Canvas.paintMask(product)));
        body.put("prompt", request.prompt());
        body.put("negative_prompt", NEGATIVE);
        body.put("denoising_strength", 0.9);
        body.put("inpainting_fill", 1);
        body.put("inpaint_full_res", false);
        body.put("inpainting_mask_invert", 0);
        body.put("mask_blur", 4);
        body.put("width", size[0]);
        body.put("height", size[1]);
        body.put("seed", request.seed() & 0x7FFFFFFFL);
        body.put("steps", 30);
        body.put("cfg_scale", 7);
        body.put("batch_size", 1);
        body.put("n_iter", 1);
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint.resolve("/sdapi/v1/img2img"))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body)));
        if (!endpoint.apiKey().isEmpty()) req.header("Authorization", "Bearer " + endpoint.apiKey());
        String answer = Canvas.exchange(http, req.build(), "automatic1111");
        JsonNode json;
        try {
            json = mapper.readTree(answer);
        } catch (IOException e) {
            throw new ImageGenerationException("automatic1111 answered with invalid JSON: " + Canvas.excerpt(answer));
        }
        JsonNode images = json.path("images");
        if (!images.isArray() || images.isEmpty() || !images.get(0).isTextual()) {
            throw new ImageGenerationException("automatic1111 answered without an image (no images[0])");
        }
        return Canvas.fromBase64(images.get(0).asText(), "automatic1111");
    }

    private byte[] write(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new ImageGenerationException("could not write the request", e);
        }
    }
}
