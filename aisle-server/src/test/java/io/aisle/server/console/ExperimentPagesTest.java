package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's experiment pages over real HTTP: list, start by form, refused forms, metrics fragment, stop. */
class ExperimentPagesTest {
    private TestServer server;
    private ConsoleClient client;

    @BeforeEach void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
    }

    @AfterEach void stop() { server.close(); }

    @Test void the_list_page_offers_a_form_with_an_even_split() {
        HttpResponse<String> r = client.get("/console/experiments", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("No experiments yet", "id=\"new-experiment\"", "value=\"control\"", "value=\"treatment\"",
                "href=\"/console/experiments\" class=\"active\"");
        assertThat(client.get("/console/experiments", null).statusCode()).isIn(302, 303);
        assertThat(client.get("/console/experiments", null, "Authorization", "Bearer " + TestServer.PUBLIC_KEY).statusCode()).isEqualTo(403);
    }

    @Test void a_form_starts_an_experiment_and_its_page_shows_the_variants() {
        Map<String, String> form = form("home-feed");
        form.put("description", "New <b>ranker</b>");
        form.put("variant_config_1", "model=sasrec, k=50");
        HttpResponse<String> created = post("/console/experiments", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).contains("/console/experiments/home-feed");
        assertThat(server.server().experiments().find("home-feed").orElseThrow().variants().get(1).config())
                .containsEntry("model", "sasrec").containsEntry("k", "50");

        HttpResponse<String> page = client.get("/console/experiments/home-feed", TestServer.ADMIN_KEY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("New &lt;b&gt;ranker&lt;/b&gt;", "id=\"variant-metrics\"", "data-variant=\"control\"",
                "data-variant=\"treatment\"", "k=50, model=sasrec", "hx-get=\"/console/experiments/home-feed/metrics\"")
                .doesNotContain("<b>ranker</b>");
        HttpResponse<String> fragment = client.get("/console/experiments/home-feed/metrics", TestServer.ADMIN_KEY, "HX-Request", "true");
        assertThat(fragment.body()).contains("data-variant=\"control\"").doesNotContain("<html");
        assertThat(client.get("/console/experiments", TestServer.ADMIN_KEY).body()).contains("data-experiment=\"home-feed\"", "running");
    }

    @Test void a_refused_form_comes_back_with_the_fields_named_and_the_input_kept() {
        Map<String, String> form = form("Bad Id");
        form.put("variant_weight_1", "lots");
        form.put("variant_name_2", "control");
        form.put("variant_weight_2", "1");
        HttpResponse<String> r = post("/console/experiments", form);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"form-errors\"", "<code>id</code>", "<code>variants[1].weight</code>",
                "<code>variants[2].name</code>", "value=\"Bad Id\"", "value=\"lots\"");
        assertThat(server.server().experiments().list()).isEmpty();

        assertThat(post("/console/experiments", form("home-feed")).statusCode()).isEqualTo(303);
        HttpResponse<String> clash = post("/console/experiments", form("home-feed-2"));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("<code>surface</code>", "is running on surface");
    }

    @Test void the_stop_button_stops_the_experiment() {
        assertThat(post("/console/experiments", form("home-feed")).statusCode()).isEqualTo(303);
        HttpResponse<String> r = post("/console/experiments/home-feed/stop", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(server.server().experiments().find("home-feed").orElseThrow().running()).isFalse();
        assertThat(client.get("/console/experiments/home-feed", TestServer.ADMIN_KEY).body())
                .contains(">stopped<", "Stopped").doesNotContain("id=\"stop-experiment\"");
        assertThat(client.get("/console/experiments/nope", TestServer.ADMIN_KEY).statusCode()).isEqualTo(404);
    }

    private static Map<String, String> form(String id) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("surface", "recommendations");
        f.put("traffic_pct", "100");
        f.put("control", "0");
        f.put("variant_name_0", "control");
        f.put("variant_weight_0", "50");
        f.put("variant_name_1", "treatment");
        f.put("variant_weight_1", "50");
        return f;
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.postForm(path, TestServer.ADMIN_KEY, body);
    }
}
