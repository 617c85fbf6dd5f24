package io.smelt.cli;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by its chromedriver through Selenium, with nothing downloaded
 * (the driver and browser are named, so Selenium Manager never runs) and no network: host names resolve
 * to nothing but 127.0.0.1, and {@link #offline} turns the network off altogether for pages opened from file://.
 * Without Chromium the tests fail, saying how to install it, unless {@code -DskipBrowser} is given.
 */
final class TestingChromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots of each step go, kept as test output. */
    static final Path SCREENSHOTS = Path.of("target", "docs-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private TestingChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static TestingChromium start() throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            Assumptions.assumeTrue(System.getProperty("skipBrowser") == null, "-DskipBrowser: the browser tests are skipped");
            throw new AssertionError("the docs site's browser tests need " + BROWSER + " and " + DRIVER
                    + ": sudo apt-get install -y chromium chromium-driver (CI's .ci/run installs them), or run with -DskipBrowser");
        }
        Assumptions.assumeTrue(System.getProperty("skipBrowser") == null, "-DskipBrowser: the browser tests are skipped");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("smelt-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new TestingChromium(new ChromeDriver(service, options), profile);
    }

    /** No network at all from here on: only file:// pages load. */
    void offline() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Every URL the page loaded: the document and its resources. */
    @SuppressWarnings("unchecked")
    List<String> loadedUrls() {
        return (List<String>) driver.executeScript(
                "return [location.href].concat(performance.getEntriesByType('resource').map(function (e) { return e.name; }));");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver web() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        }
        finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
