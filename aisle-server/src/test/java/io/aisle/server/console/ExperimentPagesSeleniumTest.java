package io.aisle.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiments console in a real headless Chromium: sign in, start an experiment with the form, watch htmx bring
 * the events of an assigned shopper into the metrics table without a reload, then stop it.
 */
class ExperimentPagesSeleniumTest {

    private TestServer server;
    private WebDriver driver;
    private HeadlessChromium browser;

    @BeforeEach void start() throws IOException {
        server = TestServer.start();
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterEach void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test void an_experiment_started_in_the_console_shows_live_metrics_and_can_be_stopped() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.baseUrl() + "/console/experiments");
        wait.until(ExpectedConditions.urlContains("/console/login"));
        driver.findElement(By.id("key")).sendKeys(TestServer.ADMIN_KEY);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));

        driver.get(server.baseUrl() + "/console/experiments");
        driver.findElement(By.id("exp-id")).sendKeys("home-feed");
        driver.findElement(By.id("exp-description")).sendKeys("SASRec on the home feed");
        WebElement config = driver.findElement(By.name("variant_config_1"));
        config.sendKeys("model=sasrec");
        driver.findElement(By.id("start-experiment")).click();
        wait.until(ExpectedConditions.urlContains("/console/experiments/home-feed"));
        WebElement treatmentRow = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#variant-metrics tr[data-variant=treatment]")));
        assertThat(treatmentRow.findElement(By.cssSelector(".sessions")).getText()).isEqualTo("0");

        // A shopper the experiment puts in the treatment sees a list and clicks; the open page picks it up by itself.
        String shopper = shopperIn("treatment");
        String now = Instant.now().toString();
        TestServer.Response sent = server.post("/v1/events", TestServer.PUBLIC_KEY, """
                {"events": [
                  {"event_id": "e1", "name": "view_item_list", "shopper_id": "%s", "session_id": "s1", "timestamp": "%s"},
                  {"event_id": "e2", "name": "select_item", "shopper_id": "%s", "session_id": "s1", "timestamp": "%s",
                   "items": [{"item_id": "P1"}]}]}
                """.formatted(shopper, now, shopper, now));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#variant-metrics tr[data-variant=treatment] .sessions"), "1"));
        WebElement row = driver.findElement(By.cssSelector("#variant-metrics tr[data-variant=treatment]"));
        assertThat(row.findElement(By.cssSelector(".impressions")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".clicks")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".rate")).getText()).startsWith("100.0%");

        driver.findElement(By.id("stop-experiment")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "stopped"));
        assertThat(driver.findElements(By.id("stop-experiment"))).isEmpty();
        assertThat(server.server().experiments().find("home-feed").orElseThrow().running()).isFalse();
    }

    private String shopperIn(String variant) {
        for (int i = 0; i < 200; i++) {
            JsonNode a = server.get("/v1/experiments/home-feed/assignment?shopper_id=u" + i, TestServer.PUBLIC_KEY).json();
            if (variant.equals(a.path("variant").asText())) return "u" + i;
        }
        throw new AssertionError("no shopper among 200 is in " + variant);
    }
}
