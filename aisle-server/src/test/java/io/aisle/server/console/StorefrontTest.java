package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo storefront, placeholder images and tracker script over real HTTP (the browser side is in the Selenium test). */
class StorefrontTest {
    private static TestServer server;
    private static ConsoleClient client;

    @BeforeAll static void start() {
        server = TestServer.start();
        client = new ConsoleClient(server);
        Fixtures.product(server, "sku-1", "Trail runner", "Shoes", "Running", "89.90");
        Fixtures.product(server, "sku-2", "Rain shell", "Jackets", "Outdoor", "120");
        Fixtures.product(server, "sku 3", "Road runner", "Shoes", "Road", "70");
        Fixtures.awaitSearch(server, "runner", 2);
    }

    @AfterAll static void stop() { server.close(); }

    @Test void listing_shows_products_categories_and_the_tracker_with_the_public_key() {
        HttpResponse<String> r = client.get("/store", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Trail runner", "Rain shell", "Road runner", "/store/products/sku%203",
                "/store?category=Shoes", "/sdk/aisle.js", "data-aisle-key=\"" + TestServer.PUBLIC_KEY + "\"")
                .doesNotContain(TestServer.ADMIN_KEY);
    }

    @Test void category_links_filter_the_listing() {
        String body = client.get("/store?category=Shoes", null).body();
        assertThat(body).contains("Trail runner", "Road runner", "data-category=\"Shoes\"").doesNotContain("Rain shell");
        assertThat(body).contains("/store?category=Running", "/store?category=Road");
    }

    @Test void the_search_box_runs_product_search() {
        String body = client.get("/store?q=RUNNER", null).body();
        assertThat(body).contains("Trail runner", "Road runner", "data-query=\"RUNNER\"").doesNotContain("Rain shell");
        assertThat(client.get("/store?q=zzz", null).body()).contains("Nothing found");
    }

    @Test void product_page_has_zoomable_image_and_add_to_cart() {
        HttpResponse<String> r = client.get("/store/products/sku%203", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Road runner", "€70.00", "data-aisle-zoom", "data-item-id=\"sku 3\"",
                "id=\"add-to-cart\"", "waterproof", "/demo-images/sku%203.svg");
        assertThat(client.get("/store/products/nope", null).statusCode()).isEqualTo(404);
    }

    @Test void placeholder_image_is_an_svg_with_the_title_and_a_validator() {
        HttpResponse<String> r = client.get("/demo-images/sku-1.svg", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(r.body()).startsWith("<svg").contains("Trail runner", "RUNNING");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(client.get("/demo-images/sku-1.svg", null, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(client.get("/demo-images/nope.svg", null).statusCode()).isEqualTo(404);
        HttpResponse<String> second = client.get("/demo-images/sku-1-2.svg", null);
        assertThat(second.statusCode()).as("a product's second view").isEqualTo(200);
        assertThat(second.body()).contains("Trail runner").isNotEqualTo(r.body());
        assertThat(client.get("/demo-images/sku-2.svg", null).body()).as("an id ending in -2 is that product").contains("Rain shell");
        assertThat(client.get("/demo-images/sku-1.png", null).statusCode()).isEqualTo(404);
    }

    @Test void placeholder_text_is_xml_escaped_and_wrapped() {
        assertThat(DemoImages.wrap("An extraordinarily long product title that goes on and on")).hasSizeLessThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(18));
        Fixtures.product(server, "sku-amp", "Salt & <pepper>", "Kitchen", "Spices", "3");
        assertThat(client.get("/demo-images/sku-amp.svg", null).body()).contains("Salt &amp; &lt;pepper&gt;");
    }

    @Test void tracker_and_store_assets_are_served() {
        HttpResponse<String> js = client.get("/sdk/aisle.js", null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("sendBeacon", "/v1/events");
        assertThat(client.get("/console/assets/store.js", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/console/assets/store.css", null).statusCode()).isEqualTo(200);
    }
}
