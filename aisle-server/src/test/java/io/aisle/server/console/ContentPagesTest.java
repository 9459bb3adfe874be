package io.aisle.server.console;

import io.aisle.content.ContentKind;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.core.catalog.ProductId;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's content page over real HTTP: candidates side by side with gate results and scores; approve by form. */
class ContentPagesTest {
    private TestServer server;
    private ConsoleClient client;

    @BeforeEach void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        server.put("/v1/products/CAP", TestServer.ADMIN_KEY, """
                {"id": "CAP", "title": "Cap", "category_path": ["Accessories"], "price": 9.00, "currency": "USD"}""");
    }

    @AfterEach void stop() { server.close(); }

    @Test void shows_escalated_candidates_side_by_side_and_approves_one() {
        ContentJobs jobs = server.server().content().jobs();
        String id = jobs.submit(new ContentJobs.Spec(List.of(ProductId.of("CAP")), List.of(ContentKind.DESCRIPTION), Locale.ENGLISH, "")).id();
        for (int i = 0; i < 300 && jobs.status(id).orElseThrow().state() != ContentJobs.State.DONE; i++) sleep();
        assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(ContentJobs.State.DONE);

        HttpResponse<String> page = client.get("/console/content", TestServer.ADMIN_KEY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/console/content\" class=\"active\"", "id=\"review\"", "data-candidate=\"0\"",
                "data-candidate=\"8\"", "structure: fail", "grounding: pass", "CTR ", "Approve #0", "data-job=\"" + id + "\"");
        String item = server.server().content().review().list(ReviewQueue.Status.PENDING).get(0).id();

        HttpResponse<String> approved = post("/console/content/review/" + item + "/approve", "candidate=2");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(server.server().content().review().get(item).orElseThrow().status()).isEqualTo(ReviewQueue.Status.APPROVED);
        assertThat(server.server().content().published().get("CAP", ContentKind.DESCRIPTION, Locale.ENGLISH)).isPresent();
        assertThat(client.get("/console/content", null).statusCode()).isIn(302, 303);
    }

    private HttpResponse<String> post(String path, String body) { return client.postForm(path, TestServer.ADMIN_KEY, body); }

    private static void sleep() {
        try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
