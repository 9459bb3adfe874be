package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class PricingPagesTest {
    private TestServer server;
    private ConsoleClient console;

    @BeforeEach void start() {
        server = TestServer.start();
        console = new ConsoleClient(server);
    }

    @AfterEach void stop() { server.close(); }

    @Test void theRecommendationPageDrawsTheCurveBandAndChosenPoint() {
        String id = server.post("/v1/pricing/recommendations", ADMIN_KEY, """
                {"products": [{"id": "oj-64", "cost": 1.2, "current_price": 2.49, "base_units": 80,
                               "guardrails": {"max_change": 0.1}}]}""").json().get("recommendations").get(0).get("id").asText();
        HttpResponse<String> list = console.get("/console/pricing", ADMIN_KEY);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("data-recommendation=\"" + id + "\"").contains("oj-64");
        HttpResponse<String> page = console.get("/console/pricing/" + id, ADMIN_KEY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg id=\"demand-curve\"").contains("class=\"band\"").contains("class=\"curve\"")
                .contains("<circle class=\"chosen\"").contains("max-change").contains("recommended " + id);
        assertThat(console.get("/console/pricing/" + id, null).statusCode()).isNotEqualTo(200);
    }
}
