package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's chat panel: on every store page, with its script served from this origin (the CSP allows no other). */
class StoreChatTest {
    private static TestServer server;
    private static ConsoleClient client;

    @BeforeAll static void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        Fixtures.product(server, "sku-1", "Trail runner", "Shoes", "Running", "89.90");
        Fixtures.awaitSearch(server, "runner", 1);
    }

    @AfterAll static void stop() { server.close(); }

    @Test void every_store_page_has_the_chat_panel_and_its_script() {
        for (String page : new String[] {"/store", "/store/products/sku-1"}) {
            HttpResponse<String> r = client.get(page, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).as(page).contains("id=\"aisle-chat\"", "<script src=\"/store/chat.js\" defer></script>")
                    .doesNotContain(TestServer.ADMIN_KEY);
        }
    }

    @Test void the_script_streams_from_the_conversations_api() {
        HttpResponse<String> r = client.get("/store/chat.js", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(r.body()).contains("/v1/assistant/conversations", "text/event-stream", "getReader()", "textContent")
                .doesNotContain("innerHTML");
    }
}
