package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's demand forecast page over real HTTP. */
class ForecastPagesTest {
    private static TestServer server;
    private static ConsoleClient client;

    @BeforeAll static void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        Fixtures.event(server, "purchase", "u-1", "OJ-9");
        Fixtures.event(server, "purchase", "u-2", "OJ-9");
    }

    @AfterAll static void stop() { server.close(); }

    @Test void shows_the_forecast_fan_and_the_inventory_plan() {
        HttpResponse<String> r = client.get("/console/forecasts?sku=OJ-9", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<svg class=\"fan\"", "<polygon", "p10-p90", "Reorder point", "Safety stock");
    }

    @Test void unknown_sku_says_so() {
        HttpResponse<String> r = client.get("/console/forecasts?sku=NOPE", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No purchases of 'NOPE'").doesNotContain("<svg");
    }

    @Test void the_empty_form_has_a_nav_link() {
        HttpResponse<String> r = client.get("/console/forecasts", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/console/forecasts\"", "name=\"sku\"");
    }
}
