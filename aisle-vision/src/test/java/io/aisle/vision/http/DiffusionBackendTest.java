package io.aisle.vision.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aisle.core.json.Json;
import io.aisle.core.vision.Picture;
import io.aisle.vision.AspectRatio;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.MatteExtractor;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.ProductFacts;
import io.aisle.vision.SafeImageDecoder;
import io.aisle.vision.ScenePreset;
import io.aisle.vision.StudioOutput;
import io.aisle.vision.StudioResult;
import io.aisle.vision.VisualStudio;
import io.aisle.vision.qc.QualityControl;
import io.aisle.vision.qc.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP backends against a real local server standing in for a diffusion service that repaints everything,
 * product included: whatever comes back, the product pixels of the output are the source's.
 */
class DiffusionBackendTest {
    private static final ProductFacts FACTS = new ProductFacts("Crown Summit Backpack", "", "black", "", "Gear / Bags", null);
    private static final List<Integer> PALETTE = List.of(0x2F6690);
    private final ObjectMapper mapper = Json.mapper();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() { server.stop(0); }

    @Test
    void automatic1111_output_that_repaints_the_product_still_preserves_it_exactly() {
        server.createContext("/sdapi/v1/img2img", ex -> {
            JsonNode req = mapper.readTree(ex.getRequestBody().readAllBytes());
            bodies.add(req.path("prompt").asText());
            Picture mask = decode(req.path("mask").asText());
            Picture init = decode(req.path("init_images").path(0).asText());
            assertThat(mask.width()).isEqualTo(req.path("width").asInt()).isEqualTo(init.width());
            assertThat(mask.width() % 8).isZero();
            // Black over the product, white where the model may paint.
            assertThat(mask.argb()).contains(0xFF000000, 0xFFFFFFFF);
            // The fake model repaints every pixel, product included, at its own resolution.
            String png = Base64.getEncoder().encodeToString(ImageFiles.encode(noise(mask.width(), mask.height(), 0x2F6690), ImageFiles.Format.PNG));
            reply(ex, 200, "{\"images\":[\"" + png + "\"],\"info\":\"{}\"}");
        });
        VisualStudio studio = studio(new Automatic1111Generator(endpoint(""), HttpClient.newHttpClient()));
        StudioResult result = studio.run(product(), FACTS, List.of(new OutputSpec(ScenePreset.STUDIO, AspectRatio.PORTRAIT)), PALETTE, 7);
        StudioOutput out = result.outputs().get(0);
        assertThat(bodies).singleElement().satisfies(p -> assertThat(p).contains("black bag"));
        assertThat(out.generator()).isEqualTo("automatic1111");
        assertThat(out.qc().check("product_preserved").verdict()).isEqualTo(Verdict.PASS);
        assertPreserved(result, out);
    }

    @Test
    void openai_compatible_edits_get_a_mask_and_the_product_survives_their_answer() {
        server.createContext("/v1/images/edits", ex -> {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            bodies.add(type + "|" + auth + "|" + body.contains("name=\"mask\"") + "|" + body.contains("name=\"image\"") + "|" + body.contains("1024x1536"));
            String png = Base64.getEncoder().encodeToString(ImageFiles.encode(noise(256, 384, 0xFF0000), ImageFiles.Format.PNG));
            reply(ex, 200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + png + "\"}]}");
        });
        VisualStudio studio = studio(new OpenAiImageEditsGenerator(endpoint("sk-test"), HttpClient.newHttpClient()));
        StudioResult result = studio.run(product(), FACTS, List.of(new OutputSpec(ScenePreset.STUDIO, AspectRatio.PORTRAIT)), PALETTE, 7);
        StudioOutput out = result.outputs().get(0);
        assertThat(bodies).singleElement().satisfies(b -> assertThat(b)
                .startsWith("multipart/form-data; boundary=").endsWith("|Bearer sk-test|true|true|true"));
        assertPreserved(result, out);
        // A red scene is off the brand palette: preserved, but sent to review.
        assertThat(out.qc().verdict()).as(out.qc().reasons().toString()).isEqualTo(Verdict.REVIEW);
        assertThat(out.qc().reasons()).anySatisfy(r -> assertThat(r).startsWith("brand_colour"));
    }

