package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The content studio over real HTTP: jobs with progress, published texts, the review queue; bad input names the field. */
class ContentApiTest {
    private TestServer server;

    @BeforeEach void start() {
        server = TestServer.start();
        hoodie("MH01", "Chaz Kangeroo Hoodie", "52.00", "Wool", "[\"Black\", \"Gray\"]");
        hoodie("MH02", "Teton Pullover Hoodie", "70.00", "Fleece", "[\"Red\", \"Purple\"]");
        // Too little is known about the cap for a description of the required length: it goes to review.
        server.put("/v1/products/CAP", ADMIN_KEY, """
                {"id": "CAP", "title": "Cap", "category_path": ["Accessories"], "price": 9.00, "currency": "USD"}""");
    }

    @AfterEach void stop() { server.close(); }

    private void hoodie(String id, String title, String price, String material, String colours) {
        var r = server.put("/v1/products/" + id, ADMIN_KEY, """
                {"id": "%s", "title": "%s", "category_path": ["Men", "Hoodies"], "price": %s, "currency": "USD",
                 "attributes": {"material": "%s", "pattern": "Solid", "color_options": %s, "size_options": ["S", "M", "L"],
                                "climate": ["Cool", "Windy"], "activity": ["Gym"]}}""".formatted(id, title, price, material, colours));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private JsonNode awaitDone(String location) {
        for (int i = 0; i < 300; i++) {
            JsonNode s = server.get(location, ADMIN_KEY).json();
            if (!s.get("state").asText().equals("queued") && !s.get("state").asText().equals("running")) return s;
            try { Thread.sleep(50); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
        throw new AssertionError("job did not finish: " + server.get(location, ADMIN_KEY).body());
    }

    @Test void a_job_publishes_passing_texts_and_queues_the_rest_for_review() {
        var submitted = server.post("/v1/content/jobs", ADMIN_KEY, """
                {"kinds": ["product_description", "seo_title"], "locale": "en"}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String location = submitted.header("Location");
        assertThat(location).startsWith("/v1/content/jobs/");
        assertThat(submitted.json().get("state").asText()).isIn("queued", "running");

        JsonNode done = awaitDone(location);
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("total").asInt()).isEqualTo(6);
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("published").asInt() + done.get("escalated").asInt()).isEqualTo(6);
        assertThat(done.get("escalated").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode texts = server.get("/v1/content/products/MH01", ADMIN_KEY).json().get("texts");
        assertThat(texts).hasSize(2);
        assertThat(texts.toString()).contains("Chaz Kangeroo Hoodie", "Wool", "\"source\":\"auto\"");

        JsonNode items = server.get("/v1/content/review", ADMIN_KEY).json().get("items");
        JsonNode cap = StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.get("subject").asText().equals("CAP") && i.get("kind").asText().equals("product_description"))
                .findFirst().orElseThrow();
        JsonNode candidate = cap.get("candidates").get(0);
        assertThat(candidate.get("passed").asBoolean()).isFalse();
        assertThat(candidate.get("gates").toString()).contains("\"gate\":\"structure\"", "too_short");
        assertThat(candidate.get("score").get("ctr").asDouble()).isBetween(0.0, 1.0);

        String id = cap.get("id").asText();
        var approved = server.post("/v1/content/review/" + id + "/approve", ADMIN_KEY, "{\"candidate\": 0}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        assertThat(server.get("/v1/content/products/CAP", ADMIN_KEY).json().get("texts").toString()).contains("\"source\":\"review\"");
        EventsApiTest.assertProblem(server.post("/v1/content/review/" + id + "/approve", ADMIN_KEY, "{\"candidate\": 0}"), 409, "conflict");
        assertThat(server.get("/v1/content/review?status=approved", ADMIN_KEY).json().get("items")).hasSize(1);
    }

    @Test void bad_input_is_a_422_naming_the_field() {
        assertField(server.post("/v1/content/jobs", ADMIN_KEY, "{\"kinds\": [\"poem\"]}"), "kinds[0]");
        assertField(server.post("/v1/content/jobs", ADMIN_KEY, "{\"kinds\": [\"comparison_guide\"]}"), "kinds[0]");
        assertField(server.post("/v1/content/jobs", ADMIN_KEY, "{\"locale\": \"not a locale!\"}"), "locale");
        assertField(server.post("/v1/content/jobs", ADMIN_KEY, "{\"product_ids\": [\"MH01\", \" \"]}"), "product_ids[1]");
        assertField(server.post("/v1/content/jobs", ADMIN_KEY, "{\"product_ids\": [\"NOPE\"]}"), "product_ids[0]");
        assertField(server.post("/v1/content/jobs", ADMIN_KEY, "{\"kind\": \"product_description\"}"), "kind");
        assertField(server.get("/v1/content/review?status=maybe", ADMIN_KEY), "status");
        EventsApiTest.assertProblem(server.get("/v1/content/jobs/job-999", ADMIN_KEY), 404, "not_found");
        EventsApiTest.assertProblem(server.post("/v1/content/review/r999/approve", ADMIN_KEY, "{\"candidate\": 0}"), 404, "not_found");
        assertThat(server.post("/v1/content/jobs", PUBLIC_KEY, "{}").status()).isIn(401, 403);
    }

    @Test void approving_needs_a_candidate_index_in_range() {
        awaitDone(server.post("/v1/content/jobs", ADMIN_KEY, "{\"product_ids\": [\"CAP\"]}").header("Location"));
        String id = server.get("/v1/content/review", ADMIN_KEY).json().get("items").get(0).get("id").asText();
        assertField(server.post("/v1/content/review/" + id + "/approve", ADMIN_KEY, "{}"), "candidate");
        assertField(server.post("/v1/content/review/" + id + "/approve", ADMIN_KEY, "{\"candidate\": 99}"), "candidate");
        var rejected = server.post("/v1/content/review/" + id + "/reject", ADMIN_KEY, "{\"note\": \"too thin\"}");
        assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().get("note").asText()).isEqualTo("too thin");
    }

    @Test void published_texts_the_review_queue_and_jobs_survive_restarts() {
        awaitDone(server.post("/v1/content/jobs", ADMIN_KEY, "{\"product_ids\": [\"MH01\", \"CAP\"], \"kinds\": [\"product_description\"]}")
                .header("Location"));
        JsonNode pending = server.get("/v1/content/review", ADMIN_KEY).json().get("items");
        assertThat(pending).hasSize(1);
        String id = pending.get(0).get("id").asText();
        String autoText = server.get("/v1/content/products/MH01", ADMIN_KEY).json().get("texts").toString();
        assertThat(autoText).contains("\"source\":\"auto\"");

        JsonNode jobsBefore = server.get("/v1/content/jobs", ADMIN_KEY).json().get("jobs");
        server = server.restart();
        assertThat(server.get("/v1/content/jobs", ADMIN_KEY).json().get("jobs")).isEqualTo(jobsBefore);
        assertThat(jobsBefore.get(0).get("state").asText()).isEqualTo("done");
        assertThat(server.get("/v1/content/review", ADMIN_KEY).json().get("items")).isEqualTo(pending);
        assertThat(server.get("/v1/content/products/MH01", ADMIN_KEY).json().get("texts").toString()).isEqualTo(autoText);
        var approved = server.post("/v1/content/review/" + id + "/approve", ADMIN_KEY, "{\"candidate\": 0}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        server = server.restart();
        assertThat(server.get("/v1/content/review/" + id, ADMIN_KEY).json().get("status").asText()).isEqualTo("approved");
        assertThat(server.get("/v1/content/products/CAP", ADMIN_KEY).json().get("texts").toString()).contains("\"source\":\"review\"");
        EventsApiTest.assertProblem(server.post("/v1/content/review/" + id + "/approve", ADMIN_KEY, "{\"candidate\": 0}"), 409, "conflict");
        // New items and jobs continue the numbering instead of reusing an id from before the restart.
        String location = server.post("/v1/content/jobs", ADMIN_KEY, "{\"product_ids\": [\"CAP\"], \"kinds\": [\"product_description\"]}")
                .header("Location");
        assertThat(location).isNotEqualTo("/v1/content/jobs/" + jobsBefore.get(0).get("id").asText());
        awaitDone(location);
        JsonNode items = server.get("/v1/content/review", ADMIN_KEY).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asText()).isNotEqualTo(id);
    }

    private static void assertField(TestServer.Response r, String field) {
        EventsApiTest.assertProblem(r, 422, "validation_failed");
        List<String> fields = StreamSupport.stream(r.json().get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
        assertThat(fields).as(r.body()).contains(field);
    }
}
