package io.aisle.server.console;

import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The store's chat panel in a real headless Chromium: a question streams back an answer with product links. */
class StoreChatSeleniumTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private TestServer server;
    private WebDriver driver;
    private Path profile;

    @BeforeEach void start() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("This test drives a real browser and needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with: apt-get install -y chromium chromium-driver");
        }
        server = TestServer.start();
        Fixtures.product(server, "trail-1", "Trail runner", "Shoes", "Running", "89.90");
        Fixtures.product(server, "road-2", "Road runner", "Shoes", "Running", "149.00");
        Fixtures.awaitSearch(server, "runner", 2);
        profile = Files.createTempDirectory("aisle-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
