package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's chat panel in a real headless Chromium: a question streams back an answer with product links. */
class StoreChatSeleniumTest {

    private TestServer server;
    private WebDriver driver;
    private HeadlessChromium browser;

    @BeforeEach void start() throws IOException {
        server = TestServer.start();
        Fixtures.product(server, "trail-1", "Trail runner", "Shoes", "Running", "89.90");
        Fixtures.product(server, "road-2", "Road runner", "Shoes", "Running", "149.00");
        Fixtures.awaitSearch(server, "runner", 2);
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterEach void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test void a_question_streams_back_an_answer_with_product_links() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(server.baseUrl() + "/store");
        driver.findElement(By.cssSelector("#aisle-chat .chat-toggle")).click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#aisle-chat input[name=message]")));
        input.sendKeys("show me runners under 100 dollars");
        driver.findElement(By.cssSelector("#aisle-chat .chat-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#aisle-chat .chat-cards a")));
        List<WebElement> links = driver.findElements(By.cssSelector("#aisle-chat .chat-cards a"));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getText()).contains("Trail runner").contains("89.90");
        assertThat(links.get(0).getAttribute("href")).endsWith("/store/products/trail-1");
        List<WebElement> answers = driver.findElements(By.cssSelector("#aisle-chat .chat-msg.assistant"));
        assertThat(answers.get(answers.size() - 1).getText()).contains("Trail runner").doesNotContain("Road runner");
        // Before consent the chat keeps nothing on the device.
        Object stored = ((JavascriptExecutor) driver).executeScript("return localStorage.length + sessionStorage.length;");
        assertThat(((Number) stored).intValue()).isZero();
    }
}
