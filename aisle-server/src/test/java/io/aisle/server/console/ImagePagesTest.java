package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class ImagePagesTest {
    private TestServer server;
    private ConsoleClient console;

    @BeforeEach void start() {
        server = TestServer.start();
        console = new ConsoleClient(server);
    }

    @AfterEach void stop() { server.close(); }

    @Test void a_job_page_shows_source_mask_outputs_and_their_checks() throws Exception {
        String body = "{\"title\": \"Crown Summit Backpack\", \"colour\": \"Black\", \"image_base64\": \""
                + io.aisle.server.api.ImagesApiTestPhoto.base64() + "\", \"outputs\": [{\"scene\": \"room\", \"aspect\": \"16x9\"}]}";
        String id = server.post("/v1/images/jobs", ADMIN_KEY, body).json().get("id").asText();
        for (int i = 0; i < 600 && !server.get("/v1/images/jobs/" + id, ADMIN_KEY).json().get("status").asText().matches("done|failed"); i++) {
            Thread.sleep(100);
        }
        var page = console.get("/console/images/" + id, ADMIN_KEY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Crown Summit Backpack").contains("/files/mask.png").contains("/files/source.png")
                .contains("data-output=\"room-16x9\"").contains("product_preserved").contains("brand_colour")
                .contains("Crown Summit Backpack in black standing on a wooden floor");
        var list = console.get("/console/images", ADMIN_KEY);
        assertThat(list.body()).contains("data-job=\"" + id + "\"");
        assertThat(console.get("/console/images", null).statusCode()).isIn(302, 303, 401);
    }
}
