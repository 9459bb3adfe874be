package io.aisle.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo storefront in a real headless Chromium: the tracker must send nothing before consent, then deliver
 * page_view, view_item and the dwell measured when the shopper leaves the product page, into the event log.
 */
class StorefrontTrackerSeleniumTest {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private TestServer server;
    private WebDriver driver;
    private HeadlessChromium browser;

    @BeforeEach void start() throws IOException {
        server = TestServer.start();
        Fixtures.product(server, "trail-1", "Trail runner", "Shoes", "Running", "89.90");
        Fixtures.product(server, "shell-2", "Rain shell", "Jackets", "Outdoor", "120");
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterEach void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test void product_view_and_dwell_reach_the_event_log_after_consent() throws InterruptedException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(server.baseUrl() + "/store");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent")));

        // Before consent: nothing stored on the device and, after more than one flush interval, nothing sent.
        Thread.sleep(2500);
        assertThat(storedKeys()).isEmpty();
        assertThat(events()).isEmpty();

        driver.findElement(By.cssSelector("[data-consent=yes]")).click();
        assertThat(storedKeys()).contains("aisle_aid", "aisle_consent");
        driver.findElement(By.cssSelector("a.card[data-item-id='trail-1']")).click();
        wait.until(ExpectedConditions.urlContains("/store/products/trail-1"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("product-image"))).click();
        driver.findElement(By.id("add-to-cart")).click();
        Thread.sleep(400); // some dwell time to measure
        driver.get(server.baseUrl() + "/store?q=shell"); // leaving the page sends the dwell by beacon

        JsonNode viewItem = awaitEvent(e -> isFor(e, "view_item", "trail-1"));
        JsonNode dwell = awaitEvent(e -> isFor(e, "dwell", "trail-1"));
        JsonNode pageView = awaitEvent(e -> e.path("name").asText().equals("page_view")
                && e.path("context").path("page_url").asText().endsWith("/store/products/trail-1"));
        awaitEvent(e -> isFor(e, "image_zoom", "trail-1"));
        awaitEvent(e -> isFor(e, "add_to_cart", "trail-1"));
        awaitEvent(e -> isFor(e, "select_item", "trail-1"));
        awaitEvent(e -> e.path("name").asText().equals("search") && e.path("query").asText().equals("shell"));

        assertThat(viewItem.path("items").get(0).path("price").decimalValue()).isEqualByComparingTo("89.90");
        assertThat(viewItem.path("currency").asText()).isEqualTo("EUR");
        assertThat(dwell.path("dwell_ms").asLong()).isPositive();
        String anonymousId = viewItem.path("anonymous_id").asText();
        assertThat(anonymousId).isNotBlank();
        assertThat(List.of(dwell, pageView)).allSatisfy(e -> {
            assertThat(e.path("anonymous_id").asText()).isEqualTo(anonymousId);
            assertThat(e.path("session_id").asText()).isEqualTo(viewItem.path("session_id").asText());
        });
    }

    private static boolean isFor(JsonNode event, String name, String itemId) {
        return event.path("name").asText().equals(name) && event.path("items").path(0).path("item_id").asText().equals(itemId);
    }

    @SuppressWarnings("unchecked")
    private List<String> storedKeys() {
        Object keys = ((JavascriptExecutor) driver).executeScript(
                "var k = Object.keys(localStorage).concat(Object.keys(sessionStorage));"
                        + "document.cookie.split('; ').forEach(function (c) { if (c) k.push(c.split('=')[0]); });"
                        + "return k.filter(function (x) { return x.indexOf('aisle') === 0; });");
        return (List<String>) keys;
    }

    private List<JsonNode> events() {
        TestServer.Response r = server.get("/v1/events?after=0&limit=1000", TestServer.ADMIN_KEY);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("events").forEach(e -> out.add(e.path("event")));
        return out;
    }

    private JsonNode awaitEvent(Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        List<JsonNode> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = events();
            for (JsonNode e : seen) if (match.test(e)) return e;
            Thread.sleep(200);
        }
        throw new AssertionError("expected event did not arrive within " + DELIVERY + "; the log has: "
                + seen.stream().map(e -> e.path("name").asText() + " " + e.path("items")).toList());
    }
}
