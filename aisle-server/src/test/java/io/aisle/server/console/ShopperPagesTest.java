package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's shopper lookup and profile pages over real HTTP. */
class ShopperPagesTest {
    private static TestServer server;
    private static ConsoleClient client;

    @BeforeAll static void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        var r = server.put("/v1/shoppers/u-42/traits", TestServer.PUBLIC_KEY, """
                {"traits": {"budget": {"amount": 120, "currency": "EUR"}, "sizes": {"shoes": "EU 42"},
                            "liked_brands": ["Northpeak", "A&B <script>"], "fit": "relaxed"},
                 "consents": {"personalization": true, "marketing": false}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        server.server().storage().shoppers().link(io.aisle.core.shopper.ShopperId.of("u-42"),
                io.aisle.core.shopper.AnonymousId.of("dev-7f"));
        Fixtures.product(server, "P-7", "Trail Runner", "Shoes", "Running", "89.90");
        Fixtures.event(server, "view_item", "u-42", "P-7");
        Fixtures.event(server, "purchase", "u-42", "P-7");
        long last = server.server().storage().events().lastOffset();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.server().personalization().host().appliedOffset() < last && System.nanoTime() < deadline) Thread.onSpinWait();
    }

    @Test void derived_sections_show_as_tables_with_their_explanations() {
        HttpResponse<String> r = client.get("/console/shoppers/u-42", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h2>features</h2>", "<th scope=\"col\">explanation</th>", "purchases_lifetime",
                "number of purchase, over all time", "<h2>segments</h2>", "promising", "<h2>affinities</h2>",
                "<h3>categories</h3>", "Shoes &gt; Running", "<h2>sessions</h2>");
    }

    @AfterAll static void stop() { server.close(); }

    @Test void the_profile_page_shows_traits_consents_and_devices_readably() {
        HttpResponse<String> r = client.get("/console/shoppers/u-42", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.body()).contains("Shopper <code>u-42</code>", "120.00 EUR", "sizes.shoes", "EU 42", "relaxed",
                "personalization", "granted", "marketing", "refused", "dev-7f", "stated", "\"shopper_id\"");
        // Escaped by jte: a brand name cannot inject markup.
        assertThat(r.body()).contains("A&amp;B &lt;script&gt;").doesNotContain("A&B <script>");
        assertThat(r.body()).contains("href=\"/console/shoppers\"");
    }

    @Test void the_lookup_form_redirects_to_the_shopper() {
        HttpResponse<String> form = client.get("/console/shoppers", TestServer.ADMIN_KEY);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form", "name=\"id\"");
        HttpResponse<String> go = client.get("/console/shoppers?id=u-42", TestServer.ADMIN_KEY);
        assertThat(go.statusCode()).isEqualTo(302);
        assertThat(go.headers().firstValue("Location")).hasValue("/console/shoppers/u-42");
        assertThat(client.get("/console/shoppers?id=a%2Fb", TestServer.ADMIN_KEY).statusCode()).isEqualTo(422);
    }

    @Test void an_unknown_shopper_is_a_404_page_with_the_form() {
        HttpResponse<String> r = client.get("/console/shoppers/nobody", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Nothing is known about shopper", "<form");
    }

    @Test void the_pages_need_the_admin_key() {
        for (String page : new String[] {"/console/shoppers", "/console/shoppers/u-42"}) {
            HttpResponse<String> anonymous = client.get(page, null);
            assertThat(anonymous.statusCode()).as(page).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).as(page).hasValue("/console/login");
            assertThat(client.get(page, null, "Authorization", "Bearer " + TestServer.PUBLIC_KEY).statusCode()).as(page).isEqualTo(403);
        }
    }
}
