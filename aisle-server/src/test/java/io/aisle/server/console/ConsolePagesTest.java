package io.aisle.server.console;

import io.aisle.server.TestServer;
import io.aisle.server.http.Auth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin console over real HTTP: login, cookie, guarded pages, the live feed. */
class ConsolePagesTest {
    private static final List<String> PAGES = List.of("/", "/console/catalog", "/console/catalog/sku-1",
            "/console/events", "/console/events/feed");

    private static TestServer server;
    private static ConsoleClient client;

    @BeforeAll static void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        Fixtures.product(server, "sku-1", "Trail runner", "Shoes", "Running", "89.90");
        Fixtures.product(server, "sku-2", "Rain shell", "Jackets", "Outdoor", "120");
    }

    @AfterAll static void stop() { server.close(); }

    @Test void wrong_key_gets_the_form_again_with_401() {
        HttpResponse<String> r = client.login("not-the-admin-key-at-all");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("<form", "not the admin key");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test void public_key_cannot_sign_in() {
        HttpResponse<String> r = client.login(TestServer.PUBLIC_KEY);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("public key");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test void admin_key_sets_a_strict_http_only_cookie_and_redirects_home() {
        HttpResponse<String> r = client.login(TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(Auth.CONSOLE_COOKIE + "=" + TestServer.ADMIN_KEY)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
    }

    @Test void console_pages_render_with_the_cookie() {
        for (String page : PAGES) {
            HttpResponse<String> r = client.get(page, TestServer.ADMIN_KEY);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(page).startsWith("text/html");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
        }
        assertThat(client.get("/console/catalog", TestServer.ADMIN_KEY).body())
                .contains("Trail runner", "Rain shell", "Shoes › Running", "€89.90", "/console/catalog/sku-2");
        assertThat(client.get("/console/catalog/sku-1", TestServer.ADMIN_KEY).body())
                .contains("Northpeak", "waterproof", "280 g", "berlin: 4", "\"category_path\"");
        assertThat(client.get("/", TestServer.ADMIN_KEY).body())
                .contains("/sdk/aisle.js", TestServer.PUBLIC_KEY).doesNotContain(TestServer.ADMIN_KEY);
    }

    @Test void console_pages_redirect_to_login_without_a_cookie() {
        for (String page : PAGES) {
            HttpResponse<String> r = client.get(page, null);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(page).hasValue("/console/login");
        }
        assertThat(client.get("/console/login", null).body()).contains("Admin key");
    }

    @Test void a_wrong_cookie_is_no_better_than_none() {
        assertThat(client.get("/console/catalog", "forged-cookie-value-123").statusCode()).isEqualTo(302);
        assertThat(client.get("/console/catalog", TestServer.PUBLIC_KEY).statusCode()).isEqualTo(302);
    }

    @Test void public_key_cannot_open_console_pages() {
        for (String page : PAGES) {
            assertThat(server.get(page, TestServer.PUBLIC_KEY).status()).as(page).isEqualTo(403);
            assertThat(server.get(page + (page.contains("?") ? "&" : "?") + "key=" + TestServer.PUBLIC_KEY, null).status())
                    .as(page).isEqualTo(403);
        }
    }

    @Test void htmx_poll_without_cookie_is_told_to_go_to_login() {
        HttpResponse<String> r = client.get("/console/events/feed", null, "HX-Request", "true");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("HX-Redirect")).hasValue("/console/login");
    }

    @Test void live_feed_fragment_shows_a_posted_event() {
        Fixtures.event(server, "add_to_cart", "shopper-feed-42", "sku-2");
        HttpResponse<String> page = client.get("/console/events", TestServer.ADMIN_KEY);
        assertThat(page.body()).contains("hx-get=\"/console/events/feed\"", "hx-trigger=\"every 2s\"",
                "/webjars/htmx.org/2.0.8/dist/htmx.min.js");
        HttpResponse<String> feed = client.get("/console/events/feed", TestServer.ADMIN_KEY, "HX-Request", "true");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).doesNotContain("<html").contains("shopper-feed-42", "add_to_cart", "sku-2 ×2", "Events stored");
    }

    @Test void an_event_has_its_own_page_with_the_wire_form() {
        String id = Fixtures.event(server, "view_item", "shopper-detail-7", "sku-1");
        long offset = server.get("/v1/events?after=0&limit=1000", TestServer.ADMIN_KEY).json().path("last_offset").asLong();
        HttpResponse<String> r = client.get("/console/events/" + offset, TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(id, "shopper-detail-7");
        assertThat(client.get("/console/events/999999", TestServer.ADMIN_KEY).statusCode()).isEqualTo(404);
    }

    @Test void logout_expires_the_cookie() {
        HttpResponse<String> r = client.post("/console/logout", TestServer.ADMIN_KEY);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/console/login");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(Auth.CONSOLE_COOKIE + "=;").contains("Max-Age=0");
    }

    @Test void catalogue_text_is_escaped() {
        Fixtures.product(server, "sku-xss", "<script>alert(1)</script> \\\"quoted\\\"", "Toys", "<b>Odd</b>", "5");
        String catalog = client.get("/console/catalog", TestServer.ADMIN_KEY).body();
        assertThat(catalog).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<b>Odd</b>");
        String store = server.get("/store/products/sku-xss", null).body();
        assertThat(store).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        server.delete("/v1/products/sku-xss", TestServer.ADMIN_KEY);
    }

    @Test void catalogue_pages_by_id_cursor() {
        String first = client.get("/console/catalog?limit=1", TestServer.ADMIN_KEY).body();
        assertThat(first).contains("sku-1").doesNotContain("Rain shell").contains("/console/catalog?after=sku-1&limit=1");
        String second = client.get("/console/catalog?after=sku-1&limit=1", TestServer.ADMIN_KEY).body();
        assertThat(second).contains("Rain shell").doesNotContain("Trail runner");
        assertThat(client.get("/console/catalog?limit=0", TestServer.ADMIN_KEY).statusCode()).isEqualTo(422);
    }

    @Test void console_stylesheet_and_htmx_are_served() {
        assertThat(client.get("/console/assets/console.css", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/console/assets/nope.css", null).statusCode()).isEqualTo(404);
        assertThat(client.get("/webjars/htmx.org/2.0.8/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
    }
}
