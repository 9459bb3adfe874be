package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's search page over real HTTP: parsed query, hits with explanations, facets, escaping. */
class SearchPagesTest {
    private static TestServer server;
    private static ConsoleClient client;

    @BeforeAll static void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        Fixtures.product(server, "P-1", "Trail Runner <b>Shoe</b>", "Shoes", "Running", "89.90");
        Fixtures.product(server, "P-2", "Road Runner Shoe", "Shoes", "Running", "129.00");
        Fixtures.awaitSearch(server, "runner", 2);
    }

    @AfterAll static void stop() { server.close(); }

    @Test void theSearchPageShowsTheParseTheHitsAndTheFacets() {
        HttpResponse<String> r = client.get("/console/search?q=runner+shoe+under+%24100&mode=lexical", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Understood as", "price", "under $100", "Trail Runner &lt;b&gt;Shoe&lt;/b&gt;",
                "id=\"facets\"", "lexical #1").doesNotContain("Road Runner Shoe").doesNotContain("<b>Shoe</b>");
    }

    @Test void theSearchPageNeedsTheAdminKeyAndExplainsBadInput() {
        assertThat(client.get("/console/search?q=x", null).statusCode()).isIn(302, 303, 401);
        HttpResponse<String> r = client.get("/console/search?q=x&mode=magic", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("mode must be hybrid, lexical or vector");
    }
}
