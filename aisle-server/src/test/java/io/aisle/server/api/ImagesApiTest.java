package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.vision.Picture;
import io.aisle.server.TestServer;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.SafeImageDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ImagesApiTest {
    private TestServer server;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    @Test void a_job_runs_in_the_background_and_serves_its_outputs_with_the_product() throws Exception {
        assertThat(server.put("/v1/products/BAG-1", ADMIN_KEY, CatalogApiTest.product("BAG-1", "49.90")).status()).isEqualTo(201);
        String body = """
                {"product_id": "BAG-1", "image_base64": "%s", "palette": ["#2F6690"], "format": "png",
                 "outputs": [{"scene": "main-white", "aspect": "1x1"}, {"scene": "studio", "aspect": "4x5"}]}
                """.formatted(photoBase64());
        var created = server.post("/v1/images/jobs", ADMIN_KEY, body);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/images/jobs/" + id);
        assertThat(created.json().get("status").asText()).isIn("queued", "running", "done");

        JsonNode job = awaitFinished(id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("matte").get("coverage").asDouble()).isBetween(0.2, 0.5);
        assertThat(job.get("outputs")).hasSize(2);
        for (JsonNode o : job.get("outputs")) {
            JsonNode preserved = null;
            for (JsonNode c : o.get("qc").get("checks")) if (c.get("name").asText().equals("product_preserved")) preserved = c;
            assertThat(preserved).isNotNull();
            assertThat(preserved.get("verdict").asText()).isEqualTo("pass");
            assertThat(o.get("alt_text").asText()).startsWith("Norvik Trail Runner BAG-1 in red");
        }
        JsonNode main = job.get("outputs").get(0);
        assertThat(main.get("qc").get("verdict").asText()).as(main.toString()).isEqualTo("pass");

        HttpResponse<byte[]> file = fetch(main.get("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        Picture decoded = new SafeImageDecoder(ImageLimits.standard()).decode(file.body());
        assertThat(decoded.width()).isEqualTo(main.get("width").asInt());

        var listed = server.get("/v1/products/BAG-1/images", PUBLIC_KEY);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("images").size()).isGreaterThanOrEqualTo(1);
        assertThat(listed.json().get("images").get(0).get("published").asBoolean()).isTrue();
    }

    @Test void bad_requests_name_the_field_and_the_reason() {
        var missing = server.post("/v1/images/jobs", ADMIN_KEY, "{\"title\": \"Bag\"}");
        assertProblem(missing, 422, "validation_failed");
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("image_base64");

        var text = server.post("/v1/images/jobs", ADMIN_KEY, job(Base64.getEncoder().encodeToString("hello, not an image".getBytes(StandardCharsets.UTF_8))));
        assertProblem(text, 422, "validation_failed");
        assertThat(text.json().get("detail").asText()).contains("image_base64").contains("not a JPEG or PNG");

        var bomb = server.post("/v1/images/jobs", ADMIN_KEY, job(Base64.getEncoder().encodeToString(pngHeader(50_000, 50_000))));
        assertProblem(bomb, 422, "validation_failed");
        assertThat(bomb.json().get("detail").asText()).contains("50000x50000 px");

        var notBase64 = server.post("/v1/images/jobs", ADMIN_KEY, job("%%%not base64%%%"));
        assertThat(notBase64.json().get("detail").asText()).contains("image_base64").contains("not valid base64");

        var badScene = server.post("/v1/images/jobs", ADMIN_KEY, """
                {"title": "Bag", "image_base64": "%s", "outputs": [{"scene": "beach", "aspect": "1x1"}], "palette": ["blue"]}
                """.formatted(photoBase64()));
        assertProblem(badScene, 422, "validation_failed");
        assertThat(badScene.body()).contains("outputs[0]").contains("unknown scene 'beach'").contains("palette[0]");

        var unknownProduct = server.post("/v1/images/jobs", ADMIN_KEY, """
                {"product_id": "NOPE", "image_base64": "%s"}""".formatted(photoBase64()));
        assertThat(unknownProduct.body()).contains("no product 'NOPE' in the catalogue");

        assertProblem(server.post("/v1/images/jobs", ADMIN_KEY, "{not json"), 400, "invalid_json");
    }

    @Test void jobs_need_the_admin_key_and_unknown_ids_are_404() {
        assertProblem(server.post("/v1/images/jobs", PUBLIC_KEY, job(photoBase64())), 403, "forbidden");
        assertProblem(server.get("/v1/images/jobs/img_0000000000000000", ADMIN_KEY), 404, "not_found");
        assertProblem(server.get("/v1/images/jobs/../../etc/passwd", ADMIN_KEY), 404, "not_found");
        assertProblem(server.get("/v1/images/jobs/img_0000000000000000/files/mask.png", null), 404, "not_found");
    }

    private JsonNode awaitFinished(String id) throws InterruptedException {
        // Waits for the background worker; the bound only stops a hung job from hanging the build.
        for (int i = 0; i < 600; i++) {
            JsonNode job = server.get("/v1/images/jobs/" + id, ADMIN_KEY).json();
            if (job.get("status").asText().matches("done|failed")) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("image job " + id + " did not finish");
    }

    private HttpResponse<byte[]> fetch(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String job(String image) { return "{\"title\": \"Bag\", \"image_base64\": \"" + image + "\"}"; }

    /** A dark striped block with a disc on top, on white: a product photo in miniature. */
    static String photoBase64() {
        int w = 240;
        int h = 300;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean body = x >= 50 && x < 190 && y >= 110 && y < 270;
                boolean top = Math.hypot(x - 120, y - 90) < 35;
                px[y * w + x] = body || top ? 0xFF000000 | (((x / 3 + y / 3) & 1) == 0 ? 0x1F2A44 : 0x2E3B5C) : 0xFFFFFFFF;
            }
        }
        return Base64.getEncoder().encodeToString(ImageFiles.encode(new Picture(w, h, px), ImageFiles.Format.PNG));
    }

    /** Only a PNG signature and header chunk declaring a huge size: what a decompression bomb shows first. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        b.putInt(13).put(ihdr).putInt((int) crc.getValue());
        return b.array();
    }
}