    @Test
    void a_failing_service_rejects_the_output_with_its_status() {
        server.createContext("/sdapi/v1/img2img", ex -> reply(ex, 500, "{\"error\":\"CUDA out of memory\"}"));
        StudioOutput out = studio(new Automatic1111Generator(endpoint(""), HttpClient.newHttpClient()))
                .run(product(), FACTS, List.of(new OutputSpec(ScenePreset.ROOM, AspectRatio.WIDE)), PALETTE, 1).outputs().get(0);
        assertThat(out.qc().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(out.qc().reasons()).singleElement().asString()
                .isEqualTo("generation: automatic1111 answered HTTP 500: {\"error\":\"CUDA out of memory\"}");
    }

    @Test
    void a_service_answering_with_a_non_image_is_rejected_clearly() {
        String notPng = Base64.getEncoder().encodeToString("<html>hello</html>".getBytes(StandardCharsets.UTF_8));
        server.createContext("/v1/images/edits", ex -> {
            ex.getRequestBody().readAllBytes();
            reply(ex, 200, "{\"data\":[{\"b64_json\":\"" + notPng + "\"}]}");
        });
        StudioOutput out = studio(new OpenAiImageEditsGenerator(endpoint(""), HttpClient.newHttpClient()))
                .run(product(), FACTS, List.of(new OutputSpec(ScenePreset.STUDIO, AspectRatio.SQUARE)), PALETTE, 1).outputs().get(0);
        assertThat(out.qc().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(out.qc().reasons()).singleElement().asString().contains("images API returned an unusable image").contains("not a JPEG or PNG");
    }

    @Test
    void main_images_never_go_to_the_service() {
        StudioOutput out = studio(new Automatic1111Generator(endpoint(""), HttpClient.newHttpClient()))
                .run(product(), FACTS, List.of(new OutputSpec(ScenePreset.MAIN_WHITE, AspectRatio.SQUARE)), PALETTE, 1).outputs().get(0);
        assertThat(out.generator()).isEqualTo("white");
        assertThat(out.qc().verdict()).isEqualTo(Verdict.PASS);
    }

    private DiffusionEndpoint endpoint(String key) { return new DiffusionEndpoint(base, key, "", Duration.ofSeconds(20), 512); }

    private static VisualStudio studio(io.aisle.core.port.ImageGenerator generator) {
        return new VisualStudio(new MatteExtractor(), generator, new QualityControl());
    }

    private static void assertPreserved(StudioResult result, StudioOutput out) {
        Picture src = result.source();
        int core = 0;
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                int i = y * src.width() + x;
                if (!result.matte().isCore(i)) continue;
                core++;
                assertThat(out.image().get(x + out.placement().dx(), y + out.placement().dy()) & 0xFFFFFF).isEqualTo(src.argb()[i] & 0xFFFFFF);
            }
        }
        assertThat(core).isGreaterThan(5000);
    }

    /** A dark textured block on white: the product. */
    private static Picture product() {
        int w = 240;
        int h = 300;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= 50 && x < 190 && y >= 60 && y < 260;
                px[y * w + x] = in ? 0xFF000000 | (((x / 4 + y / 4) & 1) == 0 ? 0x202428 : 0x35393E) : 0xFFFFFFFF;
            }
        }
        return new Picture(w, h, px);
    }

    private static Picture noise(int w, int h, int tint) {
        SplittableRandom r = new SplittableRandom(3);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) px[i] = 0xFF000000 | (tint ^ (r.nextInt(32) * 0x010101));
        return new Picture(w, h, px);
    }

    private static Picture decode(String b64) {
        return new SafeImageDecoder(ImageLimits.standard()).decode(Base64.getDecoder().decode(b64));
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
